--[[
  Credits a referrer's reward for one order, once per order for ever: the marker, the credit, its
  ledger line and the referral counters are one step, so a redone poll round or a second worker
  finds the marker and changes nothing.

  KEYS[1] marker (credited:referral:<order>)   ARGV[1] units
  KEYS[2] referrer's wallet                    ARGV[2] ledger entry JSON ("__BALANCE__" placeholder)
  KEYS[3] referrer's ledger                    ARGV[3] ledger cap
  KEYS[4] referrer's referral hash             ARGV[4] counters' key prefix (bonus:referral, not a top-up)
  KEYS[5] totals hash                          ARGV[5] now ms
  Returns {1 credited now | 0 credited before, units credited for this order}
]]
--- @include "includes/appendLedger"
--- @include "includes/stats"
local marker, wallet, ledger, mine, totals = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local before = redis.call('GET', marker)
if before then return {0, before} end
local bal = redis.call('INCRBY', wallet, ARGV[1])
redis.call('SET', marker, ARGV[1])
appendLedger(ledger, ARGV[2], bal, ARGV[3])
redis.call('HINCRBY', mine, 'earned', ARGV[1])
redis.call('HINCRBY', mine, 'rewarded', 1)
redis.call('HINCRBY', totals, 'earned', ARGV[1])
redis.call('HINCRBY', totals, 'rewarded', 1)
statsMoney(ARGV[4], ARGV[5], 'bonus:referral', ARGV[1], '')
return {1, ARGV[1]}

--[[
  One redemption of a promo code, all checks and effects in one step: with 50 users at once on a
  10-use code exactly 10 get it. A credit code credits the wallet (with its ledger line); a discount
  code is held for the user's next charged order (orderReserve consumes it) until the code itself
  expires: a discount redeemed on the last day does not outlive its promotion.

  KEYS[1] code hash    ARGV[1] user id
  KEYS[2] redeemers    ARGV[2] now ms
  KEYS[3] held         ARGV[3] held discount JSON (for a discount code)
  KEYS[4] wallet       ARGV[4] ledger entry JSON ("__AMOUNT__", "__BALANCE__" placeholders)
  KEYS[5] ledger       ARGV[5] ledger cap
                       ARGV[6] counters' key prefix: a credit counts as bonus:promo (not a top-up)
  Returns {'ok', kind, balance} | {'unknown'} | {'disabled'} | {'expired'} | {'already'}
        | {'used_up'} | {'held', the discount already held (JSON)}
]]
--- @include "includes/appendLedger"
--- @include "includes/stats"
local code, redeemers, held, wallet, ledger = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local h = redis.call('HMGET', code, 'kind', 'amount', 'uses', 'used', 'expiresAt', 'disabled')
if not h[1] then return {'unknown'} end
if h[6] == '1' then return {'disabled'} end
if tonumber(ARGV[2]) >= tonumber(h[5]) then return {'expired'} end
if redis.call('SISMEMBER', redeemers, ARGV[1]) == 1 then return {'already'} end
if tonumber(h[4]) >= tonumber(h[3]) then return {'used_up'} end
local balance = ''
if h[1] == 'discount' then
  local other = redis.call('GET', held)
  if other then return {'held', other} end
  redis.call('SET', held, ARGV[3], 'PXAT', h[5])
else
  local bal = redis.call('INCRBY', wallet, h[2])
  appendLedger(ledger, string.gsub(ARGV[4], '"__AMOUNT__"', '"' .. h[2] .. '"'), bal, ARGV[5])
  balance = unitsText(bal)
  statsMoney(ARGV[6], ARGV[2], 'bonus:promo', h[2], '')
end
redis.call('HINCRBY', code, 'used', 1)
redis.call('SADD', redeemers, ARGV[1])
return {'ok', h[1], balance}

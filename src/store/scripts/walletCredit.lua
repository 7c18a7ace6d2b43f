--[[
  Credits a wallet once per idempotency key: the marker and the credit are one atomic step, so a
  repeated event (a second refund, a redelivered payment) can never credit twice, nor count twice:
  a top-up is counted in the shop's counters (statsMoney) only when it credits now.

  KEYS[1] marker ('' for no idempotency key)   ARGV[1] units
  KEYS[2] wallet                               ARGV[2] ledger entry JSON ("__BALANCE__" placeholder)
  KEYS[3] ledger                               ARGV[3] ledger cap
                                               ARGV[4] counters' key prefix ('' counts nothing)
                                               ARGV[5] now ms: the day it is counted on
                                               ARGV[6] counter kind (topup:card…)
                                               ARGV[7] stars paid ('' when not Stars)
  Returns {1 credited now | 0 credited before, balance}
]]
--- @include "includes/appendLedger"
--- @include "includes/stats"
local marker, wallet, ledger = KEYS[1], KEYS[2], KEYS[3]
if marker ~= '' and redis.call('EXISTS', marker) == 1 then return {0, redis.call('GET', wallet) or '0'} end
local bal = redis.call('INCRBY', wallet, ARGV[1])
if marker ~= '' then redis.call('SET', marker, ARGV[1]) end
appendLedger(ledger, ARGV[2], bal, ARGV[3])
statsMoney(ARGV[4], ARGV[5], ARGV[6], ARGV[1], ARGV[7])
return {1, unitsText(bal)}

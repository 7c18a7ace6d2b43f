--[[
  Credits a wallet once per idempotency key: the marker and the credit are one atomic step, so a
  repeated event (a second refund, a redelivered payment) can never credit twice.

  KEYS[1] marker ('' for no idempotency key)   ARGV[1] units
  KEYS[2] wallet                               ARGV[2] ledger entry JSON ("__BALANCE__" placeholder)
  KEYS[3] ledger                               ARGV[3] ledger cap
  Returns {1 credited now | 0 credited before, balance}
]]
--- @include "includes/appendLedger"
local marker, wallet, ledger = KEYS[1], KEYS[2], KEYS[3]
if marker ~= '' and redis.call('EXISTS', marker) == 1 then return {0, redis.call('GET', wallet) or '0'} end
local bal = redis.call('INCRBY', wallet, ARGV[1])
if marker ~= '' then redis.call('SET', marker, ARGV[1]) end
appendLedger(ledger, ARGV[2], bal, ARGV[3])
return {1, tostring(bal)}

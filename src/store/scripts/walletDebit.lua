--[[
  Debits a wallet without ever going below zero: check and decrement in one step (no
  read-then-write race).

  KEYS[1] wallet   ARGV[1] units
  KEYS[2] ledger   ARGV[2] ledger entry JSON ("__AMOUNT__" and "__BALANCE__" placeholders)
                   ARGV[3] ledger cap
                   ARGV[4] '1': take what there is, up to the amount (admin corrections)
  Returns {1 debited | 0 refused, balance, units taken}
]]
--- @include "includes/appendLedger"
local wallet, ledger = KEYS[1], KEYS[2]
local bal = tonumber(redis.call('GET', wallet) or '0')
local amount = tonumber(ARGV[1])
if bal < amount then
  if ARGV[4] ~= '1' then return {0, tostring(bal), '0'} end
  amount = bal
end
local after = redis.call('DECRBY', wallet, amount)
local entry = string.gsub(ARGV[2], '"__AMOUNT__"', '"-' .. tostring(amount) .. '"')
appendLedger(ledger, entry, after, ARGV[3])
return {1, tostring(after), tostring(amount)}

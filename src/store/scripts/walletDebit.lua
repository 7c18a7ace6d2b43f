--[[
  Debits a wallet without ever going below zero: check and decrement in one step (no
  read-then-write race). A counted debit (a Stars refund) adds what it took to the shop's
  counters in the same step (statsMoney).

  KEYS[1] wallet   ARGV[1] units
  KEYS[2] ledger   ARGV[2] ledger entry JSON ("__AMOUNT__" and "__BALANCE__" placeholders)
                   ARGV[3] ledger cap
                   ARGV[4] '1': take what there is, up to the amount (admin corrections)
                   ARGV[5] counters' key prefix ('' counts nothing)
                   ARGV[6] now ms: the day it is counted on
                   ARGV[7] counter kind (refund:stars)
                   ARGV[8] stars given back ('' when not Stars)
  Returns {1 debited | 0 refused, balance, units taken}
]]
--- @include "includes/appendLedger"
--- @include "includes/stats"
local wallet, ledger = KEYS[1], KEYS[2]
local bal = tonumber(redis.call('GET', wallet) or '0')
local amount = tonumber(ARGV[1])
if bal < amount then
  if ARGV[4] ~= '1' then return {0, unitsText(bal), '0'} end
  amount = bal
end
local after = redis.call('DECRBY', wallet, amount)
local entry = string.gsub(ARGV[2], '"__AMOUNT__"', '"-' .. unitsText(amount) .. '"')
appendLedger(ledger, entry, after, ARGV[3])
statsMoney(ARGV[5], ARGV[6], ARGV[7], unitsText(amount), ARGV[8])
return {1, unitsText(after), unitsText(amount)}

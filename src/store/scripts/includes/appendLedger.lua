--[[
  Appends a ledger entry (JSON) to a user's ledger list, newest first, with its "__BALANCE__"
  placeholder replaced by the balance after the movement, and keeps the list at most `max` long.
  Called by every script that moves money, in the same step as the balance change.
]]
--- @include "units"
local function appendLedger(ledger, entry, balance, max)
  entry = string.gsub(entry, '"__BALANCE__"', unitsText(tonumber(balance)))
  redis.call('LPUSH', ledger, entry)
  redis.call('LTRIM', ledger, 0, tonumber(max) - 1)
end

--[[
  Ends the user's dialog if it is of one kind (ActiveDialogs.take): read and delete in one step,
  so of two answers sent at once only one is taken as the answer.

  KEYS[1] the user's dialog   ARGV[1] kind
  Returns the stored value ('<kind>:<payload>'), or nil when no dialog of that kind is under way
]]
local v = redis.call('GET', KEYS[1])
local prefix = ARGV[1] .. ':'
if not v or string.sub(v, 1, #prefix) ~= prefix then return false end
redis.call('DEL', KEYS[1])
return v

--[[
  The same fields of many orders in one call (the poller's batch of 100): one command to write
  instead of a hundred HMGETs of the same field list.

  KEYS[1..n] the orders' records  ARGV the field codes
  Returns one HMGET answer per record
]]
local out = {}
for i = 1, #KEYS do out[i] = redis.call('HMGET', KEYS[i], unpack(ARGV)) end
return out

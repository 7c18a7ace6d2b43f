--[[
  The same fields of many orders in one call: a batch's reads cost one command, not one per
  order, and the field names cross the wire once.

  KEYS the orders   ARGV the fields
  Returns per order its values in ARGV's order (nil: absent)
]]
local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('HMGET', key, unpack(ARGV)) end
return out

--[[
  Repairs an order that older versions left half-marked unknown (the placement set, the two set
  updates lost in a crash): an unknown order leaves the placing set and joins the unknown set.

  KEYS[1] order     ARGV[1] order id
  KEYS[2] placing
  KEYS[3] unknown
  Returns 1 when something was repaired, else 0
]]
--- @include "includes/orderFields"
orderUpgrade(KEYS[1])
if redis.call('HGET', KEYS[1], F.placement) ~= 'unknown' then return 0 end
local removed = redis.call('ZREM', KEYS[2], ARGV[1])
local added = redis.call('SADD', KEYS[3], ARGV[1])
if removed + added > 0 then return 1 end
return 0

--[[
  Compare-and-set of an order's placement, so that only one process moves an order on.

  KEYS[1] order   ARGV[1] allowed current placements, comma-separated ('*': any, a plain update)
                  ARGV[2] n: the number of field, value pairs to set that follow
                  ARGV[3..] field, value, … to set (codes), then fields to delete
  Returns 'ok' | the current placement ('' when there is no order)
]]
--- @include "includes/orderFields"
orderUpgrade(KEYS[1])
local cur = redis.call('HGET', KEYS[1], F.placement)
local allowed = false
for from in string.gmatch(ARGV[1], '[^,]+') do if cur == from or (from == '*' and cur) then allowed = true end end
if not allowed then return cur or '' end
local n = tonumber(ARGV[2])
for i = 3, 2 + 2 * n, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
for i = 3 + 2 * n, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
return 'ok'

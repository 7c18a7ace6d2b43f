--[[
  Compare-and-set of an order's placement, so that only one process moves an order on.

  KEYS[1] order   ARGV[1] allowed current placements, comma-separated
                  ARGV[2..] field, value, … to set
  Returns 'ok' | the current placement ('' when there is no order)
]]
local cur = redis.call('HGET', KEYS[1], 'placement')
local allowed = false
for from in string.gmatch(ARGV[1], '[^,]+') do if cur == from then allowed = true end end
if not allowed then return cur or '' end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 'ok'

--[[
  sending|reserved → unknown, out of the placing set and into the unknown set, in one step: a
  crash can never leave an unknown order that recovery skips and /settle does not list.

  KEYS[1] order     ARGV[1] fail reason
  KEYS[2] placing   ARGV[2] now ms
  KEYS[3] unknown   ARGV[3] order id
                    ARGV[4] stats prefix
  Returns 'ok' | the current placement ('' when there is no order)
]]
--- @include "includes/orderFields"
--- @include "includes/stats"
local order, placing, unknown = KEYS[1], KEYS[2], KEYS[3]
orderUpgrade(order)
local cur = redis.call('HGET', order, F.placement)
if cur ~= 'sending' and cur ~= 'reserved' then return cur or '' end
if statsCounted(order) then statsAdd(order, ARGV[4], {'placing', -1, 'unknown', 1}) end
redis.call('HSET', order, F.placement, 'unknown', F.failReason, ARGV[1], F.updatedAt, ARGV[2])
redis.call('ZREM', placing, ARGV[3])
redis.call('SADD', unknown, ARGV[3])
return 'ok'

--[[
  sending|unknown|reserved → placed with the panel's id; scheduled for polling.

  KEYS[1] order      ARGV[1] panel order id
  KEYS[2] placing    ARGV[2] now ms
  KEYS[3] unknown    ARGV[3] order id
  KEYS[4] the panel id's bucket of the panel-id map   ARGV[4] first poll at, ms
  KEYS[5] pollDue    ARGV[5] stats prefix
  Returns 'ok' | the current placement
]]
--- @include "includes/orderFields"
--- @include "includes/stats"
local order, placing, unknown, panelIdBucket, pollDue = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
orderUpgrade(order)
local cur = redis.call('HGET', order, F.placement)
if cur ~= 'sending' and cur ~= 'unknown' and cur ~= 'reserved' then return cur or '' end
redis.call('HSET', order, F.placement, 'placed', F.panelOrderId, ARGV[1], F.status, 'pending', F.statusRaw, 'Pending', F.placedAt, ARGV[2], F.updatedAt, ARGV[2])
if statsCounted(order) then
  local h = redis.call('HMGET', order, F.priceUnits, F.costUnits, F.serviceId)
  local price = tonumber(h[1] or '0')
  local cost = tonumber(h[2] or '0')
  statsAdd(order, ARGV[5], {statsPlacementField(cur), -1, 'placed', 1, 'st:pending', 1, 'turnover', price, 'margin', price - cost})
  if h[3] then statsAdd(order, ARGV[5], {'svc:' .. h[3], 1}) end
end
redis.call('ZREM', placing, ARGV[3])
redis.call('SREM', unknown, ARGV[3])
redis.call('HSET', panelIdBucket, ARGV[1], ARGV[3])
redis.call('ZADD', pollDue, ARGV[4], ARGV[3])
return 'ok'

--[[
  A closed order that is in the archive leaves the hot structures: its record, the all-orders,
  per-user, per-service and per-link lists, the panel-id map, the poll queues and the attention
  set. Only if the record is still exactly as it was archived (every field compared): a change
  since (a status the poller wrote, a refill asked for) keeps it hot, and a later pass archives
  it again. Money is not touched: the ledger and the refund markers stay.

  KEYS[1] order  KEYS[2] its bucket of the all-orders list  KEYS[3] userOrders
  KEYS[4] its bucket of its service's list (or that list's older zset)
  KEYS[5] linkOrders (the link index's older form)  KEYS[6] the panel id's bucket of the panel-id map
  KEYS[7] pollDue  KEYS[8] refillDue  KEYS[9] attention  KEYS[10] the link's bucket (includes/linkIndex.lua)
  KEYS[11] the panel-id map's older form  KEYS[12] the all-orders list's count
  KEYS[13] the per-service lists' counts, ARGV[4] the service id ('' when KEYS[4] is the older zset)
  ARGV[1] order id   ARGV[2] panel order id ('' when none)   ARGV[3] the link's field in the bucket
  ARGV[5..] the record as archived (code, value)…
  Returns 1 removed, 0 kept (changed, gone or still of format 1)
]]
--- @include "includes/linkIndex"
local order, id = KEYS[1], ARGV[1]
if redis.call('HLEN', order) * 2 ~= #ARGV - 4 then return 0 end
for i = 5, #ARGV, 2 do
  if redis.call('HGET', order, ARGV[i]) ~= ARGV[i + 1] then return 0 end
end
redis.call('DEL', order)
if redis.call('ZREM', KEYS[2], id) == 1 then redis.call('DECR', KEYS[12]) end
redis.call('ZREM', KEYS[3], id)
if redis.call('ZREM', KEYS[4], id) == 1 and ARGV[4] ~= '' then redis.call('HINCRBY', KEYS[13], ARGV[4], -1) end
redis.call('ZREM', KEYS[5], id)
linkRemove(KEYS[10], ARGV[3], id)
for _, map in ipairs({KEYS[6], KEYS[11]}) do
  if ARGV[2] ~= '' and redis.call('HGET', map, ARGV[2]) == id then redis.call('HDEL', map, ARGV[2]) end
end
redis.call('ZREM', KEYS[7], id)
redis.call('ZREM', KEYS[8], id)
redis.call('SREM', KEYS[9], id)
return 1

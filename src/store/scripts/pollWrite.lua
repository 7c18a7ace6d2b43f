--[[
  Writes what a panel answer changed, only if the order is still as it was read (the CAS fields),
  then reschedules it: due → next look (earlier if someone asked for one meanwhile), stop → off the
  schedule, attention → off the schedule and into the admins' set.

  KEYS[1] order   KEYS[2] schedule   KEYS[3] attention
  ARGV: id, mode, dueAt, lease, stats prefix, nStats, (counter, n)…, nCheck, (field, value)…,
        nSet, (field, value)…, fields to delete…
  The counters (includes/stats.lua) move with the write, by what the caller computed from the
  state it read: the compare-and-set makes that the stored state, so a redo counts nothing twice.
  Field names in the checks, sets and deletes are codes (includes/orderFields.lua).
  Returns 1 written, 0 not (the order moved on)
]]
--- @include "includes/pollLease"
--- @include "includes/orderFields"
--- @include "includes/stats"
local order, due, attention = KEYS[1], KEYS[2], KEYS[3]
local id, mode = ARGV[1], ARGV[2]
orderUpgrade(order)
if redis.call('HGET', order, F.placement) ~= 'placed' then
  redis.call('ZREM', due, id)
  return 0
end
local statsPrefix = ARGV[5]
local nStats = tonumber(ARGV[6])
local i = 7 + 2 * nStats
local n = tonumber(ARGV[i])
for j = 1, n do
  if (redis.call('HGET', order, ARGV[i + 2 * j - 1]) or '') ~= ARGV[i + 2 * j] then return 0 end
end
i = i + 2 * n + 1
n = tonumber(ARGV[i])
if n > 0 then
  local args = {}
  for j = 1, 2 * n do args[j] = ARGV[i + j] end
  redis.call('HSET', order, unpack(args))
end
i = i + 2 * n + 1
if i <= #ARGV then
  local dels = {}
  for j = i, #ARGV do dels[#dels + 1] = ARGV[j] end
  redis.call('HDEL', order, unpack(dels))
end
if nStats > 0 and statsCounted(order) then
  local deltas = {}
  for j = 7, 6 + 2 * nStats do deltas[#deltas + 1] = ARGV[j] end
  statsAdd(order, statsPrefix, deltas)
end
if mode == 'due' then
  local cur = redis.call('ZSCORE', due, id)
  if cur then
    if tonumber(cur) == tonumber(leaseScore(ARGV[4])) then redis.call('ZADD', due, ARGV[3], id)
    else redis.call('ZADD', due, 'LT', ARGV[3], id) end
  end
else
  redis.call('ZREM', due, id)
  if mode == 'attention' then redis.call('SADD', attention, id) end
end
return 1

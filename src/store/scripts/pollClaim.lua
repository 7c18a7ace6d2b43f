--[[
  Takes the ids for one status request and leases them until ARGV[3]: two workers never get the
  same id, and all of them follow one rule (src/poller/batching.ts, pickBatch): ARGV[2] ids when
  that many are due (ids of an expired lease first: they are the oldest); fewer only once the
  oldest due has waited ARGV[4] ms, and then the request is filled with the ids due soonest within
  ARGV[5] ms.

  KEYS[1] schedule (pollDue or refillDue)   ARGV[1] now, ms   ARGV[2] count   ARGV[3] lease end, ms
                                            ARGV[4] hold, ms  ARGV[5] look-ahead, ms
  Returns the ids (none: nothing to send yet)
]]
--- @include "includes/pollLease"
local key, now, count = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local hold, ahead = tonumber(ARGV[4]), tonumber(ARGV[5])
local ids = redis.call('ZRANGEBYSCORE', key, LEASED, string.format('%.0f', LEASED + now), 'LIMIT', 0, count)
local waited = #ids > 0
if #ids < count then
  local due = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, count - #ids)
  if #due > 0 and tonumber(due[2]) <= now - hold then waited = true end
  for i = 1, #due, 2 do ids[#ids + 1] = due[i] end
end
if #ids == 0 then return ids end
if #ids < count then
  if not waited then return {} end
  local more = redis.call('ZRANGEBYSCORE', key, string.format('(%.0f', now), string.format('%.0f', now + ahead), 'LIMIT', 0, count - #ids)
  for _, id in ipairs(more) do ids[#ids + 1] = id end
end
local score = leaseScore(ARGV[3])
local leases = {}
for i, id in ipairs(ids) do
  leases[2 * i - 1] = score
  leases[2 * i] = id
end
redis.call('ZADD', key, unpack(leases))
return ids

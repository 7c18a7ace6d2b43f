--[[
  A batch's writes after one panel answer, in one call. For each order: writes what the answer
  changed, only if the order is still as it was read (the CAS fields), then reschedules it:
  due → next look (earlier if someone asked for one meanwhile), stop → off the schedule,
  attention → off the schedule and into the admins' set.

  KEYS[1] schedule   KEYS[2] attention   KEYS[2 + j] the j-th order
  ARGV[1] stats prefix  ARGV[2] a JSON array of strings, per order: id, mode, dueAt, lease,
          nStats, (counter, n)…, nCheck, (field, value)…, nSet, (field, value)…, nDel, fields to
          delete… (one argument rather than about 1,200: a tenth of the cost to send and parse)
  The counters (includes/stats.lua) move with the write, by what the caller computed from the
  state it read: the compare-and-set makes that the stored state, so a redo counts nothing twice.
  Field names in the checks, sets and deletes are codes (includes/orderFields.lua).
  Returns how many orders were written (the others had moved on)
]]
--- @include "includes/orderFields"
--- @include "includes/stats"
local due, attention, statsPrefix = KEYS[1], KEYS[2], ARGV[1]
local W = cjson.decode(ARGV[2])

-- W[from], W[from + 1], … W[from + n - 1] as a list.
local function slice(from, n)
  local out = {}
  for j = 1, n do out[j] = W[from + j - 1] end
  return out
end

local function writeOne(order, i)
  local id, mode, dueAt, lease = W[i], W[i + 1], W[i + 2], W[i + 3]
  local nStats = tonumber(W[i + 4])
  local statsAt = i + 5
  local checkAt = statsAt + 2 * nStats
  local nCheck = tonumber(W[checkAt])
  local setAt = checkAt + 1 + 2 * nCheck
  local nSet = tonumber(W[setAt])
  local delAt = setAt + 1 + 2 * nSet
  local nDel = tonumber(W[delAt])
  local nextAt = delAt + 1 + nDel

  -- One read for the format check, the placement, the counted mark and the compare-and-set.
  local fields = {'placement', F.placement, F.cnt}
  for j = 0, nCheck - 1 do fields[#fields + 1] = W[checkAt + 1 + 2 * j] end
  local h = redis.call('HMGET', order, unpack(fields))
  if h[1] and orderUpgrade(order) then h = redis.call('HMGET', order, unpack(fields)) end
  if h[2] ~= 'placed' then
    redis.call('ZREM', due, id)
    return nextAt, 0
  end
  for j = 0, nCheck - 1 do
    if (h[4 + j] or '') ~= W[checkAt + 2 + 2 * j] then return nextAt, 0 end
  end
  if nSet > 0 then redis.call('HSET', order, unpack(slice(setAt + 1, 2 * nSet))) end
  if nDel > 0 then redis.call('HDEL', order, unpack(slice(delAt + 1, nDel))) end
  if nStats > 0 and h[3] == '1' then statsAdd(order, statsPrefix, slice(statsAt, 2 * nStats)) end
  if mode == 'due' then
    -- Still on the schedule: our lease (a score beyond every due time) gives way to dueAt, and an
    -- earlier look someone asked for meanwhile stays.
    redis.call('ZADD', due, 'XX', 'LT', dueAt, id)
  else
    redis.call('ZREM', due, id)
    if mode == 'attention' then redis.call('SADD', attention, id) end
  end
  return nextAt, 1
end

local written, i = 0, 1
for k = 3, #KEYS do
  local done
  i, done = writeOne(KEYS[k], i)
  written = written + done
end
return written

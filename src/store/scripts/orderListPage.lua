--[[
  A page of a bucketed list (all orders, or one service's), newest first: bucket after bucket
  from the last (the buckets hold consecutive ids or places, given out in creation order), each
  by score (created ms) within the range, from an offset into the range.

  Optionally the range's count: the list's counter, less the orders created at or after its end,
  less those created before its start, each counted from the newest bucket down to the first that
  has orders and none that late. So a count costs a call per bucket newer than the range, not
  per bucket of the list; it relies on ids (places) being given out in creation order, and is off
  only if a process's clock was off by more than a bucket's span (128 orders).

  ARGV[1] the buckets' key prefix  ARGV[2] entries a bucket  ARGV[3] the last bucket (-1: none)
  ARGV[4] min ('-inf' or ms)  ARGV[5] max ('+inf' or '(' ms)  ARGV[6] offset  ARGV[7] '1' to count
  ARGV[8] at most this many ids  ARGV[9] the list's count (its counter)
  ARGV[10] (optional) a zset read after bucket 0, as the list's oldest part (a service's older list)
  Returns {count in the range (-1 when not counted), id, id, …}
]]
local prefix, last, min, max = ARGV[1], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local skip, counting, limit = tonumber(ARGV[6]), ARGV[7] == '1', tonumber(ARGV[8])
-- The list's keys newest first, built as they are reached (a walk mostly stops after a few).
local older = ARGV[10]
local function keys()
  local b = last + 1
  return function()
    b = b - 1
    if b >= 0 then return prefix .. b end
    if b == -1 then return older end
  end
end

-- Orders created at or after `from` (ms), newest buckets first, up to the first with none.
local function atLeast(from)
  local n = 0
  for key in keys() do
    local c = redis.call('ZCOUNT', key, from, '+inf')
    n = n + c
    if c == 0 and redis.call('EXISTS', key) == 1 then break end
  end
  return n
end

local out = {-1}
if counting then
  local n = tonumber(ARGV[9])
  if max ~= '+inf' then n = n - atLeast(string.sub(max, 2)) end
  if min ~= '-inf' then n = n - (tonumber(ARGV[9]) - atLeast(min)) end
  out[1] = n
end
for key in keys() do
  if #out - 1 >= limit then break end
  local n = redis.call('ZCOUNT', key, min, max)
  if n > skip then
    local ids = redis.call('ZREVRANGEBYSCORE', key, max, min, 'LIMIT', skip, limit - (#out - 1))
    for _, id in ipairs(ids) do out[#out + 1] = id end
    skip = 0
  else
    skip = skip - n
    -- Past the range's start: no older bucket has an order in it.
    if n == 0 and min ~= '-inf' and redis.call('ZCOUNT', key, min, '+inf') == 0 and redis.call('EXISTS', key) == 1 then break end
  end
end
return out

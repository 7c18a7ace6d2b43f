--[[
  A page of the all-orders list, newest first: bucket after bucket from the last (the buckets hold
  id ranges, and ids are given out in creation order), each by score (created ms) within the
  range, from an offset into the range. With ARGV[7] = '1' it also counts the whole range, which
  looks at every bucket (a ZCOUNT of at most ARGV[2] entries each).

  ARGV[1] the buckets' key prefix  ARGV[2] ids a bucket  ARGV[3] the last bucket (the id sequence's)
  ARGV[4] min  ARGV[5] max (ZRANGEBYSCORE's syntax)  ARGV[6] offset  ARGV[7] '1' to count
  ARGV[8] at most this many ids
  Returns {count in the range (-1 when not counted), id, id, …}
]]
local prefix, last, min, max = ARGV[1], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local skip, counting, limit = tonumber(ARGV[6]), ARGV[7] == '1', tonumber(ARGV[8])
local out, total = {-1}, 0
for b = last, 0, -1 do
  local full = #out - 1 >= limit
  if full and not counting then break end
  local key = prefix .. b
  local n = redis.call('ZCOUNT', key, min, max)
  total = total + n
  if not full and n > 0 then
    if skip >= n then
      skip = skip - n
    else
      local ids = redis.call('ZREVRANGEBYSCORE', key, max, min, 'LIMIT', skip, limit - (#out - 1))
      skip = 0
      for _, id in ipairs(ids) do out[#out + 1] = id end
    end
  end
end
if counting then out[1] = total end
return out

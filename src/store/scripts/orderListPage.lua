--[[
  A page of a bucketed list (all orders, or one service's), newest first: bucket after bucket
  from the last (the buckets hold consecutive ids or places, given out in creation order), each
  by score (created ms) within the range, from an offset into the range. With ARGV[7] = '1' it
  also counts the whole range, which looks at every bucket (a ZCOUNT of at most ARGV[2] entries).

  ARGV[1] the buckets' key prefix  ARGV[2] entries a bucket  ARGV[3] the last bucket (-1: none)
  ARGV[4] min  ARGV[5] max (ZRANGEBYSCORE's syntax)  ARGV[6] offset  ARGV[7] '1' to count
  ARGV[8] at most this many ids
  ARGV[9] (optional) a zset read after bucket 0, as the list's oldest part (a service's older list)
  Returns {count in the range (-1 when not counted), id, id, …}
]]
local prefix, last, min, max = ARGV[1], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local skip, counting, limit = tonumber(ARGV[6]), ARGV[7] == '1', tonumber(ARGV[8])
local keys = {}
for b = last, 0, -1 do keys[#keys + 1] = prefix .. b end
if ARGV[9] then keys[#keys + 1] = ARGV[9] end
local out, total = {-1}, 0
for _, key in ipairs(keys) do
  local full = #out - 1 >= limit
  if full and not counting then break end
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

--[[
  One step of moving the all-orders list's older form (one zset) into its buckets: the first
  ARGV[3] entries, each to its bucket with its score, in one step, so a reader finds every order
  in one of the two. When the old zset is empty (gone), the passes' old cursors go too: they were
  positions in it.

  KEYS[1] the old zset  KEYS[2] the buckets' count  KEYS[3..] the passes' old cursors
  ARGV[1] the buckets' key prefix  ARGV[2] ids a bucket  ARGV[3] entries a step
  Returns the number of entries left
]]
local size = tonumber(ARGV[2])
local e = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[3]) - 1, 'WITHSCORES')
local added = 0
for i = 1, #e, 2 do
  added = added + redis.call('ZADD', ARGV[1] .. math.floor(tonumber(e[i]) / size), e[i + 1], e[i])
end
if added > 0 then redis.call('INCRBY', KEYS[2], added) end
if #e > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, #e / 2 - 1) end
local left = redis.call('ZCARD', KEYS[1])
if left == 0 then
  for i = 3, #KEYS do redis.call('DEL', KEYS[i]) end
end
return left

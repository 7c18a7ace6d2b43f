--[[
  Marks an update handled to the end and drops it from the pending ones, in one step.

  KEYS[1] pending   KEYS[2] bodies   KEYS[3] done bucket
  ARGV[1] update id   ARGV[2] its bit   ARGV[3] the bucket's TTL in seconds
]]
redis.call('SETBIT', KEYS[3], ARGV[2], 1)
redis.call('EXPIRE', KEYS[3], ARGV[3])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1

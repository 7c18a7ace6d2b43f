--[[
  Writes an archive bucket (OrderStore.archiveStep) only if it still holds what the caller read:
  a bucket is read, merged and written whole, and a write over someone else's would lose orders.

  KEYS[1] bucket   ARGV[1] the value read ('' when there was none)   ARGV[2] the new value
  Returns 1 written, 0 the bucket changed since it was read
]]
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1

--[[
  Brings a packed order's record back into its hash before something changes it (a refill asked
  for a closed order): only while the order has no hash and is still in the history (in the
  all-orders list; an archived one is closed for good). The packing pass is told to look at it
  again, to pack it once it is closed and quiet again.

  KEYS[1] order  KEYS[2] its bucket of the all-orders list  KEYS[3] orders:pack-later
  ARGV[1] order id  ARGV[2] now ms  ARGV[3..] the record from its bucket (code, value)…
  Returns 1 unpacked, 0 it has a hash already, -1 not in the history
]]
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then return -1 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return 1

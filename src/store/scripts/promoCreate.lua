--[[
  Creates a promo code unless one with that name exists (also a disabled or expired one: a name
  is never reused, so "already used" stays true for whoever used it).

  KEYS[1] code hash   ARGV[1] code
  KEYS[2] all codes   ARGV[2] created ms
                      ARGV[3..] field, value, …
  Returns 1 created | 0 exists
]]
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], 'used', 0)
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1

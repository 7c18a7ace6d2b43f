--[[
  Gives a lease up, only if this process still holds it.

  KEYS[1] lease   ARGV[1] holder token
  Returns 1 released, 0 not held
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0

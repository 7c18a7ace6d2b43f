--[[
  Renews a lease only while this process still holds it.

  KEYS[1] lease   ARGV[1] holder token   ARGV[2] lease ms
  Returns 1 renewed, 0 lost
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0

--[[
  Claims the one refund of a Stars charge, or the settling of an uncertain one: moves `refund`
  from ARGV[1] ('' = no refund yet, or 'uncertain') to 'started'.

  KEYS[1] the Stars charge hash   ARGV[1] the state it must be in now
  Returns 1 claimed, 0 someone else holds it (or it is done)
]]
if (redis.call('HGET', KEYS[1], 'refund') or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'refund', 'started')
return 1

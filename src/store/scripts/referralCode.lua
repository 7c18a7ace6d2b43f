--[[
  A user's referral code: the one they have, else `candidate` if no one else holds it. One step,
  so two taps at once never give one user two codes.

  KEYS[1] the user's referral hash   ARGV[1] user id
  KEYS[2] codes hash                 ARGV[2] candidate code
  Returns the user's code, or '' when the candidate is taken (the caller draws another)
]]
local mine = redis.call('HGET', KEYS[1], 'code')
if mine then return mine end
if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[1]) == 0 then return '' end
redis.call('HSET', KEYS[1], 'code', ARGV[2])
return ARGV[2]

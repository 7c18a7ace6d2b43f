--[[
  Moves a pending receipt to its decision: the first decision wins.

  KEYS[1] receipt   ARGV[1] decision   ARGV[2] admin id   ARGV[3] admin name   ARGV[4] now ms
  KEYS[2] pending   ARGV[5] approved amount ('' for none)
                    ARGV[6] receipt id (its member in the pending index)
  Returns 0 missing, 1 decided before, 2 decided now
]]
local k = KEYS[1]
if redis.call('EXISTS', k) == 0 then return 0 end
if redis.call('HGET', k, 'state') ~= 'pending' then return 1 end
redis.call('ZREM', KEYS[2], ARGV[6])
redis.call('HSET', k, 'state', ARGV[1], 'decidedBy', ARGV[2], 'decidedByName', ARGV[3], 'decidedAt', ARGV[4])
if ARGV[5] ~= '' then redis.call('HSET', k, 'approvedAmount', ARGV[5]) end
return 2

--[[
  Takes up to ARGV[2] ids due by ARGV[1] and leases them until ARGV[3]: two workers never get the
  same id.

  KEYS[1] schedule (pollDue or refillDue)   ARGV[1] due by, ms   ARGV[2] count   ARGV[3] lease end, ms
  Returns the ids
]]
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[3], id) end
return ids

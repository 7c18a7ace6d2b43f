--[[
  Stores the updates of a fetched batch that are not handled to the end (no done bit); an update
  already pending stays as it is. Returns the ids of all not-done updates: pending now, whether
  stored by this call or by an earlier one (a retried batch whose first store succeeded but whose
  answer was lost).

  KEYS[1] pending (zset)   KEYS[2] bodies (hash)   KEYS[2 + i] the done bucket of update i
  ARGV[3i-2] update id     ARGV[3i-1] its bit in the bucket     ARGV[3i] its JSON
]]
local fresh = {}
for i = 1, #KEYS - 2 do
  local id, bit, body = ARGV[3 * i - 2], ARGV[3 * i - 1], ARGV[3 * i]
  if redis.call('GETBIT', KEYS[2 + i], bit) == 0 then
    if redis.call('HSETNX', KEYS[2], id, body) == 1 then redis.call('ZADD', KEYS[1], id, id) end
    fresh[#fresh + 1] = id
  end
end
return fresh

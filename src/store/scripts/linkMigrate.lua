--[[
  Moves one link's orders from the index's older form (a zset per link) into its bucket field,
  merged with what the bucket already has (orders reserved since the upgrade), oldest first.

  KEYS[1] the old zset   KEYS[2] the link's bucket   ARGV[1] its field
  Returns how many ids moved
]]
local old = redis.call('ZRANGE', KEYS[1], 0, -1)
if #old == 0 then return 0 end
local seen, ids = {}, {}
local current = redis.call('HGET', KEYS[2], ARGV[1]) or ''
for id in string.gmatch(current, '%S+') do seen[id] = true; ids[#ids + 1] = id end
for _, id in ipairs(old) do
  if not seen[id] then seen[id] = true; ids[#ids + 1] = id end
end
table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
redis.call('HSET', KEYS[2], ARGV[1], table.concat(ids, ' '))
redis.call('DEL', KEYS[1])
return #old

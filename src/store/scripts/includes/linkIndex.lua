--[[
  The per-link index (keys.linkBucket): in a bucket hash, the field of one link holds its order
  ids, oldest first, separated by spaces.
]]
local function linkAdd(bucket, field, id)
  local ids = redis.call('HGET', bucket, field)
  redis.call('HSET', bucket, field, ids and (ids .. ' ' .. id) or id)
end

local function linkRemove(bucket, field, id)
  local ids = redis.call('HGET', bucket, field)
  if not ids then return end
  local kept = {}
  for other in string.gmatch(ids, '%S+') do
    if other ~= id then kept[#kept + 1] = other end
  end
  if #kept == 0 then redis.call('HDEL', bucket, field)
  else redis.call('HSET', bucket, field, table.concat(kept, ' ')) end
end

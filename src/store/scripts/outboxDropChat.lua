--[[
  The chat cannot be written to (403): its whole queue goes, each tagged message counted as blocked.

  KEYS[1] chat's queue   ARGV[1] chat id
  KEYS[2] ready          ARGV[2] tag key prefix
  KEYS[3] pending
  KEYS[4] attempts
  Returns the number of messages dropped
]]
local queue, ready, pending, attempts = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local msgs = redis.call('LRANGE', queue, 0, -1)
for _, m in ipairs(msgs) do
  local ok, msg = pcall(cjson.decode, m)
  if ok and type(msg) == 'table' and type(msg.tag) == 'string' then redis.call('HINCRBY', ARGV[2] .. msg.tag, 'blocked', 1) end
end
redis.call('DEL', queue)
if #msgs > 0 then redis.call('DECRBY', pending, #msgs) end
redis.call('ZREM', ready, ARGV[1])
redis.call('HDEL', attempts, ARGV[1])
return #msgs

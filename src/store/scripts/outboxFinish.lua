--[[
  The head message is done (delivered, or dropped as failed): pop it if it is still the one that
  was sent, count its tag's outcome in the same step, and space the chat's next message.

  KEYS[1] chat's queue   ARGV[1] chat id          ARGV[4] spacing ms
  KEYS[2] ready          ARGV[2] message as sent  ARGV[5] tag key prefix
  KEYS[3] pending        ARGV[3] outcome field
  KEYS[4] attempts
  Returns 1 popped, 0 the head was another message
]]
--- @include "includes/nowMs"
local queue, ready, pending, attempts = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local popped = 0
local head = redis.call('LINDEX', queue, 0)
if head == ARGV[2] then
  redis.call('LPOP', queue)
  redis.call('DECR', pending)
  popped = 1
  local ok, msg = pcall(cjson.decode, head)
  if ok and type(msg) == 'table' and type(msg.tag) == 'string' then redis.call('HINCRBY', ARGV[5] .. msg.tag, ARGV[3], 1) end
end
redis.call('HDEL', attempts, ARGV[1])
redis.call('ZADD', ready, nowMs() + tonumber(ARGV[4]), ARGV[1])
return popped

--[[
  Hands out up to ARGV[2] chats whose turn has come, each with a send slot from the global rate
  limit: slots are ARGV[4] ms apart for all processes together (Redis' own clock, so processes
  agree), and only slots within the next ARGV[5] ms are given out. Claimed chats are leased to the
  caller for ARGV[3] ms. Chats whose list is empty leave the ready set here.

  KEYS[1] ready   ARGV[1] queue key prefix   ARGV[2] max chats   ARGV[3] lease ms
  KEYS[2] rate    ARGV[4] slot interval ms   ARGV[5] lookahead ms
  Returns {wait ms, chat, head message, slot delay ms, …}; wait is -1 when nothing is queued
]]
--- @include "includes/nowMs"
local ready, rate, qprefix = KEYS[1], KEYS[2], ARGV[1]
local max, lease, interval, lookahead = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local now = nowMs()
local first = tonumber(redis.call('GET', rate) or '0')
if first < now then first = now end
local slots = math.floor((now + lookahead - first) / interval) + 1
if slots <= 0 then return {math.ceil(first - lookahead - now)} end
if slots > max then slots = max end
local out = {0}
local taken = 0
for _, chat in ipairs(redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', 0, slots + 20)) do
  if taken >= slots then break end
  local head = redis.call('LINDEX', qprefix .. chat, 0)
  if head then
    redis.call('ZADD', ready, now + lookahead + lease, chat)
    out[#out + 1] = chat
    out[#out + 1] = head
    out[#out + 1] = math.floor(first + taken * interval - now)
    taken = taken + 1
  else
    redis.call('ZREM', ready, chat)
  end
end
if taken > 0 then
  redis.call('SET', rate, string.format('%.3f', first + taken * interval), 'PX', 60000)
else
  local nxt = redis.call('ZRANGE', ready, 0, 0, 'WITHSCORES')
  out[1] = nxt[2] and math.max(0, tonumber(nxt[2]) - now) or -1
end
return out

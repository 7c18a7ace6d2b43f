--[[
  Not sent now: the message stays at the head and the chat waits ARGV[2] ms. With ARGV[3] = '1'
  the failed attempt is counted and the wait doubles per attempt.

  KEYS[1] ready      ARGV[1] chat id   ARGV[2] wait ms   ARGV[3] '1' to count an attempt
  KEYS[2] attempts
  Returns the attempt count (0 when not counted)
]]
--- @include "includes/nowMs"
local n = 0
local wait = tonumber(ARGV[2])
if ARGV[3] == '1' then
  n = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
  wait = wait * math.pow(2, math.min(n - 1, 10))
end
redis.call('ZADD', KEYS[1], nowMs() + wait, ARGV[1])
return n

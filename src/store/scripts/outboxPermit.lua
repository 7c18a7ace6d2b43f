--[[
  The hard cap under the slots: at most ARGV[1] sends in any trailing ARGV[3] ms, over all
  processes. Slots keep the pace even; this keeps a late batch (a stalled process, a slow Redis)
  from catching up in a burst. Sub-ms precision on purpose.

  KEYS[1] sent   ARGV[1] max sends   ARGV[2] unique send id   ARGV[3] window ms
  Returns 0 with the send recorded, or how many ms to wait
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[1], 2000)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(oldest[2]) + window - now))

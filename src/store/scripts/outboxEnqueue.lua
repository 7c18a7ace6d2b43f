--[[
  Dedupes, skips a user who blocked the bot (counting the outcome), appends, and makes the chat
  ready unless it already is (a later score there is a per-chat or 429 wait to respect).

  KEYS[1] seen marker ('' for none)   ARGV[1] message JSON
  KEYS[2] chat's queue                ARGV[2] chat id
  KEYS[3] ready                       ARGV[3] seen marker TTL, s
  KEYS[4] pending
  KEYS[5] user
  KEYS[6] tag counters ('' for none)
  Returns 0 seen before, 1 queued, 2 skipped (blocked)
]]
--- @include "includes/nowMs"
local seen, queue, ready, pending, user, tag = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
if seen ~= '' and not redis.call('SET', seen, '1', 'NX', 'EX', ARGV[3]) then return 0 end
if redis.call('HGET', user, 'blocked') == '1' then
  if tag ~= '' then redis.call('HINCRBY', tag, 'blocked', 1) end
  return 2
end
redis.call('RPUSH', queue, ARGV[1])
redis.call('INCR', pending)
redis.call('ZADD', ready, 'NX', nowMs(), ARGV[2])
return 1

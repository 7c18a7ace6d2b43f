--[[
  A private update that carries a referral code (/start ref_<code>): records the user as touch()
  does and, only when this is the user's first contact, binds them to the code's owner. "First
  contact" is the createdAt field being absent (HSETNX): setBlocked/setLocale never write it, so a
  my_chat_member update that came before /start does not make the user "existing". Recording and
  binding are one step, so no update can see the user as new twice.

  KEYS[1] user hash     ARGV[1] user id              ARGV[5] invited zset prefix
  KEYS[2] users set     ARGV[2] now ms               ARGV[6..] field, value, … of the user record
  KEYS[3] codes hash    ARGV[3] code
  KEYS[4] totals hash   ARGV[4] referral hash prefix
  Returns {1 first contact | 0 known user, referrer id bound now or ''}
]]
local user, users, codes, totals = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, now, code = ARGV[1], ARGV[2], ARGV[3]
local first = redis.call('HSETNX', user, 'createdAt', now)
for i = 6, #ARGV, 2 do redis.call('HSET', user, ARGV[i], ARGV[i + 1]) end
redis.call('SADD', users, id)
if first == 0 then return {0, ''} end
local owner = redis.call('HGET', codes, code)
if not owner or owner == id then return {1, ''} end
local mine = ARGV[4] .. id
if redis.call('HSETNX', mine, 'referrerId', owner) == 0 then return {1, ''} end
redis.call('HSET', mine, 'boundAt', now)
redis.call('HINCRBY', ARGV[4] .. owner, 'invited', 1)
redis.call('ZADD', ARGV[5] .. owner, now, id)
redis.call('HINCRBY', totals, 'users', 1)
return {1, owner}

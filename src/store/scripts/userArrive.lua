--[[
  The first thing the bot does with a user's update, in one round trip: records the user (a
  private update; writing again also means the bot is no longer blocked), counts the update in
  the flood guard's window and reads the stored language, the dialog under way and the chat's
  conversations state (ConversationStates).

  Recording: "first contact" is the createdAt field being absent (HSETNX): setBlocked/setLocale
  never write it, so a my_chat_member update that came before /start does not make the user
  "existing". With a referral code (/start ref_<code>) the first contact also binds the user to
  the code's owner in the same step, so no update can see the user as new twice.

  KEYS[1] user hash                 ARGV[1] user id            ARGV[6] referral hash prefix
  KEYS[2] users set                 ARGV[2] now ms             ARGV[7] invited zset prefix
  KEYS[3] rate-limit window counter ARGV[3] record: '1' | '0'  ARGV[8] username ('' none)
  KEYS[4] referral codes hash       ARGV[4] window counter TTL ms ('0': not counted)
  KEYS[5] referral totals hash      ARGV[5] referral code ('' none)
  KEYS[6] username → id key         ARGV[9..] field, value, … of the user record
  KEYS[7] the user's dialog (ActiveDialogs)
  KEYS[8] the chat's conversations state
  Returns {1 first contact | 0, referrer id bound now or '', stored locale or '', updates counted
  in the window (0: not counted), the dialog under way or '', the conversations state or nil}
]]
local user, users, window, codes, totals, username = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id, now, record, windowTtl, code = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]

local count = 0
if windowTtl ~= '0' then
  count = redis.call('INCR', window)
  if count == 1 then redis.call('PEXPIRE', window, windowTtl) end
end
local locale = redis.call('HGET', user, 'locale') or ''
local dialog = redis.call('GET', KEYS[7]) or ''
local conversation = redis.call('GET', KEYS[8])
if record ~= '1' then return {0, '', locale, count, dialog, conversation} end

local first = redis.call('HSETNX', user, 'createdAt', now)
for i = 9, #ARGV, 2 do redis.call('HSET', user, ARGV[i], ARGV[i + 1]) end
redis.call('SADD', users, id)
if ARGV[8] ~= '' then redis.call('SET', username, id) end
if first == 0 or code == '' then return {first, '', locale, count, dialog, conversation} end

local owner = redis.call('HGET', codes, code)
if not owner or owner == id then return {1, '', locale, count, dialog, conversation} end
local mine = ARGV[6] .. id
if redis.call('HSETNX', mine, 'referrerId', owner) == 0 then return {1, '', locale, count, dialog, conversation} end
redis.call('HSET', mine, 'boundAt', now)
redis.call('HINCRBY', ARGV[6] .. owner, 'invited', 1)
redis.call('ZADD', ARGV[7] .. owner, now, id)
redis.call('HINCRBY', totals, 'users', 1)
return {1, owner, locale, count, dialog, conversation}

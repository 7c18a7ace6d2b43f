--[[
  Cancel pressed on a confirmation: only the owner's draft is removed, so a cancel racing a
  confirm (another process, a redelivered update) can never drop an order that took money.

  KEYS[1] order   ARGV[1] user id
  Returns 'ok' | 'missing' (also another user's) | the placement it has moved on to
]]
--- @include "includes/orderFields"
orderUpgrade(KEYS[1])
local h = redis.call('HMGET', KEYS[1], F.userId, F.placement)
if not h[1] or h[1] ~= ARGV[1] then return 'missing' end
if h[2] ~= 'draft' then return h[2] end
redis.call('DEL', KEYS[1])
return 'ok'

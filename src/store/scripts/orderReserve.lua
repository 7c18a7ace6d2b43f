--[[
  draft → reserved: checks owner and state, takes the money, all in one step. A second press of
  Confirm, or two presses at once, find the order no longer a draft and do nothing.

  KEYS[1] order        ARGV[1] user id
  KEYS[2] wallet       ARGV[2] price units
  KEYS[3] ledger       ARGV[3] now ms
  KEYS[4] userOrders   ARGV[4] order id
  KEYS[5] list bucket  ARGV[5] ledger entry JSON ("__BALANCE__" placeholder)
  KEYS[6] placing      ARGV[6] ledger cap
  KEYS[7] held promo   ARGV[7] stats prefix
  A draft priced with a promo discount carries it (field promo, the held JSON): it is charged only
  while the user still holds that discount, and the charge consumes it. A cancelled or expired
  draft never reaches here, so it keeps the discount for the next order.
  KEYS[8] the per-service lists' places (keys.serviceListSeq), ARGV[9] the service id,
  ARGV[10] its list's bucket prefix, ARGV[11] orders a bucket: the order takes the next place in
  its service's list, in bucket place div ARGV[11] (its serviceSlot)
  KEYS[10] the all-orders list's count  KEYS[11] the per-service lists' counts
  KEYS[9] the link's bucket of the per-link index, ARGV[8] its field (includes/linkIndex.lua)
  Returns {'ok', balance} | {'missing'} | {'not_owner'} | {'state', placement} | {'funds', balance}
        | {'promo_gone'} (the discount went to another order)
]]
--- @include "includes/appendLedger"
--- @include "includes/linkIndex"
--- @include "includes/orderFields"
--- @include "includes/stats"
local order, wallet, ledger, userOrders, listBucket, placing, held = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
orderUpgrade(order)
local h = redis.call('HMGET', order, F.userId, F.placement, F.price, F.createdAt, F.promo)
if not h[1] then return {'missing'} end
if h[1] ~= ARGV[1] then return {'not_owner'} end
if h[2] ~= 'draft' then return {'state', h[2]} end
if h[5] and redis.call('GET', held) ~= h[5] then return {'promo_gone'} end
local price = tonumber(ARGV[2])
local bal = tonumber(redis.call('GET', wallet) or '0')
if bal < price then return {'funds', unitsText(bal)} end
local after = redis.call('DECRBY', wallet, price)
if h[5] then redis.call('DEL', held) end
-- A draft counts nothing: one from before the counters is counted from here on.
if redis.call('HGET', order, F.cnt) == false then redis.call('HSET', order, F.cnt, '1') end
redis.call('HSET', order, F.placement, 'reserved', F.updatedAt, ARGV[3])
statsAdd(order, ARGV[7], {'placing', 1})
redis.call('PERSIST', order)
redis.call('ZADD', userOrders, h[4], ARGV[4])
if redis.call('ZADD', listBucket, h[4], ARGV[4]) == 1 then redis.call('INCR', KEYS[10]) end
local slot = math.floor((redis.call('HINCRBY', KEYS[8], ARGV[9], 1) - 1) / tonumber(ARGV[11]))
if redis.call('ZADD', ARGV[10] .. slot, h[4], ARGV[4]) == 1 then redis.call('HINCRBY', KEYS[11], ARGV[9], 1) end
redis.call('HSET', order, F.serviceSlot, slot)
linkAdd(KEYS[9], ARGV[8], ARGV[4])
redis.call('ZADD', placing, ARGV[3], ARGV[4])
appendLedger(ledger, ARGV[5], after, ARGV[6])
return {'ok', unitsText(after)}

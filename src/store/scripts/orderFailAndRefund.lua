--[[
  reserved|sending|unknown → failed, and the money goes back once: only from the placements the
  caller read (ARGV[8]), so a decision taken on a stale read (recovery saw 'reserved' while the
  placer moved on to 'sending' and its request is out) refunds nothing.

  KEYS[1] order     ARGV[1] fail reason
  KEYS[2] wallet    ARGV[2] now ms
  KEYS[3] ledger    ARGV[3] refunded (decimal string)
  KEYS[4] placing   ARGV[4] order id
  KEYS[5] unknown   ARGV[5] ledger entry JSON ("__BALANCE__" placeholder)
  KEYS[6] held      ARGV[6] ledger cap
                    ARGV[7] stats prefix
                    ARGV[8] the placements it may start from, comma-separated
                    ARGV[9] what a promo code's key puts before the code (keys.promo.code)
  The order never ran, so a promo discount it consumed is held again (unless the user holds
  another one by now) until its code expires, as the redeem held it; not once the code has expired
  or is gone.
  Returns {'ok', balance} | {'state', placement}
]]
--- @include "includes/appendLedger"
--- @include "includes/orderFields"
--- @include "includes/stats"
local order, wallet, ledger, placing, unknown, held = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
orderUpgrade(order)
local cur = redis.call('HGET', order, F.placement)
local allowed = false
for from in string.gmatch(ARGV[8], '[^,]+') do
  if cur == from then allowed = true end
end
if not allowed then return {'state', cur or ''} end
local price = tonumber(redis.call('HGET', order, F.priceUnits) or '0')
local after = redis.call('INCRBY', wallet, price)
if statsCounted(order) then statsAdd(order, ARGV[7], {statsPlacementField(cur), -1, 'failed', 1}) end
redis.call('HSET', order, F.placement, 'failed', F.status, 'canceled', F.failReason, ARGV[1], F.updatedAt, ARGV[2], F.refunded, ARGV[3])
redis.call('ZREM', placing, ARGV[4])
redis.call('SREM', unknown, ARGV[4])
appendLedger(ledger, ARGV[5], after, ARGV[6])
local promo = redis.call('HGET', order, F.promo)
if promo then
  local ok, discount = pcall(cjson.decode, promo)
  local code = ok and type(discount) == 'table' and discount.code
  local expiresAt = type(code) == 'string' and tonumber(redis.call('HGET', ARGV[9] .. code, 'expiresAt') or '')
  if expiresAt and expiresAt > tonumber(ARGV[2]) then redis.call('SET', held, promo, 'NX', 'PXAT', string.format('%d', expiresAt)) end
end
return {'ok', unitsText(after)}

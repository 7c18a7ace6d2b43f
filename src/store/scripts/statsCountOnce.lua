--[[
  Counts an order from before the counters (the background count): adds what it contributes and
  marks it counted, once, and only if it is still as it was read (else the caller reads it again).

  KEYS[1] order   ARGV[1] stats prefix   ARGV[2] n checks   ARGV: (field, value)…, then (counter, n)…
  Check fields are codes (includes/orderFields.lua).
  Returns 1 counted now, 0 counted before (or gone), -1 changed since it was read
]]
--- @include "includes/orderFields"
--- @include "includes/stats"
local order = KEYS[1]
orderUpgrade(order)
if statsCounted(order) or redis.call('EXISTS', order) == 0 then return 0 end
local n = tonumber(ARGV[2])
for j = 1, n do
  if (redis.call('HGET', order, ARGV[1 + 2 * j]) or '') ~= ARGV[2 + 2 * j] then return -1 end
end
local deltas = {}
for j = 3 + 2 * n, #ARGV do deltas[#deltas + 1] = ARGV[j] end
statsAdd(order, ARGV[1], deltas)
redis.call('HSET', order, F.cnt, '1')
return 1

--[[
  The shop's counters (StatsStore), kept as events happen: one hash per UTC day of the order's
  creation (`<prefix>day:<day number>`) and one for all time (`<prefix>total`). An order's changes
  are counted only once its record carries cnt = 1, which says the counters hold exactly its
  current contribution: set at draft time for new orders, by the background count for older ones.
  Every caller changes the order in the same script, after a compare-and-set, so a redone step
  counts nothing twice. The order is of format 2 (its caller ran orderUpgrade). Money movements
  (top-ups, bonuses, Stars refunds) are counted on the UTC day they happen, by the script that
  moves the money, only when it moves it now (statsMoney).
]]
--- @include "orderFields"
local function statsCounted(order) return redis.call('HGET', order, F.cnt) == '1' end

-- The counter a placement that is not `placed` adds 1 to (a draft's own name: never read).
local function statsPlacementField(p)
  if p == 'reserved' or p == 'sending' then return 'placing' end
  if p == 'unknown' then return 'unknown' end
  return p
end

-- Adds field, n, … to the hash of the UTC day `ms` falls in and to the total. An n given as a
-- string goes to HINCRBY as it is (a large Lua number would be written as 1.2e+14).
local function statsAddAt(prefix, ms, deltas)
  local day = prefix .. 'day:' .. string.format('%d', math.floor(tonumber(ms) / 86400000))
  for i = 1, #deltas, 2 do
    local f, n = deltas[i], deltas[i + 1]
    if tonumber(n) ~= 0 then
      redis.call('HINCRBY', day, f, n)
      redis.call('HINCRBY', prefix .. 'total', f, n)
    end
  end
end

-- Adds field, n, … to the order's day and to the total.
local function statsAdd(order, prefix, deltas)
  statsAddAt(prefix, redis.call('HGET', order, F.createdAt) or '0', deltas)
end

-- Counts one money movement on the day it happens (`ms`): 1 to `kind` (topup:card, bonus:promo,
-- refund:stars…), its units to `kind`:units and, for Stars, the stars to `kind`:xtr ('' for none).
-- Callers count only in the step that moves the money, after their idempotency check.
local function statsMoney(prefix, ms, kind, units, stars)
  if prefix == '' then return end
  statsAddAt(prefix, ms, {kind, 1, kind .. ':units', units, kind .. ':xtr', stars ~= '' and stars or 0})
end

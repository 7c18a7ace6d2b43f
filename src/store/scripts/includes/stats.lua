--[[
  The shop's counters (StatsStore), kept as events happen: one hash per UTC day of the order's
  creation (`<prefix>day:<day number>`) and one for all time (`<prefix>total`). An order's changes
  are counted only once its record carries cnt = 1, which says the counters hold exactly its
  current contribution: set at draft time for new orders, by the background count for older ones.
  Every caller changes the order in the same script, after a compare-and-set, so a redone step
  counts nothing twice. The order is of format 2 (its caller ran orderUpgrade).
]]
--- @include "orderFields"
local function statsCounted(order) return redis.call('HGET', order, F.cnt) == '1' end

-- The counter a placement that is not `placed` adds 1 to (a draft's own name: never read).
local function statsPlacementField(p)
  if p == 'reserved' or p == 'sending' then return 'placing' end
  if p == 'unknown' then return 'unknown' end
  return p
end

-- Adds field, n, … to the order's day and to the total.
local function statsAdd(order, prefix, deltas)
  local created = tonumber(redis.call('HGET', order, F.createdAt) or '0')
  local day = prefix .. 'day:' .. string.format('%d', math.floor(created / 86400000))
  for i = 1, #deltas, 2 do
    local f, n = deltas[i], tonumber(deltas[i + 1])
    if n ~= 0 then
      redis.call('HINCRBY', day, f, n)
      redis.call('HINCRBY', prefix .. 'total', f, n)
    end
  end
end

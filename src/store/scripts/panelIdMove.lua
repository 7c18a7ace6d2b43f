--[[
  Moves entries of the panel-id map's older form (one hash) into its buckets: each only while the
  old hash still maps it to the same order, and then removed from the old hash, in one step, so a
  reader finds every entry in one of the two.

  KEYS[1] the old hash  KEYS[2..] each entry's bucket
  ARGV pairs: panel order id, local order id (in the order of KEYS[2..])
  Returns how many moved
]]
local moved = 0
for i = 2, #KEYS do
  local panelId, id = ARGV[2 * i - 3], ARGV[2 * i - 2]
  if redis.call('HGET', KEYS[1], panelId) == id then
    redis.call('HSET', KEYS[i], panelId, id)
    redis.call('HDEL', KEYS[1], panelId)
    moved = moved + 1
  end
end
return moved

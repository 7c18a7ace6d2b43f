--[[
  Packs closed orders (OrderStore.packStep): their records are in their archive bucket already,
  and each hash is deleted only if it is still exactly as it was written there (every field
  compared). The order stays in every list; readers find its record in the bucket. A change since
  (a refill asked for, a status the poller wrote) keeps the hash, and a later pass packs it again.

  KEYS[1..n] the orders' records
  ARGV: for each order in turn, the number of field, value pairs of its record, then the pairs
  Returns for each order 1 packed, 0 kept
]]
local out, at = {}, 1
for i, key in ipairs(KEYS) do
  local n = tonumber(ARGV[at])
  local same = redis.call('HLEN', key) == n
  for j = at + 1, at + 2 * n, 2 do
    if not same then break end
    same = redis.call('HGET', key, ARGV[j]) == ARGV[j + 1]
  end
  if same then redis.call('DEL', key) end
  out[i] = same and 1 or 0
  at = at + 1 + 2 * n
end
return out

--[[
  The all-orders list in id order, from just after an id: its buckets (zsets of the ids from
  b × size to b × size + size − 1, score = created ms) one after another, each bucket's entries
  sorted by id. The background passes walk it this way, with the last id as their cursor.

  ARGV[1] the buckets' key prefix  ARGV[2] ids a bucket  ARGV[3] after this id (0: from the start)
  ARGV[4] the last bucket to look at (the id sequence's)  ARGV[5] at most this many entries
  ARGV[6] stop at the first order created at or after this ms
  ARGV[7] leave out the orders created before this ms (the export's start)
  Returns {id, created ms, id, created ms, …}
]]
local prefix, size, after, last = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local count, before, from = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local out = {}
for b = math.floor((after + 1) / size), last do
  local e = redis.call('ZRANGEBYSCORE', prefix .. b, from, '+inf', 'WITHSCORES')
  local rows = {}
  for i = 1, #e, 2 do
    local id = tonumber(e[i])
    if id > after then rows[#rows + 1] = {id, e[i], e[i + 1]} end
  end
  table.sort(rows, function(x, y) return x[1] < y[1] end)
  for _, r in ipairs(rows) do
    if tonumber(r[3]) >= before then return out end
    out[#out + 1] = r[2]
    out[#out + 1] = r[3]
    if #out >= count * 2 then return out end
  end
end
return out

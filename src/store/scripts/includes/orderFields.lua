--[[
  GENERATED from src/store/order-codec.ts (ORDER_FIELDS): edit the table there, then write this
  file again with `npx tsx -e "import('./src/store/order-codec.ts').then((m) => process.stdout.write(m.orderFieldsLua()))" > src/store/scripts/includes/orderFields.lua`
  (test/store/order-codec.unit.test.ts checks that it is up to date).

  The order record's field codes (format 2): F.<name> is the hash field a script reads or writes.
  Left out of a record when they say nothing: id (the key has it), chatId = userId, canRefill and
  canCancel when not '1', serviceType = 'Default'.
]]
local F = {
  userId           = 'u',
  chatId           = 'c',
  locale           = 'lc',
  serviceId        = 's',
  serviceName      = 'sn',
  serviceType      = 't',
  category         = 'g',
  link             = 'l',
  quantity         = 'q',
  comments         = 'cm',
  runs             = 'rn',
  interval         = 'iv',
  rate             = 'r',
  price            = 'pr',
  listPrice        = 'lp',
  discount         = 'dc',
  promo            = 'pm',
  exchangeRate     = 'xr',
  panelCost        = 'pc',
  canRefill        = 'cr',
  canCancel        = 'cc',
  placement        = 'p',
  panelOrderId     = 'pi',
  failReason       = 'fr',
  status           = 'st',
  statusRaw        = 'sr',
  startCount       = 'sc',
  remains          = 'rm',
  charge           = 'ch',
  refunded         = 'rf',
  panelError       = 'pe',
  refillId         = 'ri',
  refillStatus     = 'rs',
  createdAt        = 'a',
  updatedAt        = 'ua',
  placedAt         = 'pa',
  priceUnits       = 'pu',
  costUnits        = 'cu',
  cnt              = 'n',
  serviceSlot      = 'sb',
  pollSeq          = 'ps',
  pollChangedAt    = 'pt',
  pollErrors       = 'px',
  pollErrorSince   = 'py',
  refillChangedAt  = 'rt',
  refillErrors     = 'rx',
  refillErrorSince = 'ry',
}

-- link and comments are stored in pieces of at most 64 bytes, cut between UTF-8 characters (a
-- longer value turns the hash from listpack into a hashtable): F.code, then code .. '2', …; a
-- value of more than 32 pieces whole. Only TypeScript reads them (order-codec.ts joins them).
local function orderChunks(value)
  local out, i, n = {}, 1, #value
  if n == 0 then return {value} end
  while i <= n do
    local j = math.min(i + 63, n)
    while j < n and j > i do
      local b = string.byte(value, j + 1)
      if b < 128 or b >= 192 then break end
      j = j - 1
    end
    out[#out + 1] = string.sub(value, i, j)
    i = j + 1
  end
  if #out > 32 then return {value} end
  return out
end

-- A record still of format 1 (long field names, 'placement' present) is rewritten in format 2, in
-- place and keeping its expiry, before a script works on it. Returns true when it rewrote.
local function orderUpgrade(key)
  if redis.call('HEXISTS', key, 'placement') == 0 then return false end
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  local out = {}
  for name, value in pairs(h) do
    local keep = name ~= 'id'
    if name == 'canRefill' or name == 'canCancel' then keep = value == '1' end
    if name == 'serviceType' then keep = value ~= 'Default' end
    if name == 'chatId' then keep = value ~= h.userId end
    if keep then
      local pieces = {value}
      if name == 'link' or name == 'comments' then pieces = orderChunks(value) end
      for i, piece in ipairs(pieces) do
        out[#out + 1] = (F[name] or name) .. (i > 1 and tostring(i) or '')
        out[#out + 1] = piece
      end
    end
  end
  local ttl = redis.call('PTTL', key)
  redis.call('DEL', key)
  redis.call('HSET', key, unpack(out))
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
  return true
end

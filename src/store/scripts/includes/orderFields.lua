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
  pollSeq          = 'ps',
  pollChangedAt    = 'pt',
  pollErrors       = 'px',
  pollErrorSince   = 'py',
  refillChangedAt  = 'rt',
  refillErrors     = 'rx',
  refillErrorSince = 'ry',
}

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
      out[#out + 1] = F[name] or name
      out[#out + 1] = value
    end
  end
  local ttl = redis.call('PTTL', key)
  redis.call('DEL', key)
  redis.call('HSET', key, unpack(out))
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
  return true
end

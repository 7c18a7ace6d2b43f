-- A whole number of money units as text: %d, not tostring, which writes 1e14 or more as 1e+14
-- (wrong digits in a ledger line; INCRBY and HINCRBY refuse it).
local function unitsText(n) return string.format('%d', n) end

--[[
  One step of the background rewrite of format-1 order records (the worker's migration, see
  OrderStore.migrateStep): each record given that is still of format 1 is rewritten in format 2;
  others (format 2, or gone) are left alone, so a step can be redone.

  KEYS[1..] order records
  Returns the number rewritten
]]
--- @include "includes/orderFields"
local n = 0
for _, key in ipairs(KEYS) do
  if orderUpgrade(key) then n = n + 1 end
end
return n

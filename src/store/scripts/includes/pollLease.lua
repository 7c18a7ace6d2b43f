--[[
  A claimed id's score is LEASED + its lease end: far beyond every due time, so a look-ahead for
  ids due soon never takes an id another worker holds, and still ordered by lease end, so an
  expired lease (score ≤ LEASED + now) is found by a range query. Integers stay exact (< 2^53).
]]
local LEASED = 10000000000000
local function leaseScore(lease) return string.format('%.0f', LEASED + tonumber(lease)) end

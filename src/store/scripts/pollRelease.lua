--[[
  Gives claimed ids back for ARGV[2], unless someone moved them meanwhile (their score is not our
  lease).

  KEYS[1] schedule   ARGV[1] our lease end, ms   ARGV[2] due again at, ms   ARGV[3..] ids
]]
--- @include "includes/pollLease"
local ours = tonumber(leaseScore(ARGV[1]))
for i = 3, #ARGV do
  local cur = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if cur and tonumber(cur) == ours then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i]) end
end
return 0

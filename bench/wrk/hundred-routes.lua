-- bench/memory.sh: GET /api/v1/resource<r>/<id> over the 100 routes in turn, and every 1,000th
-- request the year page, gzipped as a browser asks for it (unless PAGE is "no": the host without
-- the bundle has no page).
local n = 0
local page = os.getenv("PAGE") ~= "no"

request = function()
  n = n + 1
  if page and n % 1000 == 0 then
    return wrk.format("GET", "/status?days=365", { ["Accept-Encoding"] = "gzip" })
  end
  return wrk.format("GET", "/api/v1/resource" .. (n % 100) .. "/" .. (n % 997))
end

-- The same flood on one window, the page's default: what rotating-days.lua is compared with.
function request()
  return wrk.format("GET", "/status", { ["Accept-Encoding"] = "gzip" })
end

-- A flood that asks for another window with every request: ?days=1, 2, ... 365, round and round
-- (each wrk thread from its own starting point), gzip accepted as browsers do. The shape of the
-- traffic of issue 14.3.
local thread_count = 0
function setup(thread)
  thread:set("offset", thread_count * 97)
  thread_count = thread_count + 1
end

local counter = 0
function request()
  counter = counter + 1
  local days = ((counter + offset) % 365) + 1
  return wrk.format("GET", "/status?days=" .. days, { ["Accept-Encoding"] = "gzip" })
end

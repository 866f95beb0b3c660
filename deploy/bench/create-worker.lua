-- POST /v1/workers: a new worker (and its calendar, and their two outbox events) per request
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
local prefix
setup = function(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end
init = function()
  prefix = "bench-" .. id .. "-" .. tostring(os.time())
end
request = function()
  counter = counter + 1
  local body = '{"email":"' .. prefix .. "-" .. counter .. '@example.com","first_name":"Grace","last_name":"Hopper"}'
  return wrk.format(nil, "/v1/workers", nil, body)
end

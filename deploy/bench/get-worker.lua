-- GET /v1/workers/<SEED_ID>
local path = "/v1/workers/" .. os.getenv("SEED_ID")
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("GET", path, headers)
end

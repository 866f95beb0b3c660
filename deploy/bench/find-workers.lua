-- GET /v1/workers?page[size]=50: a full page of Find
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("GET", "/v1/workers?page[size]=50", headers)
end

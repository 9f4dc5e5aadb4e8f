-- One screening per request, by document number. Numbers run over a range 1000 times the register's size, so
-- about one query in a thousand is a registered number (the border's usual case: nearly everything is clear); above
-- 100,000 records the 8 digits wrap, and it is the register's size over 10^8 (1 % at 1,000,000 records).
local records = tonumber(os.getenv("RECORDS"))
local states = { "FRA", "D", "BEL", "ITA", "ESP", "NLD", "UTO", "GBR" }
-- Each of wrk's threads draws its own numbers: seeded alike, they would all ask the same ones.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + id)
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

request = function()
  local n = math.random(0, records * 1000 - 1)
  local body = string.format('{"documentNumber":"P%08d","issuingState":"%s","purpose":"border-check"}', n % 100000000, states[(n % 8) + 1])
  return wrk.format(nil, nil, nil, body)
end

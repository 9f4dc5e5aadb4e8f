-- One product lookup per request by a GTIN drawn from the generated catalogue (0 9506 then i on 8 digits, and
-- the GS1 check digit computed here as the server does).
local gtins = tonumber(os.getenv("GTINS"))
-- Each of wrk's threads draws its own numbers: seeded alike, they would all ask the same ones.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  math.randomseed(os.time() * 1000 + id)
end
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local function gtin(i)
  local body = string.format("09506%08d", i)
  local sum = 0
  for k = 1, #body do
    local digit = tonumber(body:sub(k, k))
    local fromRight = #body - k + 1
    sum = sum + digit * ((fromRight % 2 == 1) and 3 or 1)
  end
  return body .. ((10 - sum % 10) % 10)
end

request = function()
  return wrk.format(nil, "/api/v1/products/lookup?q=" .. gtin(math.random(0, gtins - 1)))
end

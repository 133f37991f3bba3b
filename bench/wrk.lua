-- wrk script: requests a path template with a random id from a file, as an authenticated owner.
-- usage: wrk ... -s bench/wrk.lua URL -- <template with {id}> <ids file> <token> [GET|POST]
local ids = {}
local template, token, method

function init(args)
  template, token, method = args[1], args[3], args[4] or "GET"
  for line in io.lines(args[2]) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local path = template:gsub("{id}", ids[math.random(#ids)])
  local headers = { ["Authorization"] = "Bearer " .. token }
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", path, headers, '{"type":"LIKE","direction":"INBOUND","channel":"LINKEDIN"}')
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end

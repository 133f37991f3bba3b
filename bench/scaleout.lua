-- wrk script for bench/scaleout.sh. SCALEOUT_MODE=write: POST /api/v1/contacts, each 201's id appended to
-- $SCALEOUT_OUT.<thread> (to prove no acknowledged write is lost); SCALEOUT_MODE=read: GET a seeded contact's
-- score (ids from $SCALEOUT_IDS). Prints one summary line: ok=<2xx> err5xx=<n> other=<n>.
local mode = os.getenv("SCALEOUT_MODE") or "write"
local token = os.getenv("SCALEOUT_TOKEN")
local threads, counter, ids, out = {}, 0, {}, nil
ok, err5, other = 0, 0, 0  -- globals: done() reads them per thread with thread:get
local next_id = 1

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  if mode == "write" then
    out = io.open(os.getenv("SCALEOUT_OUT") .. "." .. tid, "w")
  else
    for line in io.lines(os.getenv("SCALEOUT_IDS")) do table.insert(ids, line) end
    next_id = tid
  end
end

local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  if mode == "write" then
    return wrk.format("POST", "/api/v1/contacts", headers,
      string.format('{"displayName":"load %d-%d","tags":["scaleout"]}', tid, counter))
  end
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/api/v1/contacts/" .. ids[next_id] .. "/score", headers)
end

function response(status, hdrs, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
    if out then
      out:write(body:match('"id":"([0-9a-f%-]+)"'), "\n")
      out:flush()
    end
  elseif status >= 500 then
    err5 = err5 + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local o, e, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); e = e + t:get("err5"); x = x + t:get("other")
  end
  local s = summary.errors
  io.write(string.format("RESULT ok=%d err5xx=%d other=%d socket=%d requests=%d seconds=%.1f rps=%.1f p50ms=%.1f p99ms=%.1f\n",
    o, e, x, s.connect + s.read + s.write + s.timeout, summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

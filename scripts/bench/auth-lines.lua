-- wrk: POSTs one line of a file per request, each line once (client_credentials bodies, each
-- with its own client assertion: a jti is single-use). Thread i of n takes lines i, i+n, ...
-- Usage: wrk -t N -s auth-lines.lua URL -- FILE N
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local nthreads, i = tonumber(args[2]), 0
  lines, pos = {}, 0
  for line in io.lines(args[1]) do
    if i % nthreads == id then lines[#lines + 1] = line end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  pos = pos + 1
  -- past the end the lines repeat and are refused as replays (counted as non-2xx)
  return wrk.format(nil, nil, nil, lines[(pos - 1) % #lines + 1])
end

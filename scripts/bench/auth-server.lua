-- wrk script of scripts/bench/auth-server.sh. Thread i of n takes lines i, i+n, ... of FILE.
--   MODE "bodies": POSTs one line per request, each once (client_credentials bodies, each with
--     its own client assertion: a jti is single-use; past the end the lines repeat and are refused
--     as replays, counted as non-2xx).
--   MODE "refresh": the lines are live refresh tokens, a pool per thread; a request spends one,
--     its response puts the new (rotated) one back. A failed refresh loses its token; an empty
--     pool sends a dead token (non-2xx).
-- Usage: wrk -t N -s auth-server.lua URL -- FILE N MODE
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local nthreads, i = tonumber(args[2]), 0
  mode, lines, pos = args[3], {}, 0
  for line in io.lines(args[1]) do
    if i % nthreads == id then lines[#lines + 1] = line end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  if mode == "refresh" then
    local token = table.remove(lines, 1) or "exhausted"
    return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. token)
  end
  pos = pos + 1
  return wrk.format(nil, nil, nil, lines[(pos - 1) % #lines + 1])
end

function response(status, headers, body)
  if mode == "refresh" then
    local token = body and body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if status == 200 and token then lines[#lines + 1] = token end
  end
end

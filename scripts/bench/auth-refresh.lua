-- wrk: refresh with rotation. Each thread keeps a pool of live refresh tokens (its share of the
-- file: thread i of n takes lines i, i+n, ...); a request spends one, its response puts the new
-- one back. A failed refresh loses its token; an empty pool sends a dead token (non-2xx).
-- Usage: wrk -t N -s auth-refresh.lua URL -- FILE N
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local nthreads, i = tonumber(args[2]), 0
  pool = {}
  for line in io.lines(args[1]) do
    if i % nthreads == id then pool[#pool + 1] = line end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local token = table.remove(pool, 1) or "exhausted"
  return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  local token = body and body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if status == 200 and token then pool[#pool + 1] = token end
end

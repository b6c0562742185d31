-- Requests over a list of paths (after prelude.lua). Arguments (wrk … -- FILE MODE METHOD [HEADER…]):
--   FILE     one path a line
--   MODE     random: any path, any number of times; once: each path at most once over the whole run
--            (thread i takes lines i+1, i+1+T, …), then again from its first, so a run that
--            outlasts the list shows as refused answers
--   METHOD   GET or POST (a POST has an empty body)
--   HEADER   "Name: value", sent with every request
local paths, mode, method, headers, body, next_line = {}, "random", "GET", {}, nil, 0

function init(args)
    seed_thread()
    for line in io.lines(args[1]) do
        if line ~= "" then paths[#paths + 1] = line end
    end
    mode = args[2] or mode
    method = args[3] or method
    for i = 4, #args do
        local name, value = args[i]:match("^([^:]+):%s*(.*)$")
        headers[name] = value
    end
    if method == "POST" then body = "" end  -- wrk.format sends Content-Length: 0 only for a body
    next_line = id + 1
end

function request()
    local path
    if mode == "once" then
        if next_line > #paths then next_line = id + 1 end
        path = paths[next_line]
        next_line = next_line + thread_count
    else
        path = paths[math.random(#paths)]
    end
    return wrk.format(method, path, headers, body)
end

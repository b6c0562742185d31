-- Put first in every wrk script of Benchmarks/work.sh (which joins the parts into one file): each
-- thread gets `id` (0, 1, …) and its own random sequence; BENCH_THREADS says how many there are.
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")

-- Seeds this thread's random numbers (call from init).
function seed_thread()
    local f = io.open("/dev/urandom", "rb")
    local bytes = f:read(4)
    f:close()
    local n = 0
    for i = 1, 4 do n = n * 256 + bytes:byte(i) end
    math.randomseed(n + (id or 0))
end

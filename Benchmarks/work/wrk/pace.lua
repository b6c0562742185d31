-- Rate control for wrk, which has none (Debian has no wrk2): joined after prelude.lua, it holds the
-- whole run to BENCH_RATE requests a second, shared evenly by the threads. Each thread keeps a
-- schedule of send times 1/rate apart; every connection, before each request, takes the next free
-- time and waits for it (wrk's delay hook). A connection still waiting on its answer takes no time,
-- so when every connection is busy the schedule slips and the rate falls short: work.sh prints the
-- rate reached. Latency is what wrk measures, from the send to the answer.
local ffi = require("ffi")
ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
    ffi.C.clock_gettime(1, clock)  -- CLOCK_MONOTONIC
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local interval = 1000 * thread_count / tonumber(os.getenv("BENCH_RATE") or "100")
local next_send = nil

function delay()
    local now = now_ms()
    if next_send == nil then next_send = now end
    -- A schedule that fell behind does not make up the lost time in a burst.
    if next_send < now - interval then next_send = now end
    local wait = next_send - now
    next_send = next_send + interval
    if wait < 0 then return 0 end
    return math.floor(wait + 0.5)
end

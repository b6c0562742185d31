# Shell shared by the HTTP benchmarks of `make bench` (http.sh, work.sh); sourced, never run.
# After `bench_setup`: $tmp is a temporary folder the postgres user can reach, and everything started
# with `bench_track PID` or `bench_start_cluster` is stopped, and $tmp removed, when the script exits.
# `bench_fail` is the only way out with a non-zero status: a server that cannot be started.

# MARK: cleanup

pids=()
pg_owner=()
[ "$(id -u)" = 0 ] && pg_owner=(runuser -u postgres --)
pg_started=
tmp=

bench_setup() {
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/hub-bench.XXXXXX")"
    chmod 711 "$tmp"  # the postgres user must reach its data folder inside when we run as root
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$tmp"; then
        rm -rf "$tmp"  # postgres cannot reach TMPDIR: use /tmp
        tmp="$(mktemp -d /tmp/hub-bench.XXXXXX)"
        chmod 711 "$tmp"
    fi
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

bench_track() { pids+=("$1"); }

bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ -n "$pg_started" ]; then
        "${pg_owner[@]}" "$pgbin/pg_ctl" -D "$tmp/pg" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [ -z "$tmp" ] || rm -rf "$tmp"
    exit "$status"
}

bench_fail() {
    echo "bench: $1" >&2
    [ -z "${2:-}" ] || { echo "--- last lines of $(basename "$2"):" >&2; tail -n 20 "$2" >&2 || true; }
    exit 1
}

# MARK: packages

as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)

# The Debian packages every HTTP benchmark needs that are not installed (wrk, curl, the PostgreSQL
# server with pgbench, pgcrypto).
bench_missing_packages() {
    command -v wrk >/dev/null 2>&1 || echo wrk
    command -v curl >/dev/null 2>&1 || echo curl
    ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || echo postgresql
    ls /usr/share/postgresql/*/extension/pgcrypto.control >/dev/null 2>&1 || echo postgresql-contrib
    ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1 || echo postgresql-15-postgis-3
    return 0
}

# Installs PACKAGE… with apt (sudo when not root); then sets $pgbin.
bench_install() {
    if [ "$#" -gt 0 ]; then
        echo "bench: installing $*" >&2
        { "${as_root[@]}" apt-get update -qq &&
          "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
        } >"$tmp/apt.log" 2>&1 || bench_fail "could not install $*" "$tmp/apt.log"
    fi
    pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
}

# MARK: processes and ports

# A loopback port no socket uses (from /proc/net/tcp*, so no extra tools are needed), below the
# kernel's range of ephemeral ports, where the machine's own outgoing connections (wrk's, pgbench's,
# other programs') could take it between the choice and the bind. Ports handed out before (kept in
# $tmp, since callers run this in a subshell) are not handed out again.
used_ports() {
    local hex
    for hex in $(awk 'FNR > 1 { n = split($2, a, ":"); print a[n] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null); do
        echo $((16#$hex))
    done
    cat "$tmp/ports" 2>/dev/null || true
}
free_port() {
    local port used low=20000 high=60000 ephemeral
    read -r ephemeral _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || ephemeral=
    [ -z "$ephemeral" ] || [ "$ephemeral" -le $((low + 1000)) ] || high=$((ephemeral - 1))
    used=" $(used_ports | tr '\n' ' ') "
    while true; do
        port=$((low + RANDOM % (high - low)))
        case "$used" in *" $port "*) continue ;; esac
        echo "$port" >>"$tmp/ports"
        echo "$port"
        return
    done
}

# Waits until GET url answers 2xx (up to 30 s) while the process lives.
wait_http() {
    local url="$1" pid="$2" log="$3" name="$4"
    for _ in $(seq 300); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
        kill -0 "$pid" 2>/dev/null || bench_fail "$name exited during startup" "$log"
        sleep 0.1
    done
    bench_fail "$name did not answer $url within 30 s" "$log"
}

# The ids of a process's children (from /proc/*/stat: the field after "(comm) state" is the parent).
children_of() {
    local stat line fields
    for stat in /proc/[0-9]*/stat; do
        { read -r line <"$stat"; } 2>/dev/null || continue
        read -r -a fields <<<"${line##*) }"
        [ "${fields[1]:-}" = "$1" ] && { stat="${stat#/proc/}"; echo "${stat%/stat}"; }
    done
    return 0
}

# Peak resident set of a process and its children (VmHWM, in KiB, summed over the tree).
peak_rss_kib() {
    local pid="$1" total=0 child kib
    kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    total=$((total + ${kib:-0}))
    for child in $(children_of "$pid"); do
        total=$((total + $(peak_rss_kib "$child")))
    done
    echo "$total"
}

# What a process holds resident now (from /proc/PID/smaps_rollup, in KiB, its own only): "ANON FILE",
# anonymous memory (heap, arenas, thread stacks, relocated pages) and file-backed pages (code and data
# of the executable and the shared libraries), so that a peak can be told apart into what the work
# holds and what the program's text costs.
rss_split_kib() {
    awk '/^Rss:/ { rss = $2 } /^Anonymous:/ { anon = $2 } END { if (rss != "") print anon, rss - anon }' \
        "/proc/$1/smaps_rollup" 2>/dev/null || true
}

# MARK: PostgreSQL

# A throwaway cluster in $tmp/pg with database hub, the server started with OPTION… (postgres -c
# settings); sets $db_port and exports HUB_DATABASE_URL (the owner, postgres, trusted on loopback).
bench_start_cluster() {
    db_port="$(free_port)"
    mkdir -p "$tmp/pg"
    [ "$(id -u)" = 0 ] && chown postgres: "$tmp/pg"
    chmod 700 "$tmp/pg"
    "${pg_owner[@]}" "$pgbin/initdb" -D "$tmp/pg" -A trust -U postgres -E UTF8 --no-instructions >"$tmp/initdb.log" 2>&1 \
        || bench_fail "initdb failed" "$tmp/initdb.log"
    "${pg_owner[@]}" "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/server.log" -w -t 60 \
        -o "-p $db_port -k $tmp/pg -c listen_addresses=127.0.0.1 $*" start >/dev/null \
        || bench_fail "PostgreSQL did not start" "$tmp/pg/server.log"
    pg_started=1
    "$pgbin/createdb" -h 127.0.0.1 -p "$db_port" -U postgres hub || bench_fail "createdb failed"
    export HUB_DATABASE_URL="postgresql://postgres@127.0.0.1:$db_port/hub"
}

# MARK: wrk

# "1.23ms" / "850.00us" / "1.02s" -> milliseconds.
to_ms() {
    awk -v t="$1" 'BEGIN {
        if (t ~ /us$/) { sub(/us$/, "", t); printf "%.2f", t / 1000 }
        else if (t ~ /ms$/) { sub(/ms$/, "", t); printf "%.2f", t }
        else if (t ~ /m$/) { sub(/m$/, "", t); printf "%.2f", t * 60000 }
        else if (t ~ /s$/) { sub(/s$/, "", t); printf "%.2f", t * 1000 }
        else print "n/a" }'
}

# From wrk --latency output FILE: requests/s, p50 and p99 in ms (n/a when missing).
wrk_rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }
wrk_p50() { to_ms "$(awk '$1 == "50%" { print $2 }' "$1")"; }
wrk_p99() { to_ms "$(awk '$1 == "99%" { print $2 }' "$1")"; }

# What went wrong in wrk output FILE, one line each (non-2xx/3xx answers, socket errors, no result).
wrk_problems() {
    local non2xx errors
    non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$1")"
    errors="$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$1")"
    [ -z "$non2xx" ] || echo "$non2xx non-2xx/3xx responses"
    [ -z "$errors" ] || echo "socket errors: $errors"
    grep -q '^Requests/sec:' "$1" || echo "wrk gave no result: $(tr '\n' ' ' <"$1" | cut -c1-200)"
    return 0
}

# Answers that were neither refused nor failed (2xx and 3xx) per second, from wrk output FILE: what
# a bench that must not count refusals as work reads instead of wrk's requests/s.
wrk_ok_rps() {
    awk '/ requests in / {
             n = $1; d = $4; sub(/,$/, "", d)
             if (d ~ /ms$/) { sub(/ms$/, "", d); d = d / 1000 }
             else if (d ~ /m$/) { sub(/m$/, "", d); d = d * 60 }
             else { sub(/s$/, "", d) }
         }
         /Non-2xx or 3xx responses/ { bad = $NF }
         END { if (n != "" && d > 0) printf "%.0f", (n - bad) / d }' "$1"
}

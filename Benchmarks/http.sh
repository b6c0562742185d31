#!/usr/bin/env bash
# HTTP benchmark for `make bench`: wrk (2 threads, 64 connections) against
#   nginx serving a fixed 200 {"status":"ok"} with one worker (the baseline),
#   the real gateway's GET /healthz (with its own throwaway PostgreSQL cluster),
#   HTTPBenchServer's GET /healthz and POST /echo (a bare server of our HTTP library),
# all on this machine in the same run, and prints one table: requests/s, p50, p99, the ratio to
# nginx and each server's peak RSS (VmHWM after its run).
#   Benchmarks/http.sh BIN_DIR      BIN_DIR holds release builds of HTTPBenchServer, gateway, hubctl
# BENCH_SECONDS (default 15) sets each run's length. It reports and exits 0 however slow the
# machine is; it fails only when a server cannot be started. Everything it starts (servers, the
# cluster) and its temporary folder are removed on exit.
set -euo pipefail

bin="${1:?usage: Benchmarks/http.sh BIN_DIR}"
bin="$(cd "$bin" && pwd)"
seconds="${BENCH_SECONDS:-15}"
threads=2
connections=64

for program in HTTPBenchServer gateway hubctl; do
    [ -x "$bin/$program" ] || { echo "bench: $bin/$program not found (build with swift build -c release)" >&2; exit 1; }
done

# MARK: cleanup

tmp="$(mktemp -d "${TMPDIR:-/tmp}/hub-bench.XXXXXX")"
chmod 711 "$tmp"  # the postgres user must reach its data folder inside when we run as root
pids=()
pg_owner=()
[ "$(id -u)" = 0 ] && pg_owner=(runuser -u postgres --)
pg_started=

cleanup() {
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
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
    echo "bench: $1" >&2
    [ -z "${2:-}" ] || { echo "--- last lines of $(basename "$2"):" >&2; tail -n 20 "$2" >&2 || true; }
    exit 1
}

# MARK: packages

as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)
nginx_program() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -n "$(nginx_program)" ] || missing+=(nginx-light)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
ls /usr/share/postgresql/*/extension/pgcrypto.control >/dev/null 2>&1 || missing+=(postgresql-contrib)
ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1 || missing+=(postgresql-15-postgis-3)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "bench: installing ${missing[*]}" >&2
    { "${as_root[@]}" apt-get update -qq &&
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    } >"$tmp/apt.log" 2>&1 || fail "could not install ${missing[*]}" "$tmp/apt.log"
fi
nginx="$(nginx_program)"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

# MARK: helpers

# A loopback port nobody listens on (from /proc/net/tcp*, so no extra tools are needed).
used_ports() {
    local hex
    for hex in $(awk 'FNR > 1 && $4 == "0A" { n = split($2, a, ":"); print a[n] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null); do
        echo $((16#$hex))
    done
}
taken=" "
free_port() {
    local port used
    used=" $(used_ports | tr '\n' ' ') "
    while true; do
        port=$((20000 + RANDOM % 40000))
        case "$used$taken" in *" $port "*) continue ;; esac
        taken+="$port "
        echo "$port"
        return
    done
}

# Waits until GET url answers 2xx (up to 30 s) while the process lives.
wait_http() {
    local url="$1" pid="$2" log="$3" name="$4"
    for _ in $(seq 300); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
        kill -0 "$pid" 2>/dev/null || fail "$name exited during startup" "$log"
        sleep 0.1
    done
    fail "$name did not answer $url within 30 s" "$log"
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

command -v curl >/dev/null 2>&1 || fail "curl is needed to wait for the servers"

# MARK: servers

# nginx: one worker, a fixed 200, everything in the temporary folder.
nginx_port="$(free_port)"
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            default_type application/json;
            return 200 '{"status":"ok"}';
        }
    }
}
EOF
"$nginx" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' \
    >"$tmp/nginx/stdout.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
wait_http "http://127.0.0.1:$nginx_port/" "$nginx_pid" "$tmp/nginx/error.log" nginx

# HTTPBenchServer.
bench_port="$(free_port)"
"$bin/HTTPBenchServer" "$bench_port" >"$tmp/benchserver.log" 2>&1 &
bench_pid=$!
pids+=("$bench_pid")
wait_http "http://127.0.0.1:$bench_port/healthz" "$bench_pid" "$tmp/benchserver.log" HTTPBenchServer

# A throwaway PostgreSQL cluster, migrated, and the gateway on it.
db_port="$(free_port)"
mkdir -p "$tmp/pg"
[ "$(id -u)" = 0 ] && chown postgres: "$tmp/pg"
chmod 700 "$tmp/pg"
"${pg_owner[@]}" "$pgbin/initdb" -D "$tmp/pg" -A trust -U postgres -E UTF8 --no-instructions >"$tmp/initdb.log" 2>&1 \
    || fail "initdb failed" "$tmp/initdb.log"
"${pg_owner[@]}" "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/server.log" -w -t 60 \
    -o "-p $db_port -k $tmp/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || fail "PostgreSQL did not start" "$tmp/pg/server.log"
pg_started=1
"$pgbin/createdb" -h 127.0.0.1 -p "$db_port" -U postgres hub || fail "createdb failed"
export HUB_DATABASE_URL="postgresql://postgres@127.0.0.1:$db_port/hub"
"$bin/hubctl" migrate >"$tmp/migrate.log" 2>&1 || fail "hubctl migrate failed" "$tmp/migrate.log"

gateway_port="$(free_port)"
HUB_LISTEN_HOST=127.0.0.1 HUB_GATEWAY_PORT="$gateway_port" "$bin/gateway" >"$tmp/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
wait_http "http://127.0.0.1:$gateway_port/readyz" "$gateway_pid" "$tmp/gateway.log" gateway

# MARK: runs

cat >"$tmp/echo.lua" <<'EOF'
wrk.method = "POST"
wrk.body = '{"category":"jalan","title":"Jalan berlubang di depan pasar","urgent":true,"count":3}'
wrk.headers["Content-Type"] = "application/json"
EOF

# "1.23ms" / "850.00us" / "1.02s" -> milliseconds.
to_ms() {
    awk -v t="$1" 'BEGIN {
        if (t ~ /us$/) { sub(/us$/, "", t); printf "%.2f", t / 1000 }
        else if (t ~ /ms$/) { sub(/ms$/, "", t); printf "%.2f", t }
        else if (t ~ /m$/) { sub(/m$/, "", t); printf "%.2f", t * 60000 }
        else if (t ~ /s$/) { sub(/s$/, "", t); printf "%.2f", t * 1000 }
        else print "n/a" }'
}

names=() rps=() p50=() p99=() rss=() notes=()
run() {
    local name="$1" url="$2" pid="$3" script="${4:-}" out="$tmp/wrk-${#names[@]}.txt"
    local args=(-t"$threads" -c"$connections" --latency)
    [ -z "$script" ] || args+=(-s "$script")
    echo "bench: $name (${seconds}s)" >&2
    # A short warm-up, then the measured run. A failing wrk is reported, never fatal.
    wrk "${args[@]}" -d2s "$url" >/dev/null 2>&1 || true
    wrk "${args[@]}" -d"${seconds}s" "$url" >"$out" 2>&1 || echo "wrk exited with $?" >>"$out"
    names+=("$name")
    rps+=("$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")")
    p50+=("$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")")
    p99+=("$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")")
    if kill -0 "$pid" 2>/dev/null; then
        rss+=("$(awk -v k="$(peak_rss_kib "$pid")" 'BEGIN { printf "%.1f MiB", k / 1024 }')")
    else
        rss+=("exited")
        notes+=("$name: the server exited during the run")
    fi
    local non2xx errors
    non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")"
    errors="$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$out")"
    [ -z "$non2xx" ] || notes+=("$name: $non2xx non-2xx/3xx responses")
    [ -z "$errors" ] || notes+=("$name: socket errors: $errors")
    grep -q '^Requests/sec:' "$out" || notes+=("$name: wrk gave no result: $(tr '\n' ' ' <"$out" | cut -c1-200)")
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run "nginx (fixed 200, 1 worker)" "http://127.0.0.1:$nginx_port/" "$nginx_pid"
run "gateway GET /healthz" "http://127.0.0.1:$gateway_port/healthz" "$gateway_pid"
run "HTTPBenchServer GET /healthz" "http://127.0.0.1:$bench_port/healthz" "$bench_pid"
run "HTTPBenchServer POST /echo" "http://127.0.0.1:$bench_port/echo" "$bench_pid" "$tmp/echo.lua"

# MARK: report

base="${rps[0]:-}"
echo
echo "HTTP benchmark: wrk -t$threads -c$connections -d${seconds}s --latency; $(nproc) cores, load average before" \
     "the runs $load_before, after $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-30s %12s %10s %10s %9s %12s\n' target requests/s p50 p99 vs-nginx "peak RSS"
for i in "${!names[@]}"; do
    ratio=n/a
    if [ -n "$base" ] && [ "$base" != 0 ] && [ -n "${rps[$i]}" ]; then
        ratio="$(awk -v a="${rps[$i]}" -v b="$base" 'BEGIN { printf "%.2fx", a / b }')"
    fi
    printf '%-30s %12s %10s %10s %9s %12s\n' "${names[$i]}" "${rps[$i]:-n/a}" "${p50[$i]:-n/a} ms" \
        "${p99[$i]:-n/a} ms" "$ratio" "${rss[$i]}"
done
if [ -n "$base" ] && [ -n "${rps[1]}" ] && [ "$base" != 0 ]; then
    awk -v a="${rps[1]}" -v b="$base" 'BEGIN {
        r = a / b; printf "gateway /healthz at %.2fx nginx; design target 0.55x or more: %s\n", r, (r >= 0.55 ? "met" : "not met") }'
fi
# The gateway writes one access-log line per request; anything above info is worth a look.
problems="$(grep -c '"level":"\(warning\|error\)"' "$tmp/gateway.log" || true)"
[ "${problems:-0}" = 0 ] || notes+=("gateway logged $problems warning/error lines, e.g.: $(grep -m1 '"level":"\(warning\|error\)"' "$tmp/gateway.log" | cut -c1-200)")
if [ "${#notes[@]}" -gt 0 ]; then
    echo "notes:"
    for note in "${notes[@]}"; do echo "  $note"; done
fi
exit 0

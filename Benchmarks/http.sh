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

. "$(dirname "$0")/lib/bench.sh"
for program in HTTPBenchServer gateway hubctl; do
    [ -x "$bin/$program" ] || bench_fail "$bin/$program not found (build with swift build -c release)"
done
bench_setup

# MARK: packages

nginx_program() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
missing=($(bench_missing_packages))
[ -n "$(nginx_program)" ] || missing+=(nginx-light)
bench_install "${missing[@]}"
nginx="$(nginx_program)"

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
bench_track "$nginx_pid"
wait_http "http://127.0.0.1:$nginx_port/" "$nginx_pid" "$tmp/nginx/error.log" nginx

# HTTPBenchServer.
bench_port="$(free_port)"
"$bin/HTTPBenchServer" "$bench_port" >"$tmp/benchserver.log" 2>&1 &
bench_pid=$!
bench_track "$bench_pid"
wait_http "http://127.0.0.1:$bench_port/healthz" "$bench_pid" "$tmp/benchserver.log" HTTPBenchServer

# A throwaway PostgreSQL cluster, migrated, and the gateway on it.
bench_start_cluster -c fsync=off
"$bin/hubctl" migrate >"$tmp/migrate.log" 2>&1 || bench_fail "hubctl migrate failed" "$tmp/migrate.log"

gateway_port="$(free_port)"
HUB_LISTEN_HOST=127.0.0.1 HUB_GATEWAY_PORT="$gateway_port" "$bin/gateway" >"$tmp/gateway.log" 2>&1 &
gateway_pid=$!
bench_track "$gateway_pid"
wait_http "http://127.0.0.1:$gateway_port/readyz" "$gateway_pid" "$tmp/gateway.log" gateway

# MARK: runs

cat >"$tmp/echo.lua" <<'EOF'
wrk.method = "POST"
wrk.body = '{"category":"jalan","title":"Jalan berlubang di depan pasar","urgent":true,"count":3}'
wrk.headers["Content-Type"] = "application/json"
EOF

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
    rps+=("$(wrk_rps "$out")")
    p50+=("$(wrk_p50 "$out")")
    p99+=("$(wrk_p99 "$out")")
    if kill -0 "$pid" 2>/dev/null; then
        rss+=("$(awk -v k="$(peak_rss_kib "$pid")" 'BEGIN { printf "%.1f MiB", k / 1024 }')")
    else
        rss+=("exited")
        notes+=("$name: the server exited during the run")
    fi
    local problem
    while IFS= read -r problem; do notes+=("$name: $problem"); done < <(wrk_problems "$out")
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

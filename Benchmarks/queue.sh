#!/usr/bin/env bash
# The queue's benchmark for `make bench`: our figures next to pgbench's for the same SQL, measured on
# a throwaway PostgreSQL cluster in the same run (same machine, same settings, fsync on).
#   Benchmarks/queue.sh BIN_DIR      BIN_DIR holds hubctl and QueueBench (a release build)
# Environment: BENCH_SECONDS (default 15) is how long each pgbench baseline runs; our runs are sized
# from the baselines to take about as long.
# Measures: send (MessageQueue.send, one message per transaction, 16 clients) against pgbench running
# the same insert + pg_notify; receive-and-acknowledge with QueueConsumer.processBatch() in batches of
# 1 and 100 (8 consumers) against pgbench's one-message-per-transaction SKIP LOCKED take-and-delete
# (8 clients); commit → handler start latency at a steady 500 messages a second (p50, p99), next to
# what pgbench reaches for the same send SQL rate-limited to 500 tps. Each throughput baseline runs
# once before and once after the runs of ours it is compared with (the mean is used), because a
# shared machine's fsync rate drifts.
# It exits 0 whatever the figures are; it fails only when the cluster or the schema cannot be set up.
set -euo pipefail

bin_dir="${1:-}"
if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/hubctl" ] || [ ! -x "$bin_dir/QueueBench" ]; then
    echo "usage: $0 BIN_DIR   (BIN_DIR must hold hubctl and QueueBench)" >&2
    exit 2
fi
bin_dir="$(cd "$bin_dir" && pwd)"
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${BENCH_SECONDS:-15}"
send_clients=16
take_clients=8
latency_rate=500
latency_producers=16   # concurrent producers (like intake's request threads), so slow commits do not slow the schedule

pgbin=""
for candidate in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)" \
                 $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pgbench" ]; then pgbin="$candidate"; break; fi
done
[ -n "$pgbin" ] || { echo "queue.sh: PostgreSQL server programs (initdb, pgbench) not found; run make deps" >&2; exit 1; }

say() { echo "queue.sh: $*" >&2; }

# --- a throwaway cluster -------------------------------------------------------------------------
as_owner=()
[ "$(id -u)" = 0 ] && as_owner=(runuser -u postgres --)
tmp="$(mktemp -d "${TMPDIR:-/tmp}/queue-bench.XXXXXX")"
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$tmp"; then
    rm -rf "$tmp"   # postgres cannot reach TMPDIR: use /tmp
    tmp="$(mktemp -d /tmp/queue-bench.XXXXXX)"
fi
chmod 755 "$tmp"
data="$tmp/pgdata"
started=""

cleanup() {
    set +e
    if [ -n "$started" ]; then
        "${as_owner[@]}" "$pgbin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

mkdir -p "$data"
[ "$(id -u)" = 0 ] && chown postgres: "$data"
chmod 700 "$data"
"${as_owner[@]}" "$pgbin/initdb" -D "$data" -A trust -U postgres -E UTF8 --no-instructions >/dev/null \
    || { say "initdb failed"; exit 1; }
# The same settings serve our runs and pgbench's. Durability stays on: fsync and synchronous_commit.
"${as_owner[@]}" tee -a "$data/postgresql.conf" >/dev/null <<EOF

# queue benchmark
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data'
max_connections = 100
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
wal_buffers = 16MB
max_wal_size = 4GB
checkpoint_timeout = 30min
EOF

port=""
for _ in 1 2 3; do
    candidate="$(free_port)" || break
    if "${as_owner[@]}" "$pgbin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $candidate" start >/dev/null 2>&1; then
        port="$candidate"; started=1; break
    fi
done
[ -n "$port" ] || { say "PostgreSQL did not start:"; tail -20 "$data/server.log" >&2 || true; exit 1; }

psql_() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
sql() { psql_ -d hub -tAc "$1"; }
psql_ -d postgres -c "create database hub" >/dev/null || { say "createdb failed"; exit 1; }
export HUB_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/hub"
"$bin_dir/hubctl" migrate >/dev/null || { say "hubctl migrate failed"; exit 1; }
say "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $data, $(nproc) CPUs, ${seconds} s per baseline"

# Before every measurement: an empty message table, fresh statistics, and a checkpoint, so that each
# run starts from the same state (full-page writes included).
reset_table() { sql "truncate queue_messages" >/dev/null; settle; }
settle() { sql "vacuum analyze queue_messages" >/dev/null; sql "checkpoint" >/dev/null; }

# --- pgbench baselines -----------------------------------------------------------------------------
# pgbench speaks the extended protocol (-M extended), as libpq's PQexecParams does for us.
pgbench_tps() {   # SCRIPT CLIENTS → tps, or nothing when pgbench failed
    local script="$1" clients="$2" out
    if out="$("$pgbin/pgbench" -n -M extended -f "$script" -c "$clients" -j 2 -T "$seconds" \
                -h 127.0.0.1 -p "$port" -U postgres hub 2>&1)"; then
        awk '/^tps = / {printf "%.2f\n", $3; exit}' <<<"$out"
    else
        say "pgbench $(basename "$script") failed:"; tail -5 <<<"$out" >&2
    fi
}

# (a) send: exactly MessageQueue.send's statement, read from the source, with the values our
# QueueBench sends bound as literals; one message per transaction, as intake sends it.
send_sql="$(awk '/static let send = """/ {inside = 1; next} inside && /"""/ {exit} inside {print}' \
            "$root/Sources/Queue/MessageQueue.swift")"
if [ -z "$send_sql" ] || ! grep -q 'pg_notify' <<<"$send_sql"; then
    say "could not read MessageQueue.send's SQL from Sources/Queue/MessageQueue.swift; using a copy"
    send_sql="with sent as (
        insert into queue_messages (queue, payload, priority, available_at, dedupe_key, max_attempts)
        values (\$1, \$2::jsonb, \$3, now() + make_interval(secs => \$4::float8), \$5, \$6)
        on conflict (queue, dedupe_key) where dedupe_key is not null do nothing
        returning id
    )
    select id, pg_notify(\$7, '') from sent"
fi
send_sql="$(sed -e "s/\\\$1\\b/'bench.pgsend'/g" -e "s/\\\$2\\b/'{\"client\": 0, \"seq\": 0}'/g" \
                -e "s/\\\$3\\b/0/g" -e "s/\\\$4\\b/'0'/g" -e "s/\\\$5\\b/null/g" -e "s/\\\$6\\b/10/g" \
                -e "s/\\\$7\\b/'queue_bench.pgsend'/g" <<<"$send_sql")"
if grep -q '\$[0-9]' <<<"$send_sql"; then say "MessageQueue.send's SQL has parameters this script does not bind"; fi
printf 'begin;\n%s;\ncommit;\n' "$send_sql" >"$tmp/send.sql"

# (b) the take: one ready message selected FOR UPDATE SKIP LOCKED (the receive query's order) and
# deleted, one per transaction.
cat >"$tmp/take.sql" <<'EOF'
begin;
select id from queue_messages
 where queue = 'bench.take' and available_at <= now()
 order by priority desc, available_at, id
 limit 1
   for update skip locked \gset
delete from queue_messages where id = :id;
commit;
EOF

# --- ours ----------------------------------------------------------------------------------------
queuebench() {   # ARGS… → the QueueBench output lines, or nothing when it failed
    local out
    if out="$("$bin_dir/QueueBench" "$@")"; then echo "$out"; else say "QueueBench $* failed"; fi
}
value() { awk -v name="$1" '$1 == name {print $2; exit}' <<<"$2"; }
# Size our runs to last about as long as the baselines: N ≈ baseline rate × seconds (× expected speed-up).
size() {   # BASE_RATE FACTOR MINIMUM MULTIPLE
    awk -v r="${1:-0}" -v f="$2" -v s="$seconds" -v min="$3" -v m="$4" \
        'BEGIN { n = int(r * f * s / m) * m; if (n < min) n = min; if (n > 2000000) n = 2000000; print n }'
}
mean() { awk 'BEGIN { n = 0; s = 0 } { for (i = 1; i <= NF; i++) if ($i != "") { s += $i; n++ } }
              END { if (n > 0) printf "%.2f\n", s / n }' <<<"$*"; }

# The disk's commit (fsync) rate drifts during a run on shared machines, so every baseline runs
# before and after our runs that it is compared with, and the ratio uses the mean of the two.
take_rows=$(( seconds * 25000 > 200000 ? seconds * 25000 : 200000 ))
pgbench_take() {   # → tps (runs in a subshell: it reports by printing)
    reset_table
    sql "insert into queue_messages (queue, payload) select 'bench.take', jsonb_build_object('seq', g) from generate_series(1, $take_rows) g" >/dev/null
    settle
    pgbench_tps "$tmp/take.sql" "$take_clients"
    if [ "$(sql "select count(*) from queue_messages where queue = 'bench.take'")" = 0 ]; then
        say "warning: the take baseline ran dry (pre-fill more); its figure is too high"
    fi
    reset_table
}

say "pgbench send: $send_clients clients, $seconds s"
reset_table
base_send1="$(pgbench_tps "$tmp/send.sql" "$send_clients")"
sent_rows="$(sql "select count(*) from queue_messages where queue = 'bench.pgsend'")"

n_send="$(size "$base_send1" 1 2000 "$send_clients")"
say "ours send: $n_send messages, $send_clients clients"
reset_table
out_send="$(queuebench send "$n_send" "$send_clients")"

say "pgbench send again: $send_clients clients, $seconds s"
reset_table
base_send2="$(pgbench_tps "$tmp/send.sql" "$send_clients")"
base_send="$(mean "$base_send1" "$base_send2")"

say "pgbench take: $take_clients clients, $seconds s, $take_rows messages pre-filled"
base_take1="$(pgbench_take)"

n_recv1="$(size "$base_take1" 1 2000 1)"
say "ours receive batch 1: $n_recv1 messages, $take_clients consumers"
reset_table
out_recv1="$(queuebench receive "$n_recv1" 1 "$take_clients")"

n_recv100="$(size "$base_take1" 4 20000 1)"
say "ours receive batch 100: $n_recv100 messages, $take_clients consumers"
reset_table
out_recv100="$(queuebench receive "$n_recv100" 100 "$take_clients")"

say "pgbench take again: $take_clients clients, $seconds s"
base_take2="$(pgbench_take)"
base_take="$(mean "$base_take1" "$base_take2")"

# Latency: can the machine commit 500 notifying sends a second at all? pgbench, the same send SQL,
# rate-limited to 500 tps, tells (PostgreSQL serialises commits that NOTIFY).
say "pgbench send at $latency_rate tps (-R): $latency_producers clients, $seconds s"
reset_table
rated_out="$("$pgbin/pgbench" -n -M extended -f "$tmp/send.sql" -c "$latency_producers" -j 2 -T "$seconds" \
              -R "$latency_rate" -h 127.0.0.1 -p "$port" -U postgres hub 2>&1 || true)"
rated_tps="$(awk '/^tps = / {printf "%.0f", $3; exit}' <<<"$rated_out")"
rated_lat="$(awk '/^latency average = / {printf "%.1f", $4; exit}' <<<"$rated_out")"

say "ours latency: $latency_rate msg/s for $seconds s, $latency_producers producers"
reset_table
out_latency="$(queuebench latency "$latency_rate" "$seconds" "$latency_producers")"

# --- the table -----------------------------------------------------------------------------------
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2fx\n", a / b }'; }
fmt() { [ -n "${1:-}" ] && printf '%s %s' "$1" "$2" || printf 'failed'; }
verdict() {   # VALUE OP LIMIT → met / NOT met
    awk -v v="${1:-}" -v op="$2" -v l="$3" 'BEGIN { if (v == "") { print "-"; exit }
        ok = (op == ">=") ? (v + 0 >= l) : (v + 0 < l); print ok ? "met" : "NOT met" }'
}
ours_send="$(value send_rate "$out_send")"
ours_recv1="$(value receive_rate "$out_recv1")"
ours_recv100="$(value receive_rate "$out_recv100")"
p50="$(value latency_p50 "$out_latency")"
p99="$(value latency_p99 "$out_latency")"
lat_rate="$(value latency_rate "$out_latency")"
headline="$(awk -v a="$ours_recv100" -v b="$base_take" 'BEGIN { if (a != "" && b + 0 > 0) printf "%.2f", a / b }')"
lat_base="-"
[ -n "$rated_tps" ] && lat_base="pgbench -R: ${rated_tps} tps"

row() { printf '%-44s %-16s %-22s %-8s %s\n' "$@"; }
echo
echo "Queue benchmark ($(nproc) CPUs, PostgreSQL 15, fsync on; pgbench -M extended -j 2 -T $seconds)"
row "measurement" "ours" "pgbench baseline" "ratio" "target"
row "send, 1 msg/tx, $send_clients clients" "$(fmt "$ours_send" msg/s)" "$(fmt "$base_send" tps)" "$(ratio "$ours_send" "$base_send")" ""
row "receive+ack, batch 1, $take_clients consumers" "$(fmt "$ours_recv1" msg/s)" "$(fmt "$base_take" "tps (take)")" "$(ratio "$ours_recv1" "$base_take")" ""
row "receive+ack, batch 100, $take_clients consumers" "$(fmt "$ours_recv100" msg/s)" "$(fmt "$base_take" "tps (take)")" "$(ratio "$ours_recv100" "$base_take")" ">= 2x: $(verdict "$headline" ">=" 2)"
row "commit -> handler p50 @ $latency_rate msg/s" "$(fmt "$p50" ms)" "$lat_base" "-" ""
row "commit -> handler p99 @ $latency_rate msg/s" "$(fmt "$p99" ms)" "$lat_base" "-" "< 50 ms: $(verdict "$p99" "<" 50)"
echo
echo "headline: receive-and-acknowledge in batches of 100 = ${headline:-?}x pgbench's one-message SKIP LOCKED take (target >= 2x)"
echo "baselines are means of a run before and after ours: send ${base_send1:-failed} / ${base_send2:-failed} tps, take ${base_take1:-failed} / ${base_take2:-failed} tps"
echo "notes: pgbench send stored $sent_rows rows; take pre-filled $take_rows per run; pgbench send at -R $latency_rate reached ${rated_tps:-?} tps (average latency ${rated_lat:-?} ms); our latency run achieved ${lat_rate:-?} msg/s"
if [ -n "$lat_rate" ] && awk -v r="$lat_rate" -v t="$latency_rate" 'BEGIN { exit !(r < 0.95 * t) }'; then
    echo "warning: our producers could not keep $latency_rate msg/s on this machine; the latency was measured at ${lat_rate} msg/s"
fi
exit 0

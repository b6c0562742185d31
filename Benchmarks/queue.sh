#!/usr/bin/env bash
# The queue's benchmark for `make bench`: our figures next to pgbench's for the same SQL, measured on
# a throwaway PostgreSQL cluster in the same run (same machine, same settings, fsync on).
#   Benchmarks/queue.sh BIN_DIR      BIN_DIR holds hubctl and QueueBench (a release build)
#   Benchmarks/queue.sh --print-sql [SWIFT_FILE]
#                                    only prints the SQL read from SWIFT_FILE (by default
#                                    Sources/Queue/MessageQueue.swift) and the pgbench send script
#                                    made from it; needs neither the binaries nor PostgreSQL
# Environment: BENCH_SECONDS (default 15) is how long each pgbench baseline runs; our runs are sized
# from the baselines to take about as long.
# Measures: send (MessageQueue.send, one message per transaction, 16 clients) against pgbench running
# the same statements (the insert in a transaction, then, after its commit, the NOTIFY, as
# MessageQueue.send's afterCommit hook does); receive-and-acknowledge with QueueConsumer.processBatch()
# in batches of 1 and 100 (8 consumers) against pgbench's one-message-per-transaction SKIP LOCKED
# take-and-delete (8 clients); commit → handler start latency at a steady 500 messages a second
# (p50, p99), next to what pgbench reaches for the same send script rate-limited to 500 tps. Each
# throughput baseline runs once before and once after the runs of ours it is compared with (the
# mean is used), because a shared machine's fsync rate drifts.
# It exits 0 whatever the figures are. It fails when the cluster or the schema cannot be set up, and,
# before it starts anything, when it cannot read MessageQueue.send's SQL from the source: there is
# no fallback copy, because a baseline running other SQL than the product's is worse than none.
set -euo pipefail

say() { echo "queue.sh: $*" >&2; }
die() { say "$*"; exit 1; }

root="$(cd "$(dirname "$0")/.." && pwd)"
queue_source="$root/Sources/Queue/MessageQueue.swift"
print_sql=""
if [ "${1:-}" = --print-sql ]; then
    print_sql=1
    queue_source="${2:-$queue_source}"
else
    bin_dir="${1:-}"
    if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/hubctl" ] || [ ! -x "$bin_dir/QueueBench" ]; then
        echo "usage: $0 BIN_DIR   (BIN_DIR must hold hubctl and QueueBench)" >&2
        echo "       $0 --print-sql [SWIFT_FILE]" >&2
        exit 2
    fi
    bin_dir="$(cd "$bin_dir" && pwd)"
fi
seconds="${BENCH_SECONDS:-15}"
send_clients=16
take_clients=8
latency_rate=500
latency_producers=16   # concurrent producers (like intake's request threads), so slow commits do not slow the schedule

# --- the product's send SQL, read from the Swift source -------------------------------------------
# swift_query MODE FUNC, for `static func FUNC` in $queue_source: MODE sql prints the SQL its first
# `.query(` call runs (an inline string literal, or a `static let` such as SQL.send resolved in the
# same file; Swift's multi-line indentation removed, escapes decoded); MODE args prints that call's
# parameter array, one Swift expression a line; MODE body prints the function's body without
# comments. It fails, saying why, whenever it is not sure: no such function, no .query( call, SQL
# that is not a literal or a constant, string interpolation, raw strings, unbalanced brackets.
swift_query_awk="$(cat <<'AWK'
function die(msg) { printf "%s: %s\n", file, msg > "/dev/stderr"; status = 1; exit 1 }
# The index just past the string literal that starts at p ("…" or """…"""), or 0.
function string_end(t, p,    q, c, L) {
    L = length(t)
    if (substr(t, p - 1, 1) == "#") die("raw string literals (#\"…\"#) are not supported")
    if (substr(t, p, 3) == "\"\"\"") {
        for (q = p + 3; q <= L; q++) {
            if (substr(t, q, 1) == "\\") { q++; continue }
            if (substr(t, q, 3) == "\"\"\"") return q + 3
        }
        return 0
    }
    for (q = p + 1; q <= L; q++) {
        c = substr(t, q, 1)
        if (c == "\\") { q++; continue }
        if (c == "\"") return q + 1
        if (c == "\n") return 0
    }
    return 0
}
# t without its comments (strings kept as they are).
function strip_comments(t,    out, p, q, c, L) {
    L = length(t); out = ""; p = 1
    while (p <= L) {
        c = substr(t, p, 1)
        if (c == "\"") { q = string_end(t, p); if (!q) die("unterminated string literal"); out = out substr(t, p, q - p); p = q; continue }
        if (substr(t, p, 2) == "//") { while (p <= L && substr(t, p, 1) != "\n") p++; continue }
        if (substr(t, p, 2) == "/*") { q = index(substr(t, p + 2), "*/"); if (!q) die("unterminated comment"); p += q + 3; out = out " "; continue }
        out = out c; p++
    }
    return out
}
# Splits the bracketed list whose opening bracket is at p in t into parts[1..n]; returns n.
# Sets list_end to the index just past the closing bracket.
function split_list(t, p, parts,    n, depth, cur, c, q, L, closer) {
    L = length(t); c = substr(t, p, 1); closer = (c == "(") ? ")" : (c == "[") ? "]" : "}"
    n = 0; depth = 0; cur = ""
    for (p++; p <= L; p++) {
        c = substr(t, p, 1)
        if (c == "\"") { q = string_end(t, p); if (!q) die("unterminated string literal"); cur = cur substr(t, p, q - p); p = q - 1; continue }
        if (c == "(" || c == "[" || c == "{") depth++
        else if (c == ")" || c == "]" || c == "}") {
            if (depth == 0) {
                if (c != closer) die("unbalanced brackets")
                if (trim(cur) != "" || n > 0) parts[++n] = trim(cur)
                list_end = p + 1
                return n
            }
            depth--
        } else if (c == "," && depth == 0) { parts[++n] = trim(cur); cur = ""; continue }
        cur = cur c
    }
    die("unbalanced brackets")
}
function trim(s) { sub(/^[ \t\n]+/, "", s); sub(/[ \t\n]+$/, "", s); return s }
function tidy(s) { gsub(/[ \t\n]+/, " ", s); return trim(s) }
# The value of a Swift string literal given with its quotes; escapes decoded, interpolation refused.
function literal_value(raw,    n, lines, i, indent, body, out, p, c, d, L) {
    if (substr(raw, 1, 3) == "\"\"\"") {
        n = split(substr(raw, 4, length(raw) - 6), lines, "\n")
        if (n < 2 || lines[1] !~ /^[ \t]*$/ || lines[n] !~ /^[ \t]*$/) die("malformed multi-line string literal")
        indent = lines[n]; body = ""
        for (i = 2; i < n; i++) {
            if (lines[i] ~ /^[ \t]*$/) lines[i] = ""
            else if (substr(lines[i], 1, length(indent)) != indent) die("a line of a multi-line string is indented less than its closing \"\"\"")
            else lines[i] = substr(lines[i], length(indent) + 1)
            body = body (i > 2 ? "\n" : "") lines[i]
        }
    } else body = substr(raw, 2, length(raw) - 2)
    out = ""; L = length(body)
    for (p = 1; p <= L; p++) {
        c = substr(body, p, 1)
        if (c != "\\") { out = out c; continue }
        d = substr(body, ++p, 1)
        if (d == "(") die("the SQL uses string interpolation \\(…); queue.sh cannot reproduce it")
        else if (d == "\\" || d == "\"" || d == "'") out = out d
        else if (d == "n") out = out "\n"
        else if (d == "t") out = out "\t"
        else if (d == "\n") { }   # line continuation
        else die("unsupported escape \\" d " in a string literal")
    }
    return out
}
# The raw literal (with quotes) a `static let NAME = …` declares; TYPE (if any) names the enclosing type.
function constant_literal(type, name,    i, from, found, t, p, q) {
    from = 1
    if (type != "") {
        for (i = 1; i <= NR; i++) if (line[i] ~ ("(^|[ \t])(enum|struct|class|extension)[ \t]+" type "([ \t:{<]|$)")) { from = i; break }
        if (i > NR) die("no type " type " declaring " name)
    }
    found = 0
    for (i = from; i <= NR; i++) if (line[i] ~ ("(^|[ \t])static[ \t]+let[ \t]+" name "[ \t]*(:[^=]*)?=")) { found = i; break }
    if (!found) die("no `static let " name "` " (type != "" ? "in " type " " : "") "to resolve")
    t = ""
    for (i = found; i <= NR; i++) t = t line[i] "\n"
    p = index(t, "=") + 1
    while (substr(t, p, 1) ~ /[ \t]/) p++
    if (substr(t, p, 1) != "\"") die("`static let " name "` is not a string literal")
    q = string_end(t, p)
    if (!q) die("unterminated string literal in `static let " name "`")
    return substr(t, p, q - p)
}
{ line[NR] = $0 }
END {
    if (status) exit status
    decl = 0
    for (i = 1; i <= NR; i++) if (line[i] ~ ("(^|[ \t])static[ \t]+func[ \t]+" fn "[ \t]*[(<]")) { decl = i; break }
    if (!decl) die("no `static func " fn "`")
    t = ""
    for (i = decl; i <= NR; i++) t = t line[i] "\n"
    t = strip_comments(t)
    # The body: from the first { outside strings and brackets to its match.
    L = length(t); depth = 0; start = 0
    for (p = 1; p <= L; p++) {
        c = substr(t, p, 1)
        if (c == "\"") { p = string_end(t, p) - 1; continue }
        if (c == "(" || c == "[") depth++
        else if (c == ")" || c == "]") depth--
        else if (c == "{" && depth == 0) { start = p; break }
    }
    if (!start) die("no body for `static func " fn "`")
    split_list(t, start, dummy)   # sets list_end, checks the braces balance
    body = substr(t, start + 1, list_end - start - 2)
    if (mode == "body") { print body; exit 0 }
    # The first .query( call outside strings.
    L = length(body); call = 0
    for (p = 1; p <= L; p++) {
        c = substr(body, p, 1)
        if (c == "\"") { p = string_end(body, p) - 1; continue }
        if (substr(body, p, 7) == ".query(") { call = p + 6; break }
    }
    if (!call) die("`static func " fn "` makes no .query( call")
    n = split_list(body, call, args)
    if (n < 1) die("`static func " fn "`'s .query( call has no arguments")
    if (mode == "args") {
        if (n < 2) exit 0
        if (substr(args[2], 1, 1) != "[") die("`static func " fn "`'s .query( parameters are not an array literal: " args[2])
        m = split_list(args[2], 1, params)
        for (i = 1; i <= m; i++) print tidy(params[i])
        exit 0
    }
    sql = args[1]
    if (substr(sql, 1, 1) == "\"") raw = sql
    else if (sql ~ /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/) {
        name = sql; sub(/^.*\./, "", name)
        type = sql; if (!sub(/\.[A-Za-z0-9_]+$/, "", type)) type = ""; sub(/^.*\./, "", type)
        raw = constant_literal(type, name)
    } else die("`static func " fn "` runs SQL that is not a string literal or a constant: " sql)
    printf "%s\n", literal_value(raw)
}
AWK
)"
swift_query() {   # MODE FUNC
    [ -r "$queue_source" ] || { say "cannot read $queue_source"; return 1; }
    awk -v mode="$1" -v fn="$2" -v file="$queue_source" "$swift_query_awk" "$queue_source"
}

# bind_params SQL VALUES_ARRAY_NAME EXPRESSION…: SQL with $1… replaced by the literal that
# VALUES_ARRAY_NAME (an associative array) gives for the Swift expression passed in that position.
# Fails on an expression it has no value for, and unless the SQL uses exactly $1 … $N for N values.
bind_params() {
    local sql="$1" k expression highest
    local -n values="$2"
    shift 2
    highest="$(grep -o '\$[0-9][0-9]*' <<<"$sql" | tr -d '$' | sort -n | tail -1)" || true
    if [ "${highest:-0}" != "$#" ]; then
        say "the SQL uses parameters up to \$${highest:-0} but the Swift call passes $# values"; return 1
    fi
    for ((k = $#; k >= 1; k--)); do   # from the highest, so that $1 does not eat the front of $10
        expression="${!k}"
        if [ -z "${values[$expression]+set}" ]; then
            say "parameter \$$k is the Swift expression \`$expression\`, which queue.sh has no value for"; return 1
        fi
        if [[ "$sql" != *"\$$k"* ]]; then
            say "the Swift call passes \`$expression\` as \$$k, which the SQL does not use"; return 1
        fi
        sql="${sql//"\$$k"/"${values[$expression]}"}"
    done
    printf '%s\n' "$sql"
}

# What QueueBench's sends pass (payload {"client": …, "seq": …} on queue bench.send), as literals
# on a queue of pgbench's own, keyed by the Swift expression MessageQueue passes.
declare -A send_values=(
    [queue]="'bench.pgsend'"
    [json]="'{\"client\": 0, \"seq\": 0}'"
    [priority]=0
    [delay]="'0'"
    [dedupeKey]=null
    [maxAttempts]=10
)
declare -A notify_values=( ["channel(for: queue)"]="'queue_bench.pgsend'" )

# MessageQueue.send runs one statement, then NOTIFYs after the caller's transaction commits
# (connection.afterCommit(key:, SQL.notify, …)); the pgbench script does the same, one message per
# transaction as intake sends: begin; SEND; commit; NOTIFY. Anything else in send stops the run.
where="in static func send of $queue_source"
send_body="$(swift_query body send)" || die "could not read MessageQueue.send $where (see above); no baseline without it"
send_body="$(tr '\n' ' ' <<<"$send_body")"
calls="$(grep -o '\.\(query\|execute\)(' <<<"$send_body" | wc -l)" || true
[ "$calls" = 1 ] \
    || die "MessageQueue.send now runs $calls statements ($where); queue.sh's pgbench script runs one, then the NOTIFY: update it"
grep -q 'afterCommit(.*SQL\.notify' <<<"$send_body" \
    || die "MessageQueue.send no longer NOTIFYs with afterCommit(key:, SQL.notify, …) ($where); queue.sh's pgbench script NOTIFYs after the commit: update it"
send_sql="$(swift_query sql send)" || die "could not read MessageQueue.send's SQL $where (see above); no baseline without it"
grep -qi 'insert into queue_messages' <<<"$send_sql" \
    || die "MessageQueue.send's SQL read $where does not insert into queue_messages:"$'\n'"$send_sql"
send_args=()
args_text="$(swift_query args send)" || die "could not read MessageQueue.send's parameters $where (see above)"
[ -z "$args_text" ] || mapfile -t send_args <<<"$args_text"
where="in static func notify of $queue_source"
notify_sql="$(swift_query sql notify)" || die "could not read MessageQueue.notify's SQL $where (see above); no baseline without it"
grep -q 'pg_notify' <<<"$notify_sql" || die "MessageQueue.notify's SQL read $where does not call pg_notify:"$'\n'"$notify_sql"
notify_args=()
args_text="$(swift_query args notify)" || die "could not read MessageQueue.notify's parameters $where (see above)"
[ -z "$args_text" ] || mapfile -t notify_args <<<"$args_text"
bound_send="$(bind_params "$send_sql" send_values "${send_args[@]}")" || die "cannot bind MessageQueue.send's SQL (see above)"
bound_notify="$(bind_params "$notify_sql" notify_values "${notify_args[@]}")" || die "cannot bind MessageQueue.notify's SQL (see above)"
send_script="$(printf 'begin;\n%s;\ncommit;\n%s;\n' "$bound_send" "$bound_notify")"

if [ -n "$print_sql" ]; then
    printf -- '-- MessageQueue.send: %s\n%s\n' "$(IFS=,; echo "${send_args[*]}")" "$send_sql"
    printf -- '-- MessageQueue.notify (after commit): %s\n%s\n' "$(IFS=,; echo "${notify_args[*]}")" "$notify_sql"
    printf -- '-- pgbench send script\n%s\n' "$send_script"
    exit 0
fi

pgbin=""
for candidate in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)" \
                 $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pgbench" ]; then pgbin="$candidate"; break; fi
done
[ -n "$pgbin" ] || { echo "queue.sh: PostgreSQL server programs (initdb, pgbench) not found; run make deps" >&2; exit 1; }

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

# (a) send: exactly what MessageQueue.send runs, read from the source above (begin; the insert;
# commit; the NOTIFY), with the values our QueueBench sends bound as literals.
printf '%s\n' "$send_script" >"$tmp/send.sql"

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

#!/usr/bin/env bash
# The real work's benchmark for `make bench`: the six services on a throwaway PostgreSQL cluster
# (fsync on), loaded by wrk (2 threads, 64 connections) through the gateway, each figure next to
# pgbench running the equivalent SQL (Benchmarks/work/pgbench/*.sql; -M prepared, 16 clients) on
# the same cluster in the same run, as a ratio:
#   submit a complaint (JSON and the HTML form), the public view (JSON and the /track page), a staff
#   member's queue, a staff case page, an Open311 GET requests page, a staff claim, and the public
#   statistics (JSON and the /statistik page, the last twelve weeks, read from the rollup);
# then p50/p99 of submitting and of the public view at half of their peak rate, and each service's
# peak RSS. All of it runs on a nearly empty database, then again after `hubctl demo-data` filled
# it with BENCH_COMPLAINTS complaints, and one table shows both passes side by side with the
# issue's targets (met or not).
#   Benchmarks/work.sh BIN_DIR      BIN_DIR holds release builds of the six services and hubctl
# Environment: BENCH_SECONDS (default 6) is each run's length; BENCH_COMPLAINTS (default 1000000;
# 0 skips the second pass) and BENCH_SEED (default 1) are handed to hubctl demo-data, and without
# that command the second pass is skipped, saying so; BENCH_LOGS=DIR keeps the services' logs and
# the wrk and pgbench outputs there; BENCH_PLANS=FILE writes to FILE the plans of the statements
# every measured path runs, at the last pass's size (Benchmarks/work/plans.sh); BENCH_ONLY=REGEX
# runs only the measurements whose key matches (e.g. `submit`, `view|track`), for working on one path.
# It reports and exits 0 however slow the machine is; it fails only when the cluster or a service
# cannot be started. Everything it starts and its temporary folder are removed on exit.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:?usage: Benchmarks/work.sh BIN_DIR}"
bin="$(cd "$bin" && pwd)"
seconds="${BENCH_SECONDS:-6}"
complaints="${BENCH_COMPLAINTS:-1000000}"
seed="${BENCH_SEED:-1}"
threads=2
connections=64
pg_clients=16
queue_limit=50     # the first page a staff member reads: GET /api/v1/staff/queue?page_size=50
open311_page=50    # page_size of the Open311 page
staff_module=public-works
started=$SECONDS

# What the runs ask the gateway for ({code}: a tracking code). Tests/deployment/test_benchmarks.py
# finds each in Schemas/openapi.yaml or among the gateway's routes.
declare -A route=(
    [submit-json]="POST /api/v1/complaints"
    [submit-form]="POST /complaints"
    [view]="GET /api/v1/complaints/{code}"
    [track]="GET /track/{code}"
    [queue]="GET /api/v1/staff/queue"
    [case-page]="GET /staff/cases/{code}"
    [open311]="GET /open311/v2/requests.json"
    [claim]="POST /api/v1/staff/cases/{code}/claim"
    [login]="POST /api/v1/staff/login"
    [stats]="GET /api/v1/stats"
    [stats-page]="GET /statistik"
    [reports]="GET /api/v1/reports.geojson"
    [reports-csv]="GET /api/v1/reports.csv"
    [browse]="GET /laporan"
    [map]="GET /peta"
    [nearby]="GET /api/v1/reports/nearby"
)
path() { echo "${route[$1]#* }"; }

. "$here/lib/bench.sh"
. "$here/work/report.sh"
. "$here/work/plans.sh"
. "$here/work/cpu.sh"

services=(intake public-works social tourism kir gateway)
for program in "${services[@]}" hubctl; do
    [ -x "$bin/$program" ] || bench_fail "$bin/$program not found (build with swift build -c release)"
done
bench_setup
bench_install $(bench_missing_packages)

unset BENCH_RATE  # set only for the paced runs
say() { echo "work.sh [$((SECONDS - started)) s]: $*" >&2; }
notes=()
note() { notes+=("$*"); }

# MARK: the cluster, the schema, an account

# Durability on, as in production; the same settings serve the hub and pgbench.
bench_start_cluster -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=256MB \
    -c max_wal_size=4GB -c checkpoint_timeout=30min -c max_connections=200 "${plans_cluster_options[@]}"
psql_() { PGOPTIONS="-c client_min_messages=warning" "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$db_port" -U postgres -d hub "$@"; }
sql() { psql_ -tAc "$1"; }
"$bin/hubctl" migrate >"$tmp/migrate.log" 2>&1 || bench_fail "hubctl migrate failed" "$tmp/migrate.log"
"$bin/hubctl" db-roles >"$tmp/db-roles.log" 2>&1 || bench_fail "hubctl db-roles failed" "$tmp/db-roles.log"
password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
printf '%s\n' "$password" | "$bin/hubctl" user add bench.staff --role staff --module "$staff_module" >"$tmp/user.log" 2>&1 \
    || bench_fail "hubctl user add failed" "$tmp/user.log"
staff_account="$(sql "select id from staff_accounts where login = 'bench.staff'")"
read -r staff_category staff_agency <<<"$(sql "select category_code || ' ' || agency_code from category_routes
                                               where module_code = '$staff_module' order by category_code limit 1")"
read -r other_category other_module other_agency <<<"$(sql "select category_code || ' ' || module_code || ' ' || agency_code
    from category_routes where module_code <> '$staff_module' order by category_code limit 1")"
export BENCH_CATEGORIES="$(sql "select string_agg(category_code, ',' order by category_code) from category_routes")"

# MARK: the services

declare -A port service_pid
service_env=(HUB_LISTEN_HOST=127.0.0.1 HUB_EXIT_WITH_PARENT=1
             HUB_SUBMIT_RATE_PER_MINUTE=1000000 HUB_SUBMIT_BURST=1000000
             HUB_TRACK_RATE_PER_MINUTE=1000000 HUB_TRACK_BURST=1000000)
for service in "${services[@]}"; do
    port[$service]="$(free_port)"
    service_env+=("HUB_$(tr 'a-z-' 'A-Z_' <<<"$service")_PORT=${port[$service]}")
done
for service in "${services[@]}"; do
    # Each service logs in as its own database role, as scripts/services starts them.
    env "${service_env[@]}" HUB_DATABASE_URL="postgresql://hub_${service//-/_}@127.0.0.1:$db_port/hub" \
        "$bin/$service" >"$tmp/$service.log" 2>&1 &
    service_pid[$service]=$!
    bench_track "$!"
done
for service in "${services[@]}"; do
    wait_http "http://127.0.0.1:${port[$service]}/readyz" "${service_pid[$service]}" "$tmp/$service.log" "$service"
done
gateway="http://127.0.0.1:${port[gateway]}"

curl -sS --max-time 10 -D "$tmp/login.headers" -o "$tmp/login.json" -H 'Content-Type: application/json' \
    --data "{\"login\":\"bench.staff\",\"password\":\"$password\"}" "$gateway$(path login)" \
    || bench_fail "the staff login did not answer" "$tmp/intake.log"
token="$(grep -o '"token" *: *"[0-9a-f]*"' "$tmp/login.json" | grep -o '[0-9a-f]\{64\}' || true)"
cookie="$(tr -d '\r' <"$tmp/login.headers" | awk 'tolower($1) == "set-cookie:" { split($2, a, ";"); print a[1]; exit }')"
[ -n "$token" ] && [ -n "$cookie" ] || bench_fail "the staff login gave no session: $(cat "$tmp/login.json")" "$tmp/intake.log"

# MARK: runs

# wrk's script NAME joined from Benchmarks/work/wrk/PART.lua…; prints its path.
lua() {
    local out="$tmp/$1.lua" part
    shift
    for part; do cat "$here/work/wrk/$part.lua"; done >"$out"
    echo "$out"
}
# pgbench's script NAME joined from Benchmarks/work/pgbench/PART.sql…; prints its path.
pgscript() {
    local out="$tmp/$1.sql" part
    shift
    for part; do cat "$here/work/pgbench/$part.sql"; done >"$out"
    echo "$out"
}
submit_json="$(lua submit-json prelude complaint submit-json)"
submit_form="$(lua submit-form prelude complaint submit-form)"
submit_json_paced="$(lua submit-json-paced prelude pace complaint submit-json)"
paths="$(lua paths prelude paths)"
paths_paced="$(lua paths-paced prelude pace paths)"
pg_submit="$(pgscript submit submit)"
pg_view="$(pgscript view view)"
pg_queue="$(pgscript queue session queue)"
pg_case="$(pgscript case-page session case-page)"
pg_open311="$(pgscript open311 open311)"
pg_claim="$(pgscript claim session claim)"
pg_stats="$(pgscript stats stats)"
pg_reports="$(pgscript reports reports)"
pg_browse="$(pgscript browse browse)"
pg_nearby="$(pgscript nearby nearby)"

# Before each run: a checkpoint, so that no run pays for the writes of the one before.
settle() { sql "checkpoint" >/dev/null; }

# chosen KEY: whether BENCH_ONLY (a regular expression; unset: everything) picks this measurement.
chosen() { [ -z "${BENCH_ONLY:-}" ] || [[ "$1" =~ $BENCH_ONLY ]]; }

declare -A cpu_pg cpu_services first_id hub_rps hub_p50 hub_p99 pg_tps half_asked half_rps half_p50 half_p99 rss_kib rss_split complaint_count
# hub_run PASS KEY SCRIPT WARM-UP [SCRIPT-ARG…]: wrk through the gateway (BENCH_CLIENTS connections, else
# 64) for the run's length, after a
# one-second warm-up unless WARM-UP is "cold" (a run that must not use its paths twice). With
# BENCH_RATE set (the paced scripts), the figures go to the half-load columns.
hub_run() {
    local pass="$1" key="$2" script="$3" warm="$4" out="$tmp/wrk-$1-$2${BENCH_RATE:+-half}.txt" problem
    shift 4
    chosen "$key" || return 0
    say "$pass: hub $key${BENCH_RATE:+ at $BENCH_RATE req/s} (${seconds}s)"
    settle
    if [ "$warm" = warm ]; then
        BENCH_THREADS=$threads wrk -t"$threads" -c"${BENCH_CLIENTS:-$connections}" -d1s -s "$script" "$gateway" -- "$@" >/dev/null 2>&1 || true
    fi
    local cluster_before services_before
    cluster_before="$(cpu_ticks_database)" services_before="$(cpu_ticks_services)"
    BENCH_THREADS=$threads wrk -t"$threads" -c"${BENCH_CLIENTS:-$connections}" -d"${seconds}s" --timeout 30s --latency -s "$script" "$gateway" -- "$@" \
        >"$out" 2>&1 || echo "wrk exited with $?" >>"$out"
    if [ -z "${BENCH_RATE:-}" ]; then
        cpu_pg[$pass:$key]="$(per_answer_ms $(($(cpu_ticks_database) - cluster_before)) "$(wrk_answers "$out")")"
        cpu_services[$pass:$key]="$(per_answer_ms $(($(cpu_ticks_services) - services_before)) "$(wrk_answers "$out")")"
    fi
    if [ -n "${BENCH_RATE:-}" ]; then
        half_asked[$pass:$key]="$BENCH_RATE"
        half_rps[$pass:$key]="$(wrk_ok_rps "$out")"
        half_p50[$pass:$key]="$(wrk_p50 "$out")"
        half_p99[$pass:$key]="$(wrk_p99 "$out")"
    else
        hub_rps[$pass:$key]="$(wrk_ok_rps "$out")"
        hub_p50[$pass:$key]="$(wrk_p50 "$out")"
        hub_p99[$pass:$key]="$(wrk_p99 "$out")"
    fi
    while IFS= read -r problem; do note "$pass: hub $key: $problem"; done < <(wrk_problems "$out")
}

# pg_run PASS KEY SCRIPT [NAME=VALUE…]: the script, prepared, BENCH_CLIENTS clients (else 16), for the run's length.
pg_run() {
    local pass="$1" key="$2" script="$3" out="$tmp/pgbench-$1-$2.txt" define defines=()
    shift 3
    chosen "$key" || return 0
    for define; do defines+=(-D "$define"); done
    say "$pass: pgbench $key (${seconds}s)"
    settle
    local cluster_before
    cluster_before="$(cpu_ticks_database)"
    "$pgbin/pgbench" -n -M prepared -c "${BENCH_CLIENTS:-$pg_clients}" -j "$threads" -T "$seconds" "${defines[@]}" -f "$script" \
        -h 127.0.0.1 -p "$db_port" -U postgres hub >"$out" 2>&1 || echo "pgbench exited with $?" >>"$out"
    pg_tps[$pass:$key]="$(awk '/^tps = / { printf "%.0f", $3; exit }' "$out")"
    cpu_pg[$pass:pgbench-$key]="$(per_answer_ms $(($(cpu_ticks_database) - cluster_before)) "$(pgbench_transactions "$out")")"
    if grep -q 'ERROR\|aborted\|exited with' "$out"; then
        note "$pass: pgbench $key: $(grep -m1 'ERROR\|aborted\|exited with' "$out" | cut -c1-200)"
    fi
}

# MARK: data for the runs

# Waits until the modules have taken every message the submissions sent them (they work through
# them after each submission run: real load, which must not spill into the next run).
drain() {
    local pass="$1" since=$SECONDS left
    while true; do
        left="$(sql "select count(*) from queue_messages where queue like 'module.%'")"
        [ "$left" = 0 ] && break
        if (( SECONDS - since >= 90 )); then note "$pass: $left messages still queued for the modules after 90 s"; break; fi
        sleep 0.5
    done
    say "$pass: the modules took the queued messages in $((SECONDS - since)) s"
}

# The codes the reads use, spread over the whole table: the public view's (cases that are not
# confidential) and the staff case page's (cases of the staff member's module), up to 1000 each,
# as paths for wrk and as numbered tables for pgbench.
sample_codes() {
    local table="$1" where="$2"
    sql "drop table if exists $table;
         create table $table as
         select row_number() over () as n, tracking_code as code
           from (select tracking_code from complaints where $where order by random() limit 1000) s;
         alter table $table add primary key (n);
         select count(*) from $table"
}

# ROUTE's path for each code in TABLE, one a line.
paths_for() { sql "select replace('$(path "$1")', '{code}', code) from $2 order by n"; }

# Cases ready to be claimed (dispatched, each with its timeline so far): COUNT of CATEGORY's, made
# in one statement; prints one line per case from the SELECT-list expression OUT over the new rows.
dispatched_cases() {
    local count="$1" category="$2" out="$3" into="${4:-}"
    sql "with made as (
             insert into complaints (tracking_code, category_code, module_code, agency_code, channel_code, status,
                                     description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential,
                                     due_at)
             select upper(lpad(to_hex((random() * 4503599627370495)::bigint), 13, '0')), r.category_code, r.module_code,
                    r.agency_code, 'web', 'dispatched', 'Disiapkan untuk diklaim, nomor ' || g, 'Jl. Merdeka ' || g,
                    'Sukamaju', 'Kota', -6.4 + random() * 0.3, 106.7 + random() * 0.3, true, false,
                    now() + interval '5 days'
               from generate_series(1, $count) g join category_routes r on r.category_code = '$category'
             on conflict (tracking_code) do nothing
             returning id, tracking_code),
         events as (
             insert into complaint_events (complaint_id, kind, actor_role, public, from_status, to_status)
             select m.id, e.kind, e.actor, true, e.from_status, e.to_status
               from made m, (values ('submitted', 'citizen', null, 'received'),
                                    ('dispatched', 'system', 'received', 'dispatched')) e(kind, actor, from_status, to_status))
         $into select $out from made"
}

# MARK: one pass

# Every measurement once, on the database as it is.
run_pass() {
    local pass="$1" count service
    complaint_count[$pass]="$(sql "select count(*) from complaints")"
    first_id[$pass]="$(sql "select coalesce(max(id), 0) from complaints")"

    hub_run "$pass" submit-json "$submit_json" warm "$(path submit-json)"
    # pgbench's complaints go to another module than the staff member's, so no queue the runs read
    # shows them (deleting them would check every reference to each row, duplicate_of and audit_log.complaint_id).
    pg_run "$pass" submit "$pg_submit" category="$other_category" module="$other_module" agency="$other_agency"
    sql "delete from queue_messages where queue = 'bench.pgbench'" >/dev/null
    hub_run "$pass" submit-form "$submit_form" warm "$(path submit-form)"
    drain "$pass"
    sql "analyze" >/dev/null
    note "$pass: the submission runs stored $(sql "select count(*) || ' complaints (' || count(*) filter (where channel_code = 'web')
        || ' by the form), ' || count(*) filter (where duplicate_of is not null) || ' of them linked to an open case as duplicates'
        from complaints where id > ${first_id[$pass]} and description not like 'pgbench: %'")"

    count="$(sample_codes bench_view_codes "not confidential")"
    if [ "$count" -gt 0 ]; then
        paths_for view bench_view_codes >"$tmp/view-paths.txt"
        paths_for track bench_view_codes >"$tmp/track-paths.txt"
        hub_run "$pass" view "$paths" warm "$tmp/view-paths.txt" random GET
        hub_run "$pass" track "$paths" warm "$tmp/track-paths.txt" random GET
        pg_run "$pass" view "$pg_view" codes="$count"
    else
        note "$pass: no complaint to view (the submissions stored none), so no public view was measured"
    fi

    echo "$(path queue)?page_size=$queue_limit" >"$tmp/queue-path.txt"
    hub_run "$pass" queue "$paths" warm "$tmp/queue-path.txt" random GET "Authorization: Bearer $token"
    pg_run "$pass" queue "$pg_queue" token="$token" module="$staff_module" limit="$queue_limit"

    count="$(sample_codes bench_case_codes "module_code = '$staff_module'")"
    if [ "$count" -gt 0 ]; then
        paths_for case-page bench_case_codes >"$tmp/case-paths.txt"
        hub_run "$pass" case-page "$paths" warm "$tmp/case-paths.txt" random GET "Cookie: $cookie"
        pg_run "$pass" case-page "$pg_case" token="$token" codes="$count"
    else
        note "$pass: no case in $staff_module, so no staff case page was measured"
    fi

    echo "$(path open311)?page_size=$open311_page" >"$tmp/open311-path.txt"
    hub_run "$pass" open311 "$paths" warm "$tmp/open311-path.txt" random GET
    pg_run "$pass" open311 "$pg_open311" limit="$open311_page"

    # The public statistics without filters (the last twelve weeks up to today, WIB), read from the
    # rollup as intake's refresher or hubctl stats refresh left it; pgbench runs the same three statements.
    echo "$(path stats)" >"$tmp/stats-path.txt"
    echo "$(path stats-page)" >"$tmp/stats-page-path.txt"
    hub_run "$pass" stats "$paths" warm "$tmp/stats-path.txt" random GET
    hub_run "$pass" stats-page "$paths" warm "$tmp/stats-page-path.txt" random GET
    local stats_to stats_from
    stats_to="$(TZ=Asia/Jakarta date +%F)"
    stats_from="$(TZ=Asia/Jakarta date -d "$stats_to - 83 days" +%F)"
    pg_run "$pass" stats "$pg_stats" from="$stats_from" to="$stats_to"

    # The public reports (issue 17): a page of 1,000 of the open data in both formats, the list's
    # first page, the map (hotspots of every desa, the newest open points) and the reports near random
    # points of the demo region; pgbench runs the same statements (the map's page is compared with the
    # list's, its SQL being the same walk plus the gateway's kept hotspots).
    echo "$(path reports)?limit=1000" >"$tmp/reports-path.txt"
    echo "$(path reports-csv)?limit=1000" >"$tmp/reports-csv-path.txt"
    echo "$(path browse)" >"$tmp/browse-path.txt"
    echo "$(path map)" >"$tmp/map-path.txt"
    awk -v p="$(path nearby)" \
        'BEGIN { srand(17); for (i = 0; i < 2000; i++) printf "%s?lat=%.6f&lon=%.6f\n", p, -6.66 + rand() * 0.13, 106.72 + rand() * 0.13 }' \
        >"$tmp/nearby-paths.txt"
    # Harvesters of the open data are few, and the gateway renders four of its pages at once (ExportGate:
    # the rest are told 503 and to come back in a second): four clients on both sides.
    BENCH_CLIENTS=4 hub_run "$pass" reports "$paths" warm "$tmp/reports-path.txt" random GET
    BENCH_CLIENTS=4 hub_run "$pass" reports-csv "$paths" warm "$tmp/reports-csv-path.txt" random GET
    BENCH_CLIENTS=4 pg_run "$pass" reports "$pg_reports"
    hub_run "$pass" browse "$paths" warm "$tmp/browse-path.txt" random GET
    hub_run "$pass" map "$paths" warm "$tmp/map-path.txt" random GET
    pg_run "$pass" browse "$pg_browse"
    hub_run "$pass" nearby "$paths" warm "$tmp/nearby-paths.txt" random GET
    pg_run "$pass" nearby "$pg_nearby"

    # Each claim takes a case of its own: more than the fastest run could use (the hub's in the
    # staff member's module, pgbench's in another, so that the queue never shows them).
    # Those left unclaimed are closed afterwards, so that no later queue lists them.
    dispatched_cases $(((seconds + 1) * 3000)) "$staff_category" "replace('$(path claim)', '{code}', tracking_code)" \
        >"$tmp/claim-paths.txt"
    sql "drop table if exists bench_claim_codes; create table bench_claim_codes (n bigint primary key, code text)"
    dispatched_cases 5000 "$other_category" "row_number() over (), tracking_code" "insert into bench_claim_codes" >/dev/null
    sql "analyze complaints" >/dev/null
    hub_run "$pass" claim "$paths" cold "$tmp/claim-paths.txt" once POST "Authorization: Bearer $token"
    pg_run "$pass" claim "$pg_claim" token="$token" account="$staff_account" codes=5000
    sql "update complaints set status = 'closed', closed_at = now()
          where status = 'dispatched' and description like 'Disiapkan untuk diklaim, %'" >/dev/null

    # Half of the peak, paced (see Benchmarks/work/wrk/pace.lua).
    if [ -n "${hub_rps[$pass:submit-json]:-}" ] && [ "${hub_rps[$pass:submit-json]}" -ge 2 ]; then
        BENCH_RATE=$((hub_rps[$pass:submit-json] / 2)) hub_run "$pass" submit-json "$submit_json_paced" cold "$(path submit-json)"
    fi
    if [ -n "${hub_rps[$pass:view]:-}" ] && [ "${hub_rps[$pass:view]}" -ge 2 ]; then
        BENCH_RATE=$((hub_rps[$pass:view] / 2)) hub_run "$pass" view "$paths_paced" cold "$tmp/view-paths.txt" random GET
    fi
    drain "$pass"

    for service in "${services[@]}"; do
        if kill -0 "${service_pid[$service]}" 2>/dev/null; then
            rss_kib[$pass:$service]="$(peak_rss_kib "${service_pid[$service]}")"
            rss_split[$pass:$service]="$(rss_split_kib "${service_pid[$service]}")"
        else
            note "$pass: $service exited during the runs"
        fi
    done
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run_pass empty

passes=(empty)
scaled_note=""
if [ "$complaints" -le 0 ]; then
    scaled_note="skipped: BENCH_COMPLAINTS=$complaints"
# grep reads the whole usage (no -q): with pipefail, a grep that stops at the first match leaves
# hubctl writing into a closed pipe, and the check fails on a hubctl that has the command.
elif ! "$bin/hubctl" help 2>&1 | grep 'demo-data' >/dev/null; then
    scaled_note="skipped: this hubctl has no demo-data command, so the database cannot be filled"
else
    say "filling the database: hubctl demo-data --complaints $complaints --seed $seed"
    since=$SECONDS
    bytes_before="$(sql "select pg_database_size(current_database())")"
    complaints_before="$(sql "select count(*) from complaints")"
    if "$bin/hubctl" demo-data --complaints "$complaints" --seed "$seed" >"$tmp/demo-data.log" 2>&1; then
        # The statistics' rollup measures every complaint the data added (intake would catch up by itself
        # in rounds of 100,000 every 30 s).
        "$bin/hubctl" stats refresh >>"$tmp/demo-data.log" 2>&1 || note "scaled: hubctl stats refresh failed"
        sql "vacuum analyze" >/dev/null
        drain scaled  # whatever messages the data holds are worked off before the runs
        # What the README's sizing table says a million complaints take on disk (photos aside: the demo has none).
        note "scaled: the database grew by $(sql "select pg_size_pretty(pg_database_size(current_database()) - $bytes_before)
            || ' for ' || count(*) - $complaints_before || ' complaints: '
            || pg_size_pretty(((pg_database_size(current_database()) - $bytes_before) * 1000000.0
                               / greatest(count(*) - $complaints_before, 1))::bigint) || ' per million'
            from complaints"); the largest: $(sql "select string_agg(relname || ' ' || pg_size_pretty(size), ', ' order by size desc)
            from (select c.relname, pg_total_relation_size(c.oid) as size from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = 'public' and c.relkind = 'r' order by 2 desc limit 5) t")"
        scaled_note="hubctl demo-data --complaints $complaints --seed $seed took $((SECONDS - since)) s (with vacuum analyze and the modules working off any messages)"
        run_pass scaled
        passes+=(scaled)
    else
        scaled_note="skipped: hubctl demo-data failed: $(tail -n 3 "$tmp/demo-data.log" | tr '\n' ' ' | cut -c1-300)"
    fi
fi

if [ -n "${BENCH_PLANS:-}" ]; then
    say "${passes[-1]}: the plans of the statements each path runs"
    plans="$(collect_plans "${passes[-1]}" "$BENCH_PLANS")"
    note "${passes[-1]}: EXPLAIN (ANALYZE, BUFFERS) of the $plans distinct statements the measured paths ran: $BENCH_PLANS"
fi

for service in "${services[@]}"; do
    problems="$(grep -c '"level":"\(warning\|error\)"' "$tmp/$service.log" || true)"
    [ "${problems:-0}" = 0 ] || note "$service logged $problems warning/error lines, e.g.: $(grep -m1 '"level":"\(warning\|error\)"' "$tmp/$service.log" | cut -c1-200)"
done

if [ -n "${BENCH_LOGS:-}" ]; then
    mkdir -p "$BENCH_LOGS"
    cp "$tmp"/*.log "$tmp"/wrk-*.txt "$tmp"/pgbench-*.txt "$BENCH_LOGS"/ 2>/dev/null || true
fi
report
exit 0

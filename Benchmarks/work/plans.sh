# The plans of the hot statements as the services really run them (sourced by Benchmarks/work.sh):
# auto_explain, loaded with the cluster and silent until now, logs EXPLAIN (ANALYZE, BUFFERS) of
# every statement the services send while each measured path is asked for a second by one client;
# one plan per distinct statement (the first seen) goes to a file. So the plans the closing note
# shows are those of the statements in the code, with the planner's choice at the data's size, and
# nobody keeps a copy of the SQL in step with the sources.

# The cluster setting work.sh starts PostgreSQL with: auto_explain loaded, and silent until its
# log_min_duration is set (which also keeps it from measuring anything before).
plans_cluster_options=(-c shared_preload_libraries=auto_explain)
plans_settings=(log_min_duration=0 log_analyze=on log_buffers=on log_nested_statements=on)

# plans_log_on / plans_log_off: every session of the cluster logs its plans from its next statement.
# ALTER SYSTEM and a reload, because a setting given on the command line would outrank them.
plans_log_on() {
    local setting
    for setting in "${plans_settings[@]}"; do sql "alter system set auto_explain.${setting%%=*} = '${setting#*=}'" >/dev/null; done
    sql "select pg_reload_conf()" >/dev/null
    sleep 0.5
}
plans_log_off() {
    local setting
    for setting in "${plans_settings[@]}"; do sql "alter system reset auto_explain.${setting%%=*}" >/dev/null; done
    sql "select pg_reload_conf()" >/dev/null
}

# collect_plans PASS FILE: asks each measured path for a second (one client) with plans logged, then
# writes the distinct plans to FILE; prints how many.
collect_plans() {
    local pass="$1" out="$2" log="$tmp/pg/server.log" from key
    from="$(wc -l <"$log")"
    dispatched_cases 200 "$staff_category" "replace('$(path claim)', '{code}', tracking_code)" >"$tmp/plan-claim-paths.txt"
    plans_log_on
    for key in submit-json submit-form view track queue case-page open311 claim stats stats-page reports browse map nearby; do
        case "$key" in
            submit-json) plan_ask "$submit_json" "$(path submit-json)" ;;
            submit-form) plan_ask "$submit_form" "$(path submit-form)" ;;
            view)        plan_ask "$paths" "$tmp/view-paths.txt" random GET ;;
            track)       plan_ask "$paths" "$tmp/track-paths.txt" random GET ;;
            queue)       plan_ask "$paths" "$tmp/queue-path.txt" random GET "Authorization: Bearer $token" ;;
            case-page)   plan_ask "$paths" "$tmp/case-paths.txt" random GET "Cookie: $cookie" ;;
            open311)     plan_ask "$paths" "$tmp/open311-path.txt" random GET ;;
            claim)       plan_ask "$paths" "$tmp/plan-claim-paths.txt" once POST "Authorization: Bearer $token" ;;
            stats)       plan_ask "$paths" "$tmp/stats-path.txt" random GET ;;
            stats-page)  plan_ask "$paths" "$tmp/stats-page-path.txt" random GET ;;
            reports)     plan_ask "$paths" "$tmp/reports-path.txt" random GET ;;
            browse)      plan_ask "$paths" "$tmp/browse-path.txt" random GET ;;
            map)         plan_ask "$paths" "$tmp/map-path.txt" random GET ;;
            nearby)      plan_ask "$paths" "$tmp/nearby-paths.txt" random GET ;;
        esac
    done
    sleep 1  # the modules' work after the submissions
    plans_log_off
    sql "update complaints set status = 'closed', closed_at = now()
          where status = 'dispatched' and description like 'Disiapkan untuk diklaim, %'" >/dev/null
    {
        echo "EXPLAIN (ANALYZE, BUFFERS) of each distinct statement the services ran while each measured path was"
        echo "asked for a second, at $(pass_label "$pass") ($(sql "select count(*) from complaints") rows in complaints); auto_explain,"
        echo "first execution seen of each statement (Benchmarks/work/plans.sh)."
        echo
        distinct_plans "$from" "$log"
    } >"$out"
    grep -c '^Query Text:' "$out" || true
}

# plan_ask SCRIPT ARG…: one client for a second through the gateway.
plan_ask() {
    local script="$1"
    shift
    BENCH_THREADS=1 wrk -t1 -c1 -d1s -s "$script" "$gateway" -- "$@" >/dev/null 2>&1 || true
}

# distinct_plans FROM LOG: the plans logged after line FROM of the server's LOG, one per statement
# text (its parameters and timings aside), in the order first seen.
distinct_plans() {
    awk -v from="$1" '
        function flush() {
            if (inplan && entry != "" && !(key in seen)) { seen[key] = 1; order[++n] = entry }
            inplan = 0
        }
        NR <= from { next }
        / LOG:  duration: [0-9.]+ ms  plan:$/ {
            flush(); inplan = 1; entry = ""; key = ""; keyed = 0; next
        }
        inplan && /^\t/ {
            line = substr($0, 2); entry = entry line "\n"
            if (!keyed) {
                if (line ~ /\(cost=|^Query Parameters:/) keyed = (line ~ /\(cost=/)
                else key = key line "\n"
            }
            next
        }
        { flush() }
        END { flush(); for (i = 1; i <= n; i++) print order[i] }
    ' "$2"
}

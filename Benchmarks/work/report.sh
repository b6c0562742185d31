# The table Benchmarks/work.sh prints (sourced by it): both passes side by side, the ratios to
# pgbench, half-load latencies, peak RSS, and the targets of issue 13 with "met" or "NOT met".
# Reads work.sh's arrays (route, hub_rps, hub_p50, hub_p99, pg_tps, half_*, rss_kib, rss_split, complaint_count), its
# passes, notes and settings.

# The rows: KEY (of work.sh's route)|what|the pgbench script it is compared with|the ratio target (- for none).
work_rows=(
    "submit-json|submit, JSON|submit|0.40"
    "submit-form|submit, form|submit|0.40"
    "view|public view|view|0.25"
    "track|public view|view|0.25"
    "queue|staff queue|queue|0.20"
    "case-page|staff case page|case-page|-"
    "open311|Open311|open311|-"
    "claim|claim|claim|-"
    "stats|statistics, JSON|stats|-"
    "stats-page|statistics page|stats|-"
    "reports|open data, GeoJSON page of 1,000 (4 clients)|reports|-"
    "reports-csv|open data, CSV page of 1,000 (4 clients)|reports|-"
    "browse|public list page|browse|-"
    "map|public map page|browse|-"
    "nearby|reports near a point|nearby|-"
)
half_rows=("submit-json|submit, JSON" "view|public view, JSON")
p99_target_ms=25
rss_target_mib=24
flat_band=0.20

# A / B with two decimals and an x, or -.
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2fx", a / b }'; }
pass_label() { [ "$1" = empty ] && echo "empty database" || echo "$(printf "%'d" "$complaints" 2>/dev/null || echo "$complaints") complaints"; }
mib() { awk -v k="${1:-}" 'BEGIN { if (k == "") print "-"; else printf "%.1f", k / 1024 }'; }

report() {
    local pass row key label pg target line ratio_text service worst value failed values fail missing anon file
    local width=46
    echo
    echo "Work benchmark: wrk -t$threads -c$connections -d${seconds}s --latency through the gateway; pgbench -M prepared" \
         "-c$pg_clients -j$threads -T$seconds, same cluster (fsync on), same run; $(nproc) cores; load average before" \
         "$load_before, after $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
    printf "%-${width}s" ""
    for pass in "${passes[@]}"; do printf " | %-43s" "$(pass_label "$pass") (${complaint_count[$pass]} at start)"; done
    [ "${#passes[@]}" -lt 2 ] || printf " | %-12s" "scaled/empty"
    echo " |"
    printf "%-${width}s" "work (req/s: 2xx/3xx answers a second)"
    for pass in "${passes[@]}"; do printf " | %7s %8s %8s %9s %7s" "hub/s" "p50 ms" "p99 ms" "pgbench/s" "hub/pg"; done
    [ "${#passes[@]}" -lt 2 ] || printf " | %12s" "hub, pg"
    printf " | %s\n" "target hub/pg"
    for row in "${work_rows[@]}"; do
        IFS='|' read -r key label pg target <<<"$row"
        printf "%-${width}s" "$label: ${route[$key]}"
        for pass in "${passes[@]}"; do
            printf " | %7s %8s %8s %9s %7s" "${hub_rps[$pass:$key]:--}" "${hub_p50[$pass:$key]:--}" "${hub_p99[$pass:$key]:--}" \
                "${pg_tps[$pass:$pg]:--}" "$(ratio "${hub_rps[$pass:$key]:-}" "${pg_tps[$pass:$pg]:-}")"
        done
        if [ "${#passes[@]}" -ge 2 ]; then
            printf " | %5s, %5s" "$(ratio "${hub_rps[scaled:$key]:-}" "${hub_rps[empty:$key]:-}")" \
                "$(ratio "${pg_tps[scaled:$pg]:-}" "${pg_tps[empty:$pg]:-}")"
        fi
        if [ "$target" = - ]; then echo " |"; else echo " | >= ${target}x"; fi
    done
    echo "pgbench scripts (Benchmarks/work/pgbench): submit.sql for both submissions (the complaint, its first event and its" \
         "message in one transaction; no duplicate search, no read of the answer), view.sql (one statement) for both public views," \
         "session.sql before queue.sql, case-page.sql and claim.sql; stats.sql (the areas, the figures and the weeks) for both statistics. The staff queue's first page is $queue_limit cases" \
         "(page_size=$queue_limit), and pgbench reads as many; Open311 asks page_size=$open311_page."
    echo
    cpu_report
    echo
    echo "At half of the peak rate (paced with wrk's delay hook, Benchmarks/work/wrk/pace.lua: Debian has no wrk2; latency from send to answer):"
    for row in "${half_rows[@]}"; do
        IFS='|' read -r key label <<<"$row"
        line="  $(printf '%-22s' "$label")"
        for pass in "${passes[@]}"; do
            line+="  $(pass_label "$pass"): asked ${half_asked[$pass:$key]:--}/s, reached ${half_rps[$pass:$key]:--}/s,"
            line+=" p50 ${half_p50[$pass:$key]:--} ms, p99 ${half_p99[$pass:$key]:--} ms;"
        done
        echo "${line%;}"
    done
    echo
    line="Peak RSS (VmHWM, MiB) after"
    for pass in "${passes[@]}"; do line+=" the $(pass_label "$pass") pass /"; done
    echo "${line% /}:"
    line=" "
    for service in "${services[@]}"; do
        values=()
        for pass in "${passes[@]}"; do values+=("$(mib "${rss_kib[$pass:$service]:-}")"); done
        line+=" $service $(IFS=/; echo "${values[*]}"),"
    done
    echo "${line%,}"
    echo "  Held after the last pass (MiB, /proc/PID/smaps_rollup): anonymous (heap, arenas, stacks) + file-backed (code):"
    line=" "
    for service in "${services[@]}"; do
        read -r anon file <<<"${rss_split[${passes[-1]}:$service]:-}"
        line+=" $service $(mib "${anon:-}") + $(mib "${file:-}"),"
    done
    echo "${line%,}"
    echo "The second pass: $scaled_note"

    echo
    echo "Targets (issue 13):"
    for row in "${work_rows[@]}"; do
        IFS='|' read -r key label pg target <<<"$row"
        [ "$target" != - ] || continue
        fail= missing= values=()
        for pass in "${passes[@]}"; do
            ratio_text="$(ratio "${hub_rps[$pass:$key]:-}" "${pg_tps[$pass:$pg]:-}")"
            values+=("$pass ${ratio_text}")
            if [ "$ratio_text" = - ]; then missing=1
            elif awk -v r="${ratio_text%x}" -v t="$target" 'BEGIN { exit !(r < t) }'; then fail=1; fi
        done
        verdict_line "$(verdict "$fail" "$missing")" "$label (${route[$key]}) >= ${target}x pgbench" "${values[@]}"
    done
    if [ "${#passes[@]}" -ge 2 ]; then
        fail= missing= failed=()
        for row in "${work_rows[@]}"; do
            IFS='|' read -r key label pg target <<<"$row"
            value="$(ratio "${hub_rps[scaled:$key]:-}" "${hub_rps[empty:$key]:-}")"
            if [ "$value" = - ]; then failed+=("$key not measured"); missing=1
            elif awk -v r="${value%x}" -v b="$flat_band" 'BEGIN { exit !(r < 1 - b || r > 1 + b) }'; then
                failed+=("$key $value"); fail=1
            fi
        done
        verdict_line "$(verdict "$fail" "$missing")" "every hub req/s at $(pass_label scaled) within 20 % of the empty database's" "${failed[@]}"
    else
        verdict_line "not measured" "every figure at 1,000,000 complaints within 20 % of the empty database's" "$scaled_note"
    fi
    for row in "${half_rows[@]}"; do
        IFS='|' read -r key label <<<"$row"
        fail= missing= values=()
        for pass in "${passes[@]}"; do
            value="${half_p99[$pass:$key]:-}"
            values+=("$pass ${value:--} ms")
            if [ -z "$value" ] || [ "$value" = n/a ]; then missing=1
            elif awk -v v="$value" -v t="$p99_target_ms" 'BEGIN { exit !(v >= t) }'; then fail=1; fi
        done
        verdict_line "$(verdict "$fail" "$missing")" "$label: p99 at half of the peak < $p99_target_ms ms" "${values[@]}"
    done
    fail= missing= worst=0 failed=()
    for service in "${services[@]}"; do
        # The high-water mark only grows: the last pass's is the service's peak.
        value="${rss_kib[${passes[-1]}:$service]:-}"
        if [ -z "$value" ]; then missing=1; continue; fi
        (( value <= worst )) || worst=$value
        if (( value > rss_target_mib * 1024 )); then failed+=("$service $(mib "$value") MiB"); fail=1; fi
    done
    verdict_line "$(verdict "$fail" "$missing")" "peak RSS of each service <= $rss_target_mib MiB (largest $(mib "$worst") MiB)" "${failed[@]}"

    if [ "${#notes[@]}" -gt 0 ]; then
        echo
        echo "Notes:"
        for line in "${notes[@]}"; do echo "  $line"; done
    fi
    echo
    echo "work.sh took $((SECONDS - started)) s"
}

# FAILED MISSING (each empty or not) → NOT met, not measured or met.
verdict() { if [ -n "$1" ]; then echo "NOT met"; elif [ -n "$2" ]; then echo "not measured"; else echo met; fi; }

# VERDICT TEXT [DETAIL…]: one line of the targets.
verdict_line() {
    local verdict="$1" text="$2" details
    shift 2
    details="$(IFS=,; echo "$*" | sed 's/,/, /g')"
    printf '  %-13s %s%s\n' "$verdict" "$text" "${details:+ ($details)}"
}

# What each answer costs in CPU (sourced by Benchmarks/work.sh): on a machine the services share with
# their database, the rate follows the CPU an answer takes, so the split between PostgreSQL and the
# hub's own processes says what bounds a figure. Clock ticks (user + system) are read from /proc
# before and after each measured run (after its warm-up); the load generators are left out. Run it
# on a machine that does nothing else: the database's share is what the machine spent beside them.

hertz="$(getconf CLK_TCK)"

# Ticks of the database so far: the machine's busy time, less the services' and the bench's own
# (wrk, pgbench, psql: children of this script). On a machine that runs nothing else that is
# PostgreSQL, whose sessions come and go (pgbench's end with each run; counting the postmaster's
# children missed some of them once the cluster held a million complaints).
cpu_ticks_database() {
    local busy own
    busy="$(awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat)"
    own="$(stat_ticks <"/proc/$$/stat")"
    echo $((busy - own - $(cpu_ticks_services)))
}

# Ticks used so far by the six services (all their threads).
cpu_ticks_services() {
    local service
    for service in "${services[@]}"; do cat "/proc/${service_pid[$service]}/stat" 2>/dev/null; done | stat_ticks
}

# The sum of utime, stime, cutime and cstime over /proc/PID/stat lines on stdin (the fields after the
# command's name, which may hold spaces).
stat_ticks() { awk '{ sub(/^.*\) /, ""); ticks += $12 + $13 + $14 + $15 } END { printf "%d\n", ticks }'; }

# per_answer_ms TICKS ANSWERS: milliseconds of CPU per answer, or nothing without answers.
per_answer_ms() {
    awk -v t="$1" -v n="${2:-0}" -v hz="$hertz" 'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n }'
}

# From wrk output FILE: every answer it counted; from pgbench output FILE: its transactions.
wrk_answers() { awk '/ requests in / { print $1; exit }' "$1"; }
pgbench_transactions() { awk -F': *' '/^number of transactions actually processed/ { print $2 + 0; exit }' "$1"; }

# The report's lines: for each row of the work table, the hub's CPU per answer in PostgreSQL and in
# its services, and pgbench's in PostgreSQL, per pass.
cpu_report() {
    local row key label pg target pass line
    echo "CPU per answer (ms, user + system; the six services, and PostgreSQL: the machine's busy time beside them," \
         "wrk and pgbench aside, so run on a machine that does nothing else):"
    for row in "${work_rows[@]}"; do
        IFS='|' read -r key label pg target <<<"$row"
        line="  $(printf '%-20s' "$label") $(printf '%-10s' "${key}:")"
        for pass in "${passes[@]}"; do
            line+="  $(pass_label "$pass"): hub ${cpu_pg[$pass:$key]:--} in PostgreSQL + ${cpu_services[$pass:$key]:--} in the services,"
            line+=" pgbench ${cpu_pg[$pass:pgbench-$pg]:--} in PostgreSQL;"
        done
        echo "${line%;}"
    done
}

#!/usr/bin/env python3
"""Drill (b): PostgreSQL fails over under load. The primary's node dies hard (SIGKILL of its
Patroni and its PostgreSQL, as when the machine is lost); Patroni promotes the synchronous replica
once the leader key runs out. The services must recover within 15 s by themselves, answer the
submissions caught in the switch with 503 and Retry-After (never 500), and every acknowledged
complaint must be on the new primary and reach its module exactly once.

The services reach PostgreSQL as `scripts/cluster` connects them: through pgbouncer and HAProxy's
primary port (the default), or with `HUB_CLUSTER_DB=multihost` straight to both nodes with libpq
multi-host strings (`target_session_attrs=read-write`); the figures name the mode.

    HUB_BIN_DIR=$(swift build --show-bin-path) Tests/drills/failover.py
    HUB_CLUSTER_DB=multihost HUB_BIN_DIR=$(swift build --show-bin-path) Tests/drills/failover.py
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from drill import Cluster, Load, PublicReads, figures, wait_dispatched  # noqa: E402

TOTAL, RATE, WORKERS = 450, 15.0, 4
RECOVERY_LIMIT = 15.0
MODE = os.environ.get("HUB_CLUSTER_DB") or "haproxy"
ROUTES = {"haproxy": "pgbouncer → HAProxy following Patroni", "multihost": "libpq multi-host, target_session_attrs=read-write"}


def run(bin_dir: str) -> list:
    with Cluster(bin_dir, "drill-failover" + ("" if MODE == "haproxy" else "-" + MODE), port=int(os.environ.get("HUB_DRILL_PORT", "26100")) + 50) as cluster:
        tag = f"drill-failover-{int(time.time())}"
        old = cluster.leader()
        load = Load(cluster.gateway, tag, TOTAL, RATE, WORKERS).start()
        time.sleep(5)
        # A complaint acknowledged before the kill, which the replica has: its public view is read
        # throughout (from the replica, HUB_DATABASE_READ_URL, while it is one).
        reads = PublicReads(cluster.gateway, load.acknowledged[0]).start()
        time.sleep(1)
        killed_at = time.monotonic()
        cluster.kill(old)
        load.wait()
        reads.stop()
        new = cluster.leader()
        acknowledged = load.acknowledged
        counts = wait_dispatched(cluster, tag, acknowledged)
        lost = [code for code in acknowledged if code not in counts]
        not_once = {code: counts.get(code, 0) for code in acknowledged if counts.get(code, 0) != 1}
        failures = load.failed
        unanswerable = [o for o in failures if o.status != 503 or o.retry_after is None]
        recovery = load.recovery_after(killed_at)
        figures(f"Drill (b): PostgreSQL primary killed under load, Patroni fails over ({MODE})", [
            ("services reach PostgreSQL by", ROUTES.get(MODE, MODE)),
            ("primary killed / promoted", f"{old} / {new}"),
            ("requests sent", len(load.outcomes)),
            ("acknowledged", len(acknowledged)),
            ("failed", f"{len(failures)} ({', '.join(sorted({str(o.status or 'connection') for o in failures})) or 'none'})"),
            ("  of them 503 with Retry-After", len(failures) - len(unanswerable)),
            ("acknowledged and lost", len(lost)),
            ("dispatched other than once", len(not_once)),
            ("stored, answer lost in flight", len(set(counts) - set(acknowledged))),
            ("recovery time", f"{recovery:.2f} s" if recovery is not None else "never"),
            ("public reads of one case", reads.summary()),
        ])
        problems = []
        if new == old:
            problems.append("the replica was not promoted")
        if lost:
            problems.append(f"acknowledged but not stored: {lost[:5]}")
        if not_once:
            problems.append(f"not dispatched exactly once: {list(not_once.items())[:5]}")
        if unanswerable:
            problems.append(f"{len(unanswerable)} failures not 503 with Retry-After: "
                            f"{[(o.status, o.error[:120]) for o in unanswerable[:3]]}")
        if any(not str(status).startswith(("200", "503")) for status in reads.statuses):
            problems.append(f"public reads answered other than 200 or 503: {reads.summary()}")
        if recovery is None or recovery > RECOVERY_LIMIT:
            problems.append(f"recovery took {recovery} s (limit {RECOVERY_LIMIT} s)")
        return problems


if __name__ == "__main__":
    found = run(os.environ.get("HUB_BIN_DIR") or sys.exit("HUB_BIN_DIR is not set"))
    print("  result: " + ("passed" if not found else "FAILED\n    " + "\n    ".join(found)))
    sys.exit(1 if found else 0)

#!/usr/bin/env python3
"""Drill (a): one replica of every service is killed with SIGKILL under a steady load of
submissions through HAProxy. Nothing acknowledged may be lost, the failures must be the killed
replicas' in-flight requests only (no 500s, and none of them acknowledged), and every acknowledged
complaint reaches its module exactly once.

    HUB_BIN_DIR=$(swift build --show-bin-path) Tests/drills/kill_replicas.py
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from drill import Cluster, Load, figures, wait_dispatched  # noqa: E402

SERVICES = ["gateway", "intake", "public-works", "social", "tourism", "kir"]
TOTAL, RATE, WORKERS = 300, 30.0, 4


def run(bin_dir: str) -> list:
    """Runs the drill; returns the problems found (empty: passed)."""
    with Cluster(bin_dir, "drill-replicas") as cluster:
        tag = f"drill-replicas-{int(time.time())}"
        load = Load(cluster.gateway, tag, TOTAL, RATE, WORKERS).start()
        time.sleep(TOTAL / RATE / 3)
        killed_at = time.monotonic()
        for service in SERVICES:
            cluster.kill(f"{service}-1")
        load.wait()
        acknowledged = load.acknowledged
        counts = wait_dispatched(cluster, tag, acknowledged)
        lost = [code for code in acknowledged if code not in counts]
        not_once = {code: counts.get(code, 0) for code in acknowledged if counts.get(code, 0) != 1}
        stored_unanswered = len(set(counts) - set(acknowledged))
        failures = load.failed
        server_errors = [o for o in failures if o.status == 500]
        # In flight on a killed replica: sent before the kill or while HAProxy still thought it alive
        # (health checks every second, two misses to mark it down); a later failure is not one.
        late = [o for o in failures if o.started > killed_at + 3.0]
        recovery = load.recovery_after(killed_at)
        figures("Drill (a): SIGKILL of one replica of each service under load", [
            ("replicas killed", ", ".join(f"{s}-1" for s in SERVICES)),
            ("requests sent", len(load.outcomes)),
            ("acknowledged", len(acknowledged)),
            ("failed", f"{len(failures)} ({', '.join(sorted({str(o.status or 'connection') for o in failures})) or 'none'})"),
            ("acknowledged and lost", len(lost)),
            ("dispatched other than once", len(not_once)),
            ("stored, answer lost in flight", stored_unanswered),
            ("recovery time", f"{recovery:.2f} s" if recovery is not None else "never"),
        ])
        problems = []
        if lost:
            problems.append(f"acknowledged but not stored: {lost[:5]}")
        if not_once:
            problems.append(f"not dispatched exactly once: {list(not_once.items())[:5]}")
        if server_errors:
            problems.append(f"answered 500: {[o.error for o in server_errors[:3]]}")
        if late:
            problems.append(f"{len(late)} failures after the killed replicas were out of rotation: {[o.error or o.status for o in late[:3]]}")
        if len(failures) > 2 * WORKERS:
            problems.append(f"{len(failures)} failures: more than the killed gateway's and intake's in-flight requests")
        return problems


if __name__ == "__main__":
    found = run(os.environ.get("HUB_BIN_DIR") or sys.exit("HUB_BIN_DIR is not set"))
    print("  result: " + ("passed" if not found else "FAILED\n    " + "\n    ".join(found)))
    sys.exit(1 if found else 0)

#!/usr/bin/env python3
"""Drill (c): restore to a point in time into a new cluster. A base backup (hubctl backup), then
complaints before a moment T and after it, the WAL archived to the cluster's folder; hubctl restore
--to T into a new folder, started as a server of its own: every complaint acknowledged before T is
there, none from after it.

    HUB_BIN_DIR=$(swift build --show-bin-path) Tests/drills/restore.py
"""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from drill import DRILL_PORT, Cluster, Load, figures, pg_bin  # noqa: E402

BATCH, RATE = 60, 20.0


def as_postgres(command: list) -> list:
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


def run(bin_dir: str) -> list:
    port = DRILL_PORT + 100
    with Cluster(bin_dir, "drill-restore", port=port) as cluster:
        primary = cluster.addresses["HUB_CLUSTER_PRIMARY_URL"]
        folder = cluster.addresses["HUB_CLUSTER_DIR"]
        hubctl = dict(os.environ, HUB_DATABASE_URL=primary)
        backup = subprocess.run([f"{bin_dir}/hubctl", "backup", "--into", cluster.addresses["HUB_CLUSTER_BACKUPS"]],
                                env=hubctl, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        tag = f"drill-restore-{int(time.time())}"
        before = Load(cluster.gateway, tag + "-sebelum", BATCH, RATE).start()
        before.wait()
        point = cluster.sql("select now()")[0][0]
        time.sleep(1.5)
        after = Load(cluster.gateway, tag + "-sesudah", BATCH, RATE).start()
        after.wait()
        # Everything up to now goes to the archive: the segment in use is closed and archived.
        segment = cluster.sql("select pg_walfile_name(pg_switch_wal())")[0][0]
        deadline = time.monotonic() + 60
        while cluster.sql("select coalesce(last_archived_wal, '') from pg_stat_archiver")[0][0] < segment:
            if time.monotonic() > deadline:
                return [f"WAL segment {segment} was not archived in 60 s"]
            time.sleep(0.5)

        restored = os.path.join(folder, "restored")
        started = time.monotonic()
        subprocess.run([f"{bin_dir}/hubctl", "restore", "--from", backup, "--wal", cluster.addresses["HUB_CLUSTER_WAL_ARCHIVE"],
                        "--into", restored, "--to", point], env=hubctl, capture_output=True, text=True, check=True)
        if os.getuid() == 0:
            shutil.chown(restored, "postgres", "postgres")
            subprocess.run(["chown", "-R", "postgres:postgres", restored], check=True)
        server_port = port + 40
        subprocess.run(as_postgres([str(pg_bin() / "pg_ctl"), "-D", restored, "-l", os.path.join(restored, "server.log"), "-w",
                                    "-t", "120", "-o", f"-p {server_port} -k {restored}", "start"]),
                       check=True, capture_output=True)
        try:
            url = f"postgresql://postgres@127.0.0.1:{server_port}/hub"
            deadline = time.monotonic() + 120
            while cluster.sql("select pg_is_in_recovery()", url)[0][0] == "t":
                if time.monotonic() > deadline:
                    return ["the restored cluster did not finish recovery in 120 s"]
                time.sleep(0.5)
            restore_seconds = time.monotonic() - started
            present = {row[0] for row in cluster.sql(
                f"select tracking_code from complaints where description like '{tag}-%'", url)}
            missing = [code for code in before.acknowledged if code not in present]
            from_after = [code for code in after.acknowledged if code in present]
            cluster.sql("create table restored_takes_writes (n int); drop table restored_takes_writes", url)
        finally:
            subprocess.run(as_postgres([str(pg_bin() / "pg_ctl"), "-D", restored, "-m", "fast", "-w", "stop"]),
                           capture_output=True)
        figures("Drill (c): restore to a point in time into a new cluster", [
            ("point in time", point),
            ("requests sent", len(before.outcomes) + len(after.outcomes)),
            ("acknowledged before the point", len(before.acknowledged)),
            ("acknowledged after the point", len(after.acknowledged)),
            ("failed", len(before.failed) + len(after.failed)),
            ("before the point, restored", len(before.acknowledged) - len(missing)),
            ("after the point, restored", len(from_after)),
            ("restore time (copy, replay, promote)", f"{restore_seconds:.2f} s"),
        ])
        problems = []
        if missing:
            problems.append(f"{len(missing)} complaints acknowledged before the point are missing: {missing[:5]}")
        if from_after:
            problems.append(f"{len(from_after)} complaints from after the point were restored")
        if before.failed or after.failed:
            problems.append(f"{len(before.failed) + len(after.failed)} submissions failed on a healthy cluster")
        return problems


if __name__ == "__main__":
    found = run(os.environ.get("HUB_BIN_DIR") or sys.exit("HUB_BIN_DIR is not set"))
    print("  result: " + ("passed" if not found else "FAILED\n    " + "\n    ".join(found)))
    sys.exit(1 if found else 0)

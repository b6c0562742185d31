"""The short failure drills (Tests/drills), run by `make test` against clusters of their own: one
replica of every service killed under load, and a restore to a point in time. The PostgreSQL
failover drill runs with `make drill`. Each drill prints its figures (pytest -s shows them).
Skipped only when the cluster's engines are not installed (`make cluster-deps` installs them).
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drills"))
import kill_replicas  # noqa: E402
import restore  # noqa: E402

ENGINES = ["etcd", "patroni", "haproxy", "pgbouncer", "curl"]
# Where scripts/cluster finds them: Debian puts haproxy and pgbouncer in /usr/sbin, off a user's PATH.
ENGINE_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
missing = [name for name in ENGINES if shutil.which(name, path=ENGINE_PATH) is None]
pytestmark = [
    pytest.mark.skipif(bool(missing), reason=f"not installed: {', '.join(missing)} (make cluster-deps)"),
    pytest.mark.skipif(not os.environ.get("HUB_BIN_DIR"), reason="HUB_BIN_DIR is not set"),
]


def test_killing_a_replica_of_every_service_under_load_loses_no_acknowledged_complaint():
    assert kill_replicas.run(os.environ["HUB_BIN_DIR"]) == []


def test_a_restore_to_a_point_in_time_has_every_complaint_from_before_it_and_none_after():
    assert restore.run(os.environ["HUB_BIN_DIR"]) == []

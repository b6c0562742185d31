"""What the failure drills share: a cluster of their own (scripts/cluster under .hub/<name>, ports
from a base of their own), a steady load of submissions through HAProxy, and counts read from the
database afterwards. Standard library only, so a drill runs wherever the cluster does.
"""

import http.client
import json
import os
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = ROOT / "scripts" / "cluster"
# A drill's cluster never meets `make cluster`'s (26000) or another drill's; all lie below Linux's
# ephemeral range, so no outgoing connection holds their ports.
DRILL_PORT = int(os.environ.get("HUB_DRILL_PORT", "26100"))
# Categories whose owners are the four modules and intake's general desk: every service is on the path.
CATEGORIES = ["pekerjaan-umum", "sosial", "pariwisata", "perhubungan", "kesehatan"]


def pg_bin() -> Path:
    versions = sorted((p for p in Path("/usr/lib/postgresql").glob("*/bin")), key=lambda p: int(p.parent.name))
    return versions[-1]


class Cluster:
    """scripts/cluster for one drill; a fresh folder each time, removed afterwards."""

    def __init__(self, bin_dir: str, name: str, port: int = DRILL_PORT):
        self.bin_dir = bin_dir
        self.env = dict(os.environ, HUB_CLUSTER_NAME=name, HUB_CLUSTER_PORT=str(port),
                        # One client address sends the whole load: the per-client limits are not drilled here.
                        HUB_SUBMIT_RATE_PER_MINUTE="1000000", HUB_SUBMIT_BURST="100000",
                        HUB_TRACK_RATE_PER_MINUTE="1000000", HUB_TRACK_BURST="100000",
                        # A killed consumer's lease returns its messages within this.
                        HUB_QUEUE_LEASE_SECONDS="5")
        self.addresses = {}

    def script(self, *arguments: str, check: bool = True) -> str:
        done = subprocess.run([str(CLUSTER), *arguments], env=self.env, capture_output=True, text=True, timeout=300)
        if check and done.returncode != 0:
            raise RuntimeError(f"scripts/cluster {' '.join(arguments)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def __enter__(self) -> "Cluster":
        self.script("destroy", check=False)
        started = time.monotonic()
        self.script("start", self.bin_dir)
        self.start_seconds = time.monotonic() - started
        for line in self.script("env").splitlines():
            key, _, value = line.partition("=")
            self.addresses[key] = value
        return self

    def __exit__(self, *exc_info):
        if os.environ.get("HUB_DRILL_KEEP") != "1":
            self.script("destroy", check=False)

    @property
    def gateway(self) -> str:
        return self.addresses["HUB_CLUSTER_GATEWAY"]

    def kill(self, name: str):
        self.script("kill", name)

    def sql(self, statement: str, url: Optional[str] = None) -> list:
        """Rows of a statement (tab-separated columns) on the primary, or on `url`."""
        done = subprocess.run([str(pg_bin() / "psql"), "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                               "-d", url or self.addresses["HUB_CLUSTER_PRIMARY_URL"], "-c", statement],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        return [line.split("\t") for line in done.stdout.splitlines() if line]

    def leader(self) -> str:
        for node in ("pg1", "pg2"):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", int(self.addresses[f"HUB_CLUSTER_{node.upper()}_REST"].rsplit(":", 1)[1]), timeout=2)
                connection.request("GET", "/primary")
                if connection.getresponse().status == 200:
                    return node
            except OSError:
                pass
        raise RuntimeError("no leader")


@dataclass
class Outcome:
    started: float
    finished: float
    status: int  # 0: the connection failed
    code: Optional[str] = None
    retry_after: Optional[str] = None
    error: str = ""


@dataclass
class Load:
    """`total` submissions through the gateway at about `rate` a second from `workers` threads, each
    marked with the drill's tag so that stored ones can be found whether or not they were answered."""
    gateway: str
    tag: str
    total: int
    rate: float
    workers: int = 4
    outcomes: list = field(default_factory=list)

    def __post_init__(self):
        self.lock = threading.Lock()
        self.next = 0
        self.threads = [threading.Thread(target=self.work, daemon=True) for _ in range(self.workers)]
        self.began = 0.0

    def start(self) -> "Load":
        self.began = time.monotonic()
        for thread in self.threads:
            thread.start()
        return self

    def wait(self):
        for thread in self.threads:
            thread.join(timeout=300)

    def work(self):
        address = urllib.parse.urlsplit(self.gateway)
        while True:
            with self.lock:
                index = self.next
                if index >= self.total:
                    return
                self.next += 1
            due = self.began + index / self.rate
            time.sleep(max(0.0, due - time.monotonic()))
            body = json.dumps({"category": CATEGORIES[index % len(CATEGORIES)],
                               "description": f"{self.tag} nomor {index}: jalan berlubang di depan pasar"})
            started = time.monotonic()
            try:
                connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
                connection.request("POST", "/api/v1/complaints", body=body, headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                text = response.read()
                code = json.loads(text)["tracking_code"] if response.status == 201 else None
                outcome = Outcome(started, time.monotonic(), response.status, code, response.getheader("Retry-After"),
                                  "" if code else text[:200].decode(errors="replace"))
                connection.close()
            except (OSError, http.client.HTTPException, ValueError, KeyError) as error:
                outcome = Outcome(started, time.monotonic(), 0, error=repr(error))
            with self.lock:
                self.outcomes.append(outcome)

    @property
    def acknowledged(self) -> list:
        return [o.code for o in self.outcomes if o.code]

    @property
    def failed(self) -> list:
        return [o for o in self.outcomes if not o.code]

    def recovery_after(self, moment: float) -> Optional[float]:
        """Seconds from `moment` until the first acknowledgement of a submission sent after the last
        failure (0 when nothing failed after it; None when nothing recovered)."""
        failures = [o.started for o in self.failed if o.finished >= moment]
        if not failures:
            return 0.0
        last = max(failures)
        after = [o.finished for o in self.outcomes if o.code and o.started > last]
        return (min(after) - moment) if after else None


class PublicReads:
    """A citizen re-reading one complaint's public view (`GET /api/v1/complaints/{code}`) through the
    gateway at about `rate` a second until stopped: what lag-tolerant reads meet while the drill runs.
    Each answer is counted by its status and, for a refusal, its error code (HAProxy's own 503, with
    no gateway ready, says `service_unavailable`; 0: the connection failed)."""

    def __init__(self, gateway: str, code: str, rate: float = 10.0):
        self.address = urllib.parse.urlsplit(gateway)
        self.code, self.rate = code, rate
        self.statuses: list = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.work, daemon=True)

    def start(self) -> "PublicReads":
        self.thread.start()
        return self

    def stop(self) -> "PublicReads":
        self.done.set()
        self.thread.join(timeout=60)
        return self

    def work(self):
        while not self.done.wait(1 / self.rate):
            try:
                connection = http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=30)
                connection.request("GET", f"/api/v1/complaints/{self.code}")
                response = connection.getresponse()
                body = response.read()
                status = response.status
                if status != 200:
                    try:
                        status = f"{status} {json.loads(body)['error']['code']}"
                    except (ValueError, KeyError, TypeError):
                        pass
                connection.close()
            except (OSError, http.client.HTTPException):
                status = "connection failed"
            self.statuses.append(status)

    def summary(self) -> str:
        counts = {str(status): self.statuses.count(status) for status in self.statuses}
        return f"{len(self.statuses)}: " + ", ".join(f"{count} × {status}" for status, count in sorted(counts.items()))


def stored(cluster: Cluster, tag: str) -> dict:
    """Tracking code → how many times it was dispatched to its owner, for every complaint the load stored."""
    rows = cluster.sql(f"""
        select c.tracking_code, count(e.id) filter (where e.kind = 'dispatched')
        from complaints c left join complaint_events e on e.complaint_id = c.id
        where c.description like '{tag} nomor %'
        group by c.tracking_code""")
    return {code: int(count) for code, count in rows}


def wait_dispatched(cluster: Cluster, tag: str, codes: list, seconds: float = 60) -> dict:
    """Waits until every one of `codes` has been dispatched (or `seconds` pass); the final counts."""
    deadline = time.monotonic() + seconds
    while True:
        counts = stored(cluster, tag)
        if all(counts.get(code, 0) >= 1 for code in codes) or time.monotonic() > deadline:
            return counts
        time.sleep(1)


def figures(title: str, rows: list):
    width = max(len(label) for label, _ in rows)
    print(f"\n{title}")
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value}")

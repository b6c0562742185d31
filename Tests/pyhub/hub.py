"""A throwaway hub for Python tests: a PostgreSQL cluster in a temporary folder and the real executables.

    with Hub(resolve_bin_dir(os.environ["HUB_BIN_DIR"])) as hub:
        urllib.request.urlopen(hub.url + "/healthz")

`Hub.start` runs initdb into a new temporary folder (as the `postgres` user when running as root,
because initdb refuses root), starts the cluster on a free port, applies `hubctl migrate`, starts
the gateway and the five module services on free ports and waits until each answers `/readyz`.
`Hub.stop` stops every process it started and the cluster, and removes the folder; it is called
when `start` fails half-way too, and may be called more than once. If the test process is killed
outright (SIGKILL), the services still die with it; the cluster, daemonised by pg_ctl, and the
folder stay. Only the standard library is used, so any test suite can import this.
"""

import ctypes
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Mapping, NamedTuple, Optional, Sequence, Union

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "public-works", "social", "tourism", "kir", "gateway")
PORT_VARIABLES = {
    "gateway": "HUB_GATEWAY_PORT", "intake": "HUB_INTAKE_PORT", "public-works": "HUB_PUBLIC_WORKS_PORT",
    "social": "HUB_SOCIAL_PORT", "tourism": "HUB_TOURISM_PORT", "kir": "HUB_KIR_PORT",
}
# Tests submit and look up from one address far faster than a citizen does.
TEST_ENVIRONMENT = {
    "HUB_STARTUP_WAIT": "10", "HUB_LISTEN_HOST": "127.0.0.1",
    "HUB_SUBMIT_RATE_PER_MINUTE": "100000", "HUB_SUBMIT_BURST": "100000",
    "HUB_TRACK_RATE_PER_MINUTE": "100000", "HUB_TRACK_BURST": "100000",
    "HUB_HTTP_WORKERS": "8", "HUB_DB_POOL_SIZE": "4",
    # Plain HTTP: a test client keeps no Secure cookie (Chromium on localhost would); a test of the
    # default (Secure, `__Host-`) passes {"HUB_COOKIE_SECURE": None} in extra_env.
    "HUB_COOKIE_SECURE": "0",
}
# How long a test waits for a state the services reach by themselves (a module taking a case in, a
# service becoming ready): only a broken hub waits this long, a loaded machine only makes tests slower.
SETTLE_SECONDS = 60
# The statuses a submission's answer may carry: intake reads the case back after the commit and its
# NOTIFY, so the owning module may have dispatched it already.
JUST_SUBMITTED = ("received", "dispatched")


def wait_until(read: Callable[[], object], accept: Callable[[object], bool], what: str,
               timeout: float = SETTLE_SECONDS, interval: float = 0.05):
    """Calls `read` until `accept` takes its value and answers that value; fails after `timeout`
    seconds with the last value read."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if accept(value):
            return value
        assert time.monotonic() < deadline, f"{what} did not happen in {timeout} s; last: {value}"
        time.sleep(interval)


class HubError(RuntimeError):
    """A step of starting or driving the hub failed; the message carries the tool's output or log."""


def pg_bin_dir() -> Path:
    """`HUB_PG_BIN`, else the newest Debian PostgreSQL that has initdb, else the folder of initdb on PATH."""
    configured = os.environ.get("HUB_PG_BIN")
    if configured:
        return Path(configured)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0)
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise HubError("no PostgreSQL server found: run scripts/deps (or set HUB_PG_BIN)")


def resolve_bin_dir(configured: Union[str, Path]) -> Path:
    """The folder of the built executables: as given, or relative to the repository when a relative
    path does not hold them from the current folder."""
    path = Path(configured)
    if not path.is_absolute() and not (path / "gateway").exists():
        path = ROOT / path
    return path.resolve()


def built_executables() -> Path:
    """The folder HUB_BIN_DIR names (`resolve_bin_dir`); the calling test is skipped when it is not set."""
    configured = os.environ.get("HUB_BIN_DIR")
    if not configured:
        import pytest  # noqa: PLC0415 (only the test suites call this; the drills run without pytest)
        pytest.skip("HUB_BIN_DIR is not set: these tests need the built executables (e.g. HUB_BIN_DIR=.build/debug)")
    return resolve_bin_dir(configured)


# Ports are drawn below Linux's ephemeral range (32768 and up), so no outgoing connection can take
# one between this check and the service binding it, and none is handed out twice in one process.
_handed_out = set()


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nobody listens on and that this process has not handed out yet."""
    for _ in range(500):
        port = random.randrange(20000, 32000)
        if port in _handed_out:
            continue
        _handed_out.add(port)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise HubError("no free port found between 20000 and 32000")


def free_ports(count: int) -> list:
    return [free_port() for _ in range(count)]


try:
    _prctl = ctypes.CDLL(None).prctl
except (OSError, AttributeError):
    _prctl = None
PR_SET_PDEATHSIG = 1
# Local addresses only: a proxy configured in the environment must not see the readiness checks.
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _die_with_parent():
    """Runs in the child before exec: the kernel sends it SIGTERM if the test process dies, even by
    SIGKILL, so no service outlives a killed test run."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))


Environment = Mapping[str, Optional[str]]


class Service(NamedTuple):
    """A further process beside the six, e.g. a second gateway with other limits.

    `env` overrides the hub's environment (a value of None removes the variable); it may be a
    function of the hub, called once every port is known (`hub.ports[name]`, `hub.url_of(name)`).
    The service gets a free port of its own in its executable's port variable.
    """
    name: str
    executable: str
    env: Union[Environment, Callable[["Hub"], Environment]] = {}


class Hub:
    """A PostgreSQL cluster and the hub's services, started for a test and removed after it.

    - Parameters:
      - bin_dir: the folder of the built executables (see `resolve_bin_dir`).
      - extra_env: variables added to (or, with None, removed from) every service's and hubctl's environment.
      - extra_services: further processes started after the six (see `Service`).
      - setup: called with the hub after the migrations and before any service starts (accounts, data).
      - services: which of the six to start (all by default).
      - prefix: of the temporary folder, to tell the suites' folders apart.
      - startup_timeout: seconds every service together has to become ready.
    """

    def __init__(self, bin_dir: Union[str, Path], *, extra_env: Optional[Environment] = None,
                 extra_services: Sequence[Service] = (), setup: Optional[Callable[["Hub"], None]] = None,
                 services: Sequence[str] = SERVICES, prefix: str = "hub-test-", startup_timeout: float = SETTLE_SECONDS):
        self.bin = Path(bin_dir)
        self.extra_env = dict(extra_env or {})
        self.extra_services = list(extra_services)
        self.setup = setup
        self.services = list(services)
        self.prefix = prefix
        self.startup_timeout = startup_timeout
        self.pg_bin = None
        self.tmp = None
        self.ports = {}
        self.processes = []   # (name, Popen)
        self.pg_started = False
        self.database_url = None
        self.db_port = None
        self.as_root = os.geteuid() == 0

    # Lifecycle ----------------------------------------------------------------------------------

    def __enter__(self) -> "Hub":
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()
        return False

    @property
    def url(self) -> str:
        """The gateway's base URL, without a trailing slash."""
        return self.url_of("gateway")

    def url_of(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def start(self) -> "Hub":
        """Starts the cluster and the services; on any failure stops what it started, then raises."""
        try:
            executables = set(self.services) | {service.executable for service in self.extra_services} | {"hubctl"}
            for executable in sorted(executables):
                if not (self.bin / executable).exists():
                    raise HubError(f"{self.bin / executable} missing: build the executables first")
            self.tmp = Path(tempfile.mkdtemp(prefix=self.prefix))
            self.start_database()
            names = self.services + [service.name for service in self.extra_services]
            self.ports = dict(zip(names, free_ports(len(names))))
            self.hubctl("migrate")
            self.hubctl("db-roles")
            if self.setup:
                self.setup(self)
            env = self.environment()
            started = [(name, self.spawn(name, name, self.as_own_role(env, name))) for name in self.services]
            for service in self.extra_services:
                overrides = service.env(self) if callable(service.env) else service.env
                own = dict(self.as_own_role(env, service.executable),
                           **{PORT_VARIABLES[service.executable]: str(self.ports[service.name])})
                started.append((service.name, self.spawn(service.name, service.executable, _merged(own, overrides))))
            deadline = time.monotonic() + self.startup_timeout
            for name, process in started:
                self.wait_ready(name, process, deadline)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self):
        """Stops every process started here and the cluster, and removes the temporary folder."""
        for _, process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _, process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = []
        if self.pg_started:
            for mode in ("fast", "immediate"):
                try:
                    self.pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")
                    break
                except (HubError, subprocess.TimeoutExpired):
                    continue
            self.pg_started = False
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    # PostgreSQL ---------------------------------------------------------------------------------

    @property
    def data(self) -> Path:
        return self.tmp / "pg" / "data"

    def pg(self, program: str, *arguments: str) -> str:
        """Runs a PostgreSQL server tool, as the `postgres` user when running as root."""
        command = [str(self.pg_bin / program), *arguments]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise HubError(f"{program} failed: {result.stdout}\n{result.stderr}")
        return result.stdout

    def start_database(self):
        self.pg_bin = pg_bin_dir()
        self.db_port = free_port()
        pg_dir = self.tmp / "pg"
        pg_dir.mkdir()
        if self.as_root:
            os.chmod(self.tmp, 0o755)
            shutil.chown(pg_dir, "postgres", "postgres")
        self.pg("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.pg_started = True  # from here on, stop() tries pg_ctl stop whatever happens
        self.pg("pg_ctl", "-D", str(self.data), "-l", str(pg_dir / "postgres.log"), "-w", "-o",
                f"-p {self.db_port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        self.pg("createdb", "-h", "127.0.0.1", "-p", str(self.db_port), "-U", "postgres", "hub")
        self.database_url = f"postgresql://postgres@127.0.0.1:{self.db_port}/hub"

    def sql(self, statement: str) -> str:
        """Runs one statement with psql and returns its unaligned, tuples-only output."""
        psql = self.pg_bin / "psql" if (self.pg_bin / "psql").exists() else "psql"
        result = subprocess.run(
            [str(psql), "-h", "127.0.0.1", "-p", str(self.db_port), "-U", "postgres", "-d", "hub", "-v",
             "ON_ERROR_STOP=1", "-At", "-c", statement], capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise HubError(f"psql failed: {result.stderr}")
        return result.stdout.strip()

    # The executables ----------------------------------------------------------------------------

    def environment(self) -> dict:
        """What every service and hubctl get: this process's environment without any HUB_ variable,
        the test settings, the database, the ports of the six services, then `extra_env`."""
        env = {key: value for key, value in os.environ.items() if not key.startswith("HUB_")}
        env.update(TEST_ENVIRONMENT)
        env["HUB_DATABASE_URL"] = self.database_url
        env.update({PORT_VARIABLES[name]: str(self.ports[name]) for name in self.services if name in self.ports})
        return _merged(env, self.extra_env)

    def as_own_role(self, env: dict, executable: str) -> dict:
        """`env` with the database URL of the executable's own role (hub_gateway, …), as deployed,
        unless `extra_env` names a database URL of its own; `{role}` in a HUB_DATABASE_READ_URL of
        `extra_env` becomes that role too."""
        role = "hub_" + executable.replace("-", "_")
        if "{role}" in env.get("HUB_DATABASE_READ_URL", ""):
            env = dict(env, HUB_DATABASE_READ_URL=env["HUB_DATABASE_READ_URL"].replace("{role}", role))
        if "HUB_DATABASE_URL" in self.extra_env:
            return env
        return dict(env, HUB_DATABASE_URL=f"postgresql://{role}@127.0.0.1:{self.db_port}/hub")

    def hubctl(self, *arguments: str, stdin: Optional[str] = None) -> str:
        result = subprocess.run([str(self.bin / "hubctl"), *arguments], input=stdin, capture_output=True,
                                text=True, env=self.environment(), timeout=60)
        if result.returncode != 0:
            raise HubError(f"hubctl {' '.join(arguments)}: {result.stdout}{result.stderr}")
        return result.stdout

    def spawn(self, name: str, executable: str, env: Mapping[str, str]) -> subprocess.Popen:
        """Starts one executable in the background, its output in `<tmp>/<name>.log`."""
        with open(self.tmp / f"{name}.log", "wb") as log:
            process = subprocess.Popen([str(self.bin / executable)], env=dict(env), stdout=log,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       preexec_fn=_die_with_parent)
        self.processes.append((name, process))
        return process

    def wait_ready(self, name: str, process: subprocess.Popen, deadline: float):
        url = f"{self.url_of(name)}/readyz"
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise HubError(f"{name} exited with {process.returncode}: {self.log(name)}")
            try:
                with _direct.open(url, timeout=1) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.05)
        raise HubError(f"{name} not ready: {self.log(name)}")

    def log(self, name: str) -> str:
        """The last 3,000 characters a service wrote."""
        path = self.tmp / f"{name}.log" if self.tmp else None
        return path.read_text(errors="replace")[-3000:] if path and path.exists() else ""


def _merged(env: Mapping[str, str], overrides: Environment) -> dict:
    merged = dict(env)
    for key, value in overrides.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged

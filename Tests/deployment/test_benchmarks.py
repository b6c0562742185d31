"""The benchmark scripts of `make bench`, checked without running them (`make test` times nothing):
every script parses, and every path the real-work benchmark asks the gateway for is one the hub
serves, in Schemas/openapi.yaml or among the gateway's routes, so a moved route shows here rather
than as a column of refusals in the bench.

Run with: python3 -m pytest -q Tests/deployment -k bench
"""

import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(p for p in (ROOT / "Benchmarks").rglob("*.sh"))
WORK = ROOT / "Benchmarks/work.sh"
GATEWAY_ROUTES = ROOT / "Services/Gateway"


@cache
def requested_routes():
    """work.sh's route table: key -> (method, path)."""
    table = re.search(r"declare -A route=\((.*?)\n\)", WORK.read_text(), re.S)
    assert table, "work.sh has no route table (declare -A route=(...))"
    routes = dict(re.findall(r'\[([\w-]+)\]="(\w+ /[^"]*)"', table.group(1)))
    return {key: tuple(value.split(" ", 1)) for key, value in routes.items()}


@cache
def gateway_patterns():
    """The gateway's own route patterns: each literal path, and each joined to each group prefix;
    not those ending in a wildcard, which forward whatever comes (to a module that may answer 404)."""
    text = "\n".join(path.read_text() for path in sorted(GATEWAY_ROUTES.glob("GatewayRoutes*.swift")))
    literals = set(re.findall(r'"(/[^"\s]*)"', text))
    groups = set(re.findall(r'group\("(/[^"]*)"', text))
    return {pattern for pattern in literals | {group + literal for group in groups for literal in literals}
            if not pattern.endswith("*")}


@cache
def open311_resources():
    """The resources Open311 dispatches by name (`case ["requests"]` in Open311Routes.swift)."""
    return set(re.findall(r'case \["(\w+)"', (ROOT / "Services/Intake/Open311/Open311Routes.swift").read_text()))


@cache
def documented_paths():
    return yaml.safe_load((ROOT / "Schemas/openapi.yaml").read_text())["paths"]


def matches(pattern, path):
    """Whether a router pattern ({name}: one segment, *: the rest) takes a path ({code}: a segment)."""
    want, have = pattern.strip("/").split("/"), path.strip("/").split("/")
    for index, segment in enumerate(want):
        if segment == "*":
            return len(have) > index
        if index >= len(have):
            return False
        if not (segment == have[index] or (segment.startswith("{") and segment.endswith("}"))):
            return False
    return len(want) == len(have)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_benchmark_script_parses(script):
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_work_bench_asks_for_every_kind_of_work():
    assert {"submit-json", "submit-form", "view", "track", "queue", "case-page", "open311", "claim"} <= set(requested_routes())


@pytest.mark.parametrize("key", sorted(requested_routes()))
def test_work_bench_path_is_served(key):
    method, path = requested_routes()[key]
    documented = documented_paths()
    if path.startswith("/api/"):
        assert path in documented, f"{path} is not in Schemas/openapi.yaml"
        assert method.lower() in documented[path], f"{method} {path} is not in Schemas/openapi.yaml"
    elif path.startswith("/open311/v2/"):
        resource = path.removeprefix("/open311/v2/").split(".")[0]
        assert resource in open311_resources(), f"Open311 has no resource {resource}"
    else:
        assert any(matches(pattern, path) for pattern in gateway_patterns()), \
            f"{path} matches none of the gateway's routes ({GATEWAY_ROUTES.relative_to(ROOT)})"



def test_free_ports_are_handed_out_once_and_below_the_ephemeral_range(tmp_path):
    # Each call runs in a subshell, as `port="$(free_port)"` does; an outgoing connection may take
    # any port of the ephemeral range between the choice and the server's bind.
    result = subprocess.run(["bash", "-c", f'. Benchmarks/lib/bench.sh; tmp="{tmp_path}"; '
                                           'for _ in $(seq 60); do echo "$(free_port)"; done'],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ports = [int(line) for line in result.stdout.split()]
    ephemeral = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    assert len(ports) == 60 and len(set(ports)) == 60
    assert all(1024 < port < ephemeral for port in ports), [port for port in ports if port >= ephemeral][:5]


def test_plans_keep_one_plan_per_statement_after_the_mark(tmp_path):
    # What PostgreSQL's stderr log holds with auto_explain on: a LOG line, then the query text and
    # the plan, each line after a tab. The same statement with other parameters is the same plan.
    log = tmp_path / "server.log"
    log.write_text(
        "2026-12-03 10:00:00.000 UTC [1] LOG:  duration: 0.100 ms  plan:\n"
        "\tQuery Text: select 0\n"
        "\tResult  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)\n"
        "2026-12-03 10:00:01.000 UTC [1] LOG:  duration: 0.200 ms  plan:\n"
        "\tQuery Text: select * from complaints\n"
        "\t where id = $1\n"
        "\tQuery Parameters: $1 = '7'\n"
        "\tIndex Scan using complaints_pkey on complaints  (cost=0.42..8.44 rows=1 width=8) (actual time=0.010..0.011 rows=1 loops=1)\n"
        "\t  Buffers: shared hit=4\n"
        "2026-12-03 10:00:02.000 UTC [2] LOG:  received SIGHUP, reloading configuration files\n"
        "2026-12-03 10:00:03.000 UTC [1] LOG:  duration: 0.300 ms  plan:\n"
        "\tQuery Text: select * from complaints\n"
        "\t where id = $1\n"
        "\tQuery Parameters: $1 = '8'\n"
        "\tIndex Scan using complaints_pkey on complaints  (cost=0.42..8.44 rows=1 width=8) (actual time=0.050..0.051 rows=1 loops=1)\n"
        "2026-12-03 10:00:04.000 UTC [3] LOG:  duration: 0.400 ms  plan:\n"
        "\tQuery Text: select 1\n"
        "\tResult  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)\n")
    result = subprocess.run(["bash", "-c", f'. Benchmarks/work/plans.sh; distinct_plans 3 "{log}"'],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    texts = [line for line in result.stdout.splitlines() if line.startswith("Query Text:")]
    assert texts == ["Query Text: select * from complaints", "Query Text: select 1"]
    assert "$1 = '7'" in result.stdout and "$1 = '8'" not in result.stdout
    assert "Buffers: shared hit=4" in result.stdout

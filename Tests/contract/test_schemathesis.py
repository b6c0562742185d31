"""schemathesis against the running hub: Schemas/openapi.yaml and the server agree.

A throwaway cluster and the six real executables are started (Tests/pyhub), with the SMS webhook and the text gateway's inbound replies on.
schemathesis then generates requests for every operation from the spec (`--checks all`: no server
error, every status, header, content type and body as documented, schema-invalid requests refused,
schema-valid ones accepted), authenticated as an inspector with a Bearer token so the staff paths are
exercised beyond their 401. The seed is fixed and the example count small, so the run is repeatable
and takes a minute or two. Any failure prints schemathesis's report, with the curl line to replay it.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/contract -k schemathesis
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
import pyhub  # noqa: E402

SPEC = ROOT / "Schemas" / "openapi.yaml"
CONFIG = Path(__file__).with_name("schemathesis.toml")
PASSWORD = "sandi-schemathesis-2026"
SMS_SECRET = "schemathesis-rahasia-sms"
SEED = "20261203"
MAX_EXAMPLES = "12"


def schemathesis_command():
    """The schemathesis CLI beside this Python (a venv's), else on PATH."""
    beside = Path(sys.executable).parent / "schemathesis"
    found = str(beside) if beside.exists() else shutil.which("schemathesis")
    assert found, "schemathesis is not installed for this Python: `make test` installs it (see the Makefile)"
    return found


def add_accounts(hub):
    hub.hubctl("user", "add", "schemathesis.inspektur", "--role", "inspector", stdin=PASSWORD + "\n")


@pytest.fixture(scope="module")
def hub():
    bin_dir = pyhub.resolve_bin_dir(os.environ.get("HUB_BIN_DIR") or ".build/debug")
    # With a metrics token, as a deployment scraping the gateway runs it (without one /metrics is not there).
    with pyhub.Hub(bin_dir, extra_env={"HUB_SMS_WEBHOOK_SECRET": SMS_SECRET, "HUB_METRICS_TOKEN": "schemathesis-metrics-token",
                                           "HUB_TEXT_GATEWAY_SECRET": "schemathesis-rahasia-teks"},
                   setup=add_accounts,
                   prefix="hub-schemathesis-") as running:
        yield running


def log_in(hub):
    answer = requests.post(hub.url + "/api/v1/staff/login", json={"login": "schemathesis.inspektur", "password": PASSWORD},
                           timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def test_schemathesis_finds_no_server_error_and_no_mismatch(hub, tmp_path):
    # The sessions are handed over in the environment (schemathesis.toml reads them), not on the
    # command line. One worker: Python 3.11's ast.parse, which hypothesis calls to describe its
    # filters, is not thread-safe ("AST constructor recursion depth mismatch").
    environment = {**os.environ, "SCHEMATHESIS_INSPECTOR_TOKEN": log_in(hub), "SCHEMATHESIS_LOGOUT_TOKEN": log_in(hub)}
    result = subprocess.run(
        [schemathesis_command(), "--config-file", str(CONFIG), "run", str(SPEC), "--url", hub.url, "--checks", "all",
         "--seed", SEED, "--max-examples", MAX_EXAMPLES, "--phases", "examples,coverage,fuzzing", "--workers", "1",
         "--request-timeout", "30", "--generation-deterministic", "--no-color", "--suppress-health-check", "all"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600, env=environment)
    report = result.stdout + result.stderr
    failures = report.find("FAILURES")
    assert result.returncode == 0, report[failures if failures >= 0 else 0:][:20000]

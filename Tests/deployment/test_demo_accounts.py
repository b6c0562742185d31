"""`make run`'s demo accounts (scripts/demo-accounts), against a stand-in hubctl that records its
calls: random passwords, printed once, and none at all on an address others can reach.

Run with: python3 -m pytest -q Tests/deployment -k demo
"""

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "demo-accounts"

# Records each call (arguments and the first line of standard input); `user add` fails for logins
# listed in $EXISTING, as the real one does for an account that exists.
FAKE_HUBCTL = """#!/usr/bin/env bash
line=""
if [ "$2" = add ] || [ "$2" = reset-password ]; then read -r line || true; fi
printf '%s|%s\\n' "$*" "$line" >> "$CALLS"
if [ "$2" = add ] && [[ " $EXISTING " == *" $3 "* ]]; then echo "hubctl: login $3 already exists" >&2; exit 1; fi
exit 0
"""


def run(tmp_path, host, existing=""):
    hubctl = tmp_path / "hubctl"
    hubctl.write_text(FAKE_HUBCTL)
    hubctl.chmod(hubctl.stat().st_mode | stat.S_IEXEC)
    calls = tmp_path / "calls"
    calls.touch()
    env = dict(os.environ, CALLS=str(calls), EXISTING=existing)
    if host is None:
        env.pop("HUB_LISTEN_HOST", None)
    else:
        env["HUB_LISTEN_HOST"] = host
    done = subprocess.run([str(SCRIPT), str(tmp_path)], env=env, capture_output=True, text=True, timeout=30)
    return done, [line.split("|", 1) for line in calls.read_text().splitlines()]


@pytest.mark.parametrize("host", [None, "127.0.0.1", "127.0.1.1", "::1", "localhost"])
def test_demo_accounts_get_random_passwords_that_are_printed(tmp_path, host):
    first, calls = run(tmp_path, host)
    assert first.returncode == 0, first.stderr
    adds = {args.split()[2]: password for args, password in calls if args.startswith("user add")}
    assert set(adds) == {"staff.pu", "inspektur"}
    assert calls[0][0] == "user add staff.pu --role staff --module public-works"
    assert calls[1][0] == "user add inspektur --role inspector"
    for login, password in adds.items():
        assert re.fullmatch(r"[A-Za-z0-9_-]{24}", password), password
        assert f"{login} " in first.stdout and password in first.stdout, first.stdout
    assert "demo-pass-123" not in first.stdout and len(set(adds.values())) == 2

    (tmp_path / "calls").unlink()
    second, again = run(tmp_path, host)
    assert not set(adds.values()) & {password for _, password in again}, "every run draws new passwords"


def test_an_account_left_from_an_earlier_run_gets_a_new_password_and_is_enabled(tmp_path):
    done, calls = run(tmp_path, "127.0.0.1", existing="staff.pu")
    assert done.returncode == 0, done.stderr
    commands = [args for args, _ in calls]
    assert commands[:3] == ["user add staff.pu --role staff --module public-works", "user reset-password staff.pu",
                            "user enable staff.pu"]
    assert calls[0][1] == calls[1][1] and calls[1][1] in done.stdout


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "lapor.example.go.id", "127.0.0.1.example.com"])
def test_no_demo_account_on_an_address_others_can_reach(tmp_path, host):
    done, calls = run(tmp_path, host)
    assert done.returncode == 0
    assert calls == [], "hubctl must not be called"
    assert "not a loopback address" in done.stderr and "Demo logins" not in done.stdout


def test_make_run_has_no_fixed_demo_password():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "DEMO_PASSWORD" not in makefile and "demo-pass" not in makefile
    assert "scripts/demo-accounts" in makefile
    assert "demo-pass" not in (ROOT / "README.md").read_text(encoding="utf-8")

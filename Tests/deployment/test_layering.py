"""DESIGN.md's layering rules that a compiler does not check, read from the sources: no SQL outside
HubStore, Queue and Postgres (Hubctl aside), ServiceKit without HubStore, and a gateway that forwards
by prefix rather than repeating the modules' routes.

Run with: python3 -m pytest -q Tests/deployment -k layering
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A statement sent on a connection or a pool (`connection.query(`, `pool.execute(`, `$0.query(`).
SQL_CALL = re.compile(r'\b(?:connection|pool|\$0|owner)\s*\.\s*(?:query|execute)\(')
# SQL text in a string literal.
SQL_TEXT = re.compile(r'"\s*(?:select|insert into|update \w+ set|delete from)\b', re.IGNORECASE)


def swift_files(*folders):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.swift"))


def relative(path):
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("folder", ["Services", "Sources/Casework", "Sources/ServiceKit", "Sources/Web"])
def test_no_sql_outside_the_store(folder):
    offending = []
    for path in swift_files(folder):
        if path.parts[-2] == "Hubctl":
            continue
        text = path.read_text(encoding="utf-8")
        offending += [f"{relative(path)}: {match.group(0)}" for match in SQL_CALL.finditer(text)]
        offending += [f"{relative(path)}: {match.group(0)}" for match in SQL_TEXT.finditer(text)]
    assert offending == []


# StaffAuthentication.swift is being replaced by a session middleware outside ServiceKit.
SERVICEKIT_HUBSTORE_LEFT = {"Sources/ServiceKit/StaffAuthentication.swift"}


def test_servicekit_does_not_import_hubstore():
    importing = {relative(path) for path in swift_files("Sources/ServiceKit")
                 if re.search(r'^import HubStore$', path.read_text(encoding="utf-8"), re.MULTILINE)}
    assert importing <= SERVICEKIT_HUBSTORE_LEFT


def route_paths(text):
    """The paths a Swift source registers routes for (literal patterns only)."""
    return set(re.findall(r'router\.(?:get|post|add)\((?:"[A-Z]+", )?"(/[^"]*)"', text))


# The gateway's own policy points, which name a module's path: the two paths it sends to the account's
# own module (it reads the session for them), and the citizen's writes it admits itself (rate limits,
# upload limits, failure pages) before intake takes them.
POLICY_PATHS = {"/staff", "/api/v1/staff/queue",
                "/complaints", "/api/v1/complaints", "/track/{code}/feedback", "/api/v1/complaints/{code}/feedback",
                "/api/v1/inbound/sms"}


def test_the_gateway_repeats_no_module_route():
    gateway = set()
    for path in swift_files("Services/Gateway"):
        gateway |= route_paths(path.read_text(encoding="utf-8"))
    modules = set()
    for path in swift_files("Sources/Casework", "Services"):
        if path.parts[-2] not in ("Gateway", "Hubctl"):
            modules |= route_paths(path.read_text(encoding="utf-8"))
    assert modules, "the modules' routes were read"
    assert (gateway & modules) - POLICY_PATHS == set()

"""The layering of ../shared/DESIGN.md, checked on the sources as text: which module may import which,
where SQL may be written, and where a case may be changed.

Run with: python3 -m pytest -q Tests/architecture
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HUB_LIBRARIES = {"JSON", "Postgres", "HTTP", "Queue", "Complaints", "HubStore", "Web", "ServiceKit", "Casework", "QRCode",
                 "PDFDocument", "Notifications"}
SERVICES = sorted(path.name for path in (ROOT / "Services").iterdir() if path.is_dir())

# DESIGN.md, "Layout": what each library may import besides the system's modules. Arrows point down.
ALLOWED_IMPORTS = {
    # The hub's JSON (values, reader, writer, Codable): nothing of the hub.
    "JSON": set(),
    "Postgres": {"CLibPQ"},
    "HTTP": {"CLinux", "JSON"},
    "Queue": {"Postgres", "JSON"},
    "Complaints": set(),
    "HubStore": {"Postgres", "Queue", "Complaints", "CCrypt", "JSON"},
    "Web": {"Complaints"},
    "ServiceKit": {"HTTP", "Postgres", "Queue", "Complaints", "Web"},
    "Casework": {"HTTP", "Postgres", "Queue", "Complaints", "HubStore", "Web", "ServiceKit"},
    # The documents' own formats: nothing of the hub.
    "QRCode": set(),
    "PDFDocument": set(),
    "Notifications": {"Postgres", "Queue", "Complaints", "HubStore", "ServiceKit"},
}
SYSTEM_MODULES = {"Foundation", "FoundationNetworking", "Glibc", "Dispatch", "Synchronization"}
# Complaints is the domain: Foundation only, no system calls.
DOMAIN_SYSTEM_MODULES = {"Foundation"}

# The schema's tables and views, read from the migrations: SQL is text that names one of them after
# from, join, into or update.
RELATIONS = sorted({
    name
    for migration in (ROOT / "Schemas" / "migrations").glob("*.sql")
    for name in re.findall(r"create\s+(?:or\s+replace\s+)?(?:materialized\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?(\w+)",
                           migration.read_text(), re.IGNORECASE)
})
SQL = re.compile(r"\b(?:from|join|into|update)\s+(?:%s)\b" % "|".join(RELATIONS), re.IGNORECASE)
SQL_HOMES = {"Sources/Postgres", "Sources/Queue", "Sources/HubStore", "Services/Hubctl"}


def swift_files(folder):
    return sorted((ROOT / folder).rglob("*.swift"))


def imports(path):
    return set(re.findall(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(\w+)", path.read_text(), re.MULTILINE))


def relative(path):
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("library", sorted(ALLOWED_IMPORTS))
def test_library_imports_only_modules_below_it(library):
    system = DOMAIN_SYSTEM_MODULES if library == "Complaints" else SYSTEM_MODULES
    allowed = ALLOWED_IMPORTS[library] | system
    offenders = {
        relative(path): sorted(imports(path) - allowed)
        for path in swift_files(f"Sources/{library}")
        if imports(path) - allowed
    }
    assert offenders == {}


@pytest.mark.parametrize("service", SERVICES)
def test_no_service_imports_another(service):
    others = {name for name in SERVICES if name != service}
    offenders = {relative(path): sorted(imports(path) & others) for path in swift_files(f"Services/{service}")
                 if imports(path) & others}
    assert offenders == {}


def test_package_manifest_declares_the_same_arrows():
    """The manifest's dependencies may not be wider than the layering either."""
    manifest = (ROOT / "Package.swift").read_text()
    for library, allowed in ALLOWED_IMPORTS.items():
        match = re.search(r'\.target\(\s*name:\s*"%s"(?:,\s*dependencies:\s*\[([^\]]*)\])?' % library, manifest)
        assert match, f"{library} is not a target of Package.swift"
        declared = set(re.findall(r'"(\w+)"', match.group(1) or ""))
        assert declared <= allowed, f"{library} declares {sorted(declared - allowed)}"


def test_sql_is_written_only_beside_the_tables():
    offenders = []
    for folder in ["Sources", "Services"]:
        for path in swift_files(folder):
            if any(relative(path).startswith(home + "/") for home in SQL_HOMES):
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if not line.lstrip().startswith("//") and SQL.search(line):
                    offenders.append(f"{relative(path)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_sql_detector_sees_sql():
    assert SQL.search('"select id from complaints where tracking_code = $1"')
    assert SQL.search("update complaints set status = $2")
    assert SQL.search("insert into audit_log (action) values ($1)")
    assert not SQL.search("pick a category from the list")
    assert {"complaints", "queue_messages", "staff_accounts"} <= set(RELATIONS)


def writers_of(pattern):
    return sorted({relative(path) for folder in ["Sources", "Services"] for path in swift_files(folder)
                   if re.search(pattern, path.read_text(), re.IGNORECASE)})


def test_a_case_is_changed_in_one_place():
    """Every change of a case is a CaseChange from Lifecycle.apply, written by one store function."""
    assert len(writers_of(r"update\s+complaints\s+set|insert\s+into\s+complaint_events")) == 1


def test_the_audit_log_is_written_in_one_place():
    assert len(writers_of(r"insert\s+into\s+audit_log")) == 1


# Where `[String: Any]` may still stand: the store's jsonb columns. No
# request or response body is one, and neither are the log's fields.
UNTYPED_JSON_HOMES = {"Sources/HubStore/AuditLog.swift", "Sources/HubStore/JSONText.swift"}


def test_request_and_response_bodies_are_typed():
    offenders = [relative(path) for folder in ["Sources", "Services"] for path in swift_files(folder)
                 if "[String: Any]" in path.read_text()
                 and not any(relative(path) == home or relative(path).startswith(home + "/") for home in UNTYPED_JSON_HOMES)]
    assert offenders == []


# Foundation's JSON (JSONSerialization, JSONEncoder, JSONDecoder) on a hot path: profiles of the gateway
# and of intake found it there (issue 13). The hub reads and writes JSON itself (the JSON module:
# JSONParser, JSONValue, JSONValueEncoder and JSONValueDecoder), its requests, answers, log lines, queue
# messages and jsonb text alike; what stays is the reporter's sender (a queue consumer, never on a
# request's path, waiting on the network) writing the text gateway's body.
FOUNDATION_JSON = re.compile(r"\b(?:JSONSerialization|JSONEncoder|JSONDecoder)\b")
FOUNDATION_JSON_HOMES = {"Sources/Notifications"}


def test_foundation_json_stays_off_the_request_path():
    offenders = [relative(path) for folder in ["Sources", "Services"] for path in swift_files(folder)
                 if FOUNDATION_JSON.search(re.sub(r"//.*", "", path.read_text()))  # comments may name it
                 and not any(relative(path).startswith(home + "/") for home in FOUNDATION_JSON_HOMES)]
    assert offenders == []

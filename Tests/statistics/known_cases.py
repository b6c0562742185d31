"""A known set of complaints with known times for the public statistics' tests (issue 17).

Each case is submitted through the gateway (so it has a reporter's contact and the real first events),
then given fixed moments, an area of Tests/Fixtures/areas/kabupaten-contoh.geojson and the status its
story ends in, with the timeline events that story writes; `hubctl stats refresh` then measures them.
The figures the tests expect are worked out by hand in EXPECTED (see CaseFigures for the rules).
"""

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pyhub  # noqa: E402
from pyhub import regency  # noqa: E402

# Monday 2026-03-02 09:00 WIB.
BASE = "2026-03-02 02:00:00+00"
PERIOD = "from=2026-03-02&to=2026-03-15"

# name: (category, kelurahan, confidential, hours after BASE received, verified after, resolved after, status, rating)
CASES = {
    "A": ("pekerjaan-umum", "99.01.01.2001", False, 0, 1, 10, "closed", 5),
    "B": ("pekerjaan-umum", "99.01.01.1002", False, 0, 3, 30, "resolved", None),
    # Resolved after 300 h: past the 8 working days (Thursday 2026-03-12 09:00 WIB, 240 h).
    "C": ("pekerjaan-umum", "99.01.02.2001", False, 0, 2, 300, "closed", 3),
    "D": ("pekerjaan-umum", "99.01.01.2001", True, 0, 5, None, "in_progress", None),
    "E": ("pekerjaan-umum", None, False, 0, 4, None, "rejected", None),
    "F": ("kesehatan", "99.01.02.2002", False, 192, None, None, "dispatched", None),
    "G": ("kesehatan", "99.01.01.2001", False, 0, None, None, "duplicate", None),
    "H": ("pekerjaan-umum", "99.01.01.2001", False, -240, 1, 2, "closed", 4),
}


def figures(received, resolved, verify, resolve, share, rating, confidential):
    return {"received": received, "resolved": resolved, "median_hours_to_verify": verify,
            "median_hours_to_resolve": resolve, "within_deadline_share": share, "mean_rating": rating,
            "confidential_count": confidential}


# G is a duplicate and H was received before the period: neither counts. D is confidential: counted
# region-wide, left out of every area. Verify hours: A 1, B 3, C 2, D 5, E 4; resolve: A 10, B 30, C 300.
EXPECTED = {
    "total": figures(6, 3, 3.0, 30.0, 0.6667, 4.0, 1),
    "pekerjaan-umum": figures(5, 3, 3.0, 30.0, 0.6667, 4.0, 1),
    "kesehatan": figures(1, 0, None, None, None, None, 0),
    "area 99.01.01": figures(2, 2, 2.0, 20.0, 1.0, 5.0, 0),
    "area 99.01.01.2001": figures(1, 1, 1.0, 10.0, 1.0, 5.0, 0),
    "weeks": [{"week_start": "2026-03-02", "received": 5, "resolved": 3},
              {"week_start": "2026-03-09", "received": 1, "resolved": 0}],
}


def secret_text(name):
    return f"Isi rahasia kasus {name} zq{name}7 jangan tampil"


def secret_place(name):
    return f"Gang Rahasia {name} nomor 77"


def contact(name):
    return {"name": f"Pelapor Statistik {name}", "email": f"pelapor.{name.lower()}@contoh.test",
            "phone": f"+62811000{ord(name):04d}"}


def submit(hub, name, category, confidential):
    body = {"category": category, "description": secret_text(name), "location": secret_place(name),
            # A kilometre apart, so that intake links none of them to another as a duplicate.
            "lat": -6.40 - 0.01 * (ord(name) - ord("A")), "lon": 106.7234, "anonymous": False, "confidential": confidential, "contact": contact(name)}
    request = urllib.request.Request(hub.url + "/api/v1/complaints", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["tracking_code"]


def events(status, verified, resolved):
    """The timeline after `dispatched` that ends in `status`: (kind, hours, from, to)."""
    steps = []
    last = "dispatched"
    if verified is not None:
        steps.append(("verified", verified, last, "verified"))
        last = "verified"
    if status == "rejected":
        steps.append(("rejected", verified + 1, last, "rejected"))
    elif status == "duplicate":
        steps.append(("marked_duplicate", 1, last, "duplicate"))
    elif status in ("in_progress", "resolved", "closed"):
        steps.append(("claimed", verified + 0.5, last, "in_progress"))
        if resolved is not None:
            steps.append(("resolved", resolved, "in_progress", "resolved"))
        if status == "closed":
            steps.append(("closed", resolved + 1, "resolved", "closed"))
    return steps


def load(hub):
    """Submits and rewrites every case of CASES; returns {name: tracking code}."""
    regency.load(hub)
    codes = {name: submit(hub, name, case[0], case[2]) for name, case in CASES.items()}
    listed = ", ".join(f"'{code}'" for code in codes.values())
    pyhub.wait_until(lambda: hub.sql(f"select count(*) from complaints where tracking_code in ({listed}) and status = 'dispatched'"),
                     lambda count: count == str(len(codes)), "the modules taking the known cases in")
    for name, (category, kelurahan, confidential, received, verified, resolved, status, rating) in CASES.items():
        at = lambda hours: f"'{BASE}'::timestamptz + interval '{hours * 3600} seconds'"  # noqa: E731
        kecamatan = ".".join(kelurahan.split(".")[:3]) if kelurahan else None
        case = f"(select id from complaints where tracking_code = '{codes[name]}')"
        statements = [
            f"update complaint_events set at = {at(received)} where complaint_id = {case}",
            f"update complaints set created_at = {at(received)}, status = '{status}', "
            f"citizen_rating = {rating if rating else 'null'}, "
            f"kecamatan_code = {repr(kecamatan) if kecamatan else 'null'}, kelurahan_code = {repr(kelurahan) if kelurahan else 'null'} "
            f"where id = {case}",
        ]
        for kind, hours, before, after in events(status, verified, resolved):
            statements.append(f"insert into complaint_events (complaint_id, kind, at, actor_role, public, from_status, to_status) "
                              f"values ({case}, '{kind}', {at(received + hours)}, 'staff', true, '{before}', '{after}')")
        hub.sql("begin; " + "; ".join(statements) + "; commit")
    hub.hubctl("stats", "refresh")
    return codes


def get(hub, path):
    """(status, content type, body text) of a GET through the gateway."""
    try:
        with urllib.request.urlopen(hub.url + path, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()




def sql_as(hub, role, statement):
    """`statement` run by psql as database role `role`; raises pyhub.HubError with psql's message."""
    import subprocess
    psql = hub.pg_bin / "psql" if (hub.pg_bin / "psql").exists() else "psql"
    result = subprocess.run([str(psql), "-h", "127.0.0.1", "-p", str(hub.db_port), "-U", role, "-d", "hub", "-v", "ON_ERROR_STOP=1",
                             "-At", "-c", statement], capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise pyhub.HubError(result.stderr)
    return result.stdout.strip()

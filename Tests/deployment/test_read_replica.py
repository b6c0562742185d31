"""Lag-tolerant reads on a real streaming standby (HUB_DATABASE_READ_URL), with read-your-writes,
end to end: the hub's primary, a standby made with `pg_basebackup -R` and the real executables, the
gateway and intake reading public views, lists and statistics from the standby.

The standby's replay is paused, so it shows nothing new: a complaint submitted through the form is
then on the primary only. The citizen following the 303 with the cookie intake set sees it (read from
the primary); the open data read without that cookie does not show it yet (read from the standby),
while a lookup of that one case is asked of the primary once more when the standby lacks it; a second
gateway that tolerates only 200 ms of lag reads it from the primary once the standby is that far
behind; when replay resumes it appears everywhere. Then the standby stops: every public page still
answers, from the primary, and the gateway says so once in its log.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/deployment/test_read_replica.py
"""

import re
import sys
from pathlib import Path

import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pyhub  # noqa: E402

METRICS_TOKEN = "baca-replika-metrik-2026"
COOKIE = "hub_written"   # HUB_COOKIE_SECURE=0 in the tests: no __Host- prefix
PUBLIC_PAGES = ["/laporan", "/peta", "/statistik", "/api/v1/stats", "/api/v1/reports.csv", "/api/v1/reports/nearby?lat=-6.6&lon=106.8",
                "/open311/v2/requests.json", "/open311/v2/services.json"]


@pytest.fixture(scope="module")
def hub():
    bin_dir = pyhub.built_executables()
    standby = pyhub.Standby(pyhub.free_port())
    strict = pyhub.Service("gateway-strict", "gateway", {"HUB_DATABASE_READ_MAX_LAG_MS": "200"})
    try:
        with pyhub.Hub(bin_dir, prefix="hub-replica-", setup=standby.start, extra_services=[strict],
                       extra_env={"HUB_DATABASE_READ_URL": f"postgresql://{{role}}@127.0.0.1:{standby.port}/hub",
                                  # A paused standby stays the default gateway's read server for the whole test.
                                  "HUB_DATABASE_READ_MAX_LAG_MS": "60000", "HUB_METRICS_TOKEN": METRICS_TOKEN}) as running:
            running.standby = standby
            yield running
            standby.stop()
    finally:
        standby.stop()


def get(url, path, cookies=None):
    return requests.get(url + path, cookies=cookies, timeout=30, allow_redirects=False)


def reads_from_replica(hub, service):
    """How many lag-tolerant reads the service served from the replica, by its /metrics."""
    headers = {"Authorization": f"Bearer {METRICS_TOKEN}"}
    text = requests.get(hub.url_of(service) + "/metrics", headers=headers, timeout=10).text
    found = re.search(r'^hub_db_reads_total\{server="replica"\} (\d+)', text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def open311_ids(url, cookies=None):
    answer = get(url, "/open311/v2/requests.json", cookies)
    assert answer.status_code == 200, answer.text[:300]
    return {item["service_request_id"] for item in answer.json()}


def position(text):
    high, low = text.split("/")
    return int(high, 16) << 32 | int(low, 16)


def whole_log(hub, name):
    return (hub.tmp / f"{name}.log").read_text(errors="replace")


def test_a_citizen_reads_their_own_complaint_at_once_while_the_public_reads_the_standby(hub):
    # Every reader has found the standby caught up and reads from it.
    for reader, url, path in [("gateway", hub.url, "/laporan"), ("gateway-strict", hub.url_of("gateway-strict"), "/laporan"),
                              ("intake", hub.url, "/open311/v2/requests.json")]:
        pyhub.wait_until(lambda: (get(url, path).status_code, reads_from_replica(hub, reader)),
                         lambda seen: seen[0] == 200 and seen[1] > 0, f"{reader} reading {path} from the standby")
    earlier = requests.post(hub.url + "/api/v1/complaints", json={"category": "kesehatan", "description": "Antrean puskesmas terlalu lama"},
                            timeout=30).json()["tracking_code"]
    hub.standby.wait_caught_up()
    hub.standby.pause()

    citizen = requests.Session()
    sent = citizen.post(hub.url + "/complaints", data={"category": "pekerjaan-umum", "description": "Lampu jalan mati di gang tiga"},
                        timeout=30, allow_redirects=False)
    assert sent.status_code == 303, sent.text
    location = sent.headers["Location"]
    code = re.match(r"/track/([0-9A-Z]+)\?new=1$", location).group(1)
    written = citizen.cookies.get(COOKIE)
    assert re.fullmatch(r"[0-9A-F]+/[0-9A-F]+", written or ""), sent.headers.get("Set-Cookie")
    assert "HttpOnly" in sent.headers["Set-Cookie"] and "SameSite=Strict" in sent.headers["Set-Cookie"]

    # The citizen, following the 303 with their cookie: the confirmation page, from the primary.
    page = citizen.get(hub.url + location, timeout=30, allow_redirects=False)
    assert page.status_code == 200, page.text[:300]
    assert code in page.text
    assert citizen.get(hub.url + f"/api/v1/complaints/{code}", timeout=30).status_code == 200

    # Anyone else reads the paused standby, which has not replayed it: the open data does not have it…
    assert "Lampu jalan mati di gang tiga" not in get(hub.url, "/api/v1/reports.csv").text
    # …and a lookup of one case the standby lacks is asked of the primary once more (an API client that
    # follows its Location keeps no cookie), so it is found all the same.
    assert get(hub.url, f"/track/{code}").status_code == 200
    assert get(hub.url, f"/api/v1/complaints/{code}").status_code == 200

    # The same for a JSON client that keeps cookies; and a reply tells where it reached, further on.
    api = requests.Session()
    created = api.post(hub.url + "/api/v1/complaints", json={"category": "sosial", "description": "Lansia terlantar di pos ronda"}, timeout=30)
    assert created.status_code == 201, created.text
    json_code = created.json()["tracking_code"]
    assert api.get(hub.url + f"/api/v1/complaints/{json_code}", timeout=30).status_code == 200
    assert get(hub.url, f"/api/v1/complaints/{json_code}").status_code == 200, "looked up again on the primary"
    replied = citizen.post(hub.url + f"/track/{earlier}/replies", data={"text": "Antrean hari ini lebih dari tiga jam"},
                           timeout=30, allow_redirects=False)
    assert replied.status_code == 303, replied.text[:300]
    assert position(citizen.cookies.get(COOKIE)) > position(written)

    # Open311 through the gateway, read by intake: the same for a request an Open311 client posted.
    client = requests.Session()
    posted = client.post(hub.url + "/open311/v2/requests.json", timeout=30,
                         data={"service_code": "pekerjaan-umum", "description": "Jembatan kayu retak di dusun dua",
                               "lat": "-6.6", "long": "106.8"})
    assert posted.status_code == 201, posted.text
    request_id = posted.json()[0]["service_request_id"]
    assert client.get(hub.url + f"/open311/v2/requests/{request_id}.json", timeout=30).status_code == 200
    assert get(hub.url, f"/open311/v2/requests/{request_id}.json").status_code == 200, "looked up again on the primary"
    assert request_id not in open311_ids(hub.url)
    assert request_id in open311_ids(hub.url, client.cookies)

    # A gateway that tolerates 200 ms of lag gives up on the paused standby and reads the primary.
    pyhub.wait_until(lambda: whole_log(hub, "gateway-strict"), lambda log: "behind the primary" in log,
                     "the strict gateway reading from the primary")
    pyhub.wait_until(lambda: get(hub.url_of("gateway-strict"), "/api/v1/reports.csv").text,
                     lambda text: "Lampu jalan mati di gang tiga" in text, "the open data from the primary on the strict gateway")
    before = reads_from_replica(hub, "gateway")
    assert "Lampu jalan mati di gang tiga" not in get(hub.url, "/api/v1/reports.csv").text
    assert reads_from_replica(hub, "gateway") > before, "the tolerant gateway still reads the standby"

    hub.standby.resume()
    pyhub.wait_until(lambda: get(hub.url, "/api/v1/reports.csv").text, lambda text: "Lampu jalan mati di gang tiga" in text,
                     "the complaint on the standby")
    pyhub.wait_until(lambda: open311_ids(hub.url), lambda listed: request_id in listed, "the Open311 request in the list from the standby")
    pyhub.wait_until(lambda: whole_log(hub, "gateway-strict"), lambda log: "go to the read replica" in log.rsplit("behind the primary", 1)[-1],
                     "the strict gateway back on the standby")
    hub.code = code


def test_public_pages_answer_from_the_primary_while_the_standby_is_away(hub):
    hub.standby.stop()
    for path in PUBLIC_PAGES + [f"/track/{hub.code}", f"/api/v1/complaints/{hub.code}"]:
        answer = get(hub.url, path)
        assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text[:200]}"
    for _ in range(3):
        assert get(hub.url, "/api/v1/stats").status_code == 200
    assert get(hub.url, "/readyz").status_code == 200, "a replica away does not make the gateway unready"
    told = whole_log(hub, "gateway")
    assert told.count("the read replica is away") == 1, told[-3000:]

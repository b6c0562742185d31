"""The command centre hears of each new hazard (issue 17, Pena Berkarib's link to 112): a report of a
hazard subcategory reaches HUB_HAZARD_WEBHOOK_URL, a real HTTP server started here, as one GeoJSON
Feature with its place and area and never the reporter or the tracking code; a report of another
subcategory and a repeat of an open hazard send nothing; a command centre that is down gets the
report again after the queue's backoff, under the same delivery id.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/notifications/test_hazard_webhook.py
"""

import os
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import pyhub  # noqa: E402
from relays import CommandCentre  # noqa: E402

SECRET = "rahasia-pusat-komando"


@pytest.fixture(scope="module")
def centre():
    running = CommandCentre(pyhub.free_port(), SECRET).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def hub(centre):
    env = {"HUB_HAZARD_WEBHOOK_URL": centre.url, "HUB_HAZARD_WEBHOOK_SECRET": SECRET,
           "HUB_PUBLIC_URL": "https://lapor.kabupatencontoh.go.id", "HUB_QUEUE_LEASE_SECONDS": "5"}
    with pyhub.Hub(pyhub.resolve_bin_dir(os.environ.get("HUB_BIN_DIR") or ".build/debug"), prefix="hub-hazard-",
                   extra_env=env) as running:
        running.http = requests.Session()
        yield running


def submit(hub, subcategory, description, lat, lon, confidential=False, category="pekerjaan-umum"):
    response = hub.http.post(hub.url + "/api/v1/complaints", timeout=30, json={
        "category": category, "subcategory": subcategory, "description": description, "location": "Jl. Raya Cibodas",
        "lat": lat, "lon": lon, "anonymous": False, "confidential": confidential,
        "contact": {"name": "Siti Pelapor", "email": "siti.pelapor@example.org", "phone": "+6281299990001"}})
    assert response.status_code == 201, response.text
    return response.json()["tracking_code"]


def settle(read, count, what):
    got = pyhub.wait_until(read, lambda items: len(items) >= count, what)
    time.sleep(1.5)
    return read()


def test_a_hazard_reaches_the_command_centre_once_as_geojson_without_the_reporter(hub, centre):
    plain = submit(hub, "jalan", "Jalan berlubang di depan pasar", -6.551, 106.821)
    code = submit(hub, "pohon-tumbang", "Pohon tumbang menutup jalan desa", -6.552, 106.822)
    reports = settle(lambda: centre.about("Pohon tumbang menutup jalan desa"), 1, "the fallen tree at the command centre")
    assert len(reports) == 1
    report = reports[0]
    assert report["content_type"] == "application/geo+json"
    feature = report["feature"]
    assert feature["type"] == "Feature" and feature["geometry"] == {"type": "Point", "coordinates": [106.822, -6.552]}
    properties = feature["properties"]
    assert properties["subcategory"]["code"] == "pohon-tumbang" and properties["category"]["code"] == "pekerjaan-umum"
    assert properties["status"] in ("received", "dispatched") and properties["location"] == "Jl. Raya Cibodas"
    assert report["delivery"] == f"hazard-{feature['id']}" and properties["id"] == feature["id"]
    assert properties["url"] == f"https://lapor.kabupatencontoh.go.id/laporan/{feature['id']}"
    for secret in ("Siti Pelapor", "siti.pelapor@example.org", "+6281299990001", code, plain):
        assert secret not in report["body"]
    assert centre.about("Jalan berlubang") == [], "a pothole is not a hazard"


def test_a_confidential_hazard_gives_its_place_but_not_its_words(hub, centre):
    before = len(centre.reports)
    submit(hub, "drainase", "Banjir setinggi lutut di gang rumah kami", -6.58, 106.86, confidential=True)
    reports = settle(lambda: centre.reports[before:], 1, "the confidential flood at the command centre")
    assert len(reports) == 1
    properties = reports[0]["feature"]["properties"]
    assert properties["confidential"] is True and properties["description"] is None and properties["location"] is None
    assert properties["url"] is None and reports[0]["feature"]["geometry"]["coordinates"] == [106.86, -6.58]
    assert "Banjir setinggi lutut" not in reports[0]["body"]


def test_a_repeat_of_an_open_hazard_is_linked_and_not_sent_again(hub, centre):
    first = submit(hub, "pju", "Lampu PJU padam di tikungan tajam", -6.5301, 106.7801)
    settle(lambda: centre.about("Lampu PJU padam di tikungan tajam"), 1, "the first report of the dark street light")
    again = submit(hub, "pju", "Lampu PJU padam lagi di tikungan tajam", -6.5301, 106.7801)
    pyhub.wait_until(lambda: hub.http.get(hub.url + "/api/v1/complaints/" + again, timeout=30).json()["status"],
                     lambda status: status == "duplicate", "the repeat linked to the first")
    time.sleep(2)
    assert centre.about("Lampu PJU padam lagi") == [] and len(centre.about("Lampu PJU padam di tikungan tajam")) == 1
    assert first != again


def test_a_command_centre_that_is_down_gets_the_report_again_under_the_same_delivery_id(hub, centre):
    centre.fail(2)
    submit(hub, "bencana", "Tanah longsor menimbun rumah warga", -6.57, 106.74, category="trantibum")
    reports = settle(lambda: centre.about("Tanah longsor menimbun rumah warga"), 1, "the landslide once the command centre is back")
    assert len(reports) == 1
    with centre.lock:
        failed = [r["delivery"] for r in centre.failed]
    assert failed == [reports[0]["delivery"]] * 2, "the same report, tried again"

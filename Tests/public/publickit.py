"""What the public-report suites share: one hub on the made-up regency with a known set of reports
(a module of its own, not a conftest, so that the browser suite's `from conftest import` never meets
it in one pytest session).

Reports (each with the reporter's contact): public ones in Sukamaju (a road, with a point), Mekarsari
(a school, no point) and Cibodas (a flood, a hazard, with a point); confidential ones in Sukamaju
and Pasirjaya with a distinctive text, place and point. Every report is placed in its desa by code.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/public
"""

import sys
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
import pyhub  # noqa: E402
from pyhub import regency  # noqa: E402

CONTACTS = [
    {"name": "Wiryawan Sastrodiharjo", "email": "wiryawan.publik.7731@example.org", "phone": "+62 812-7731-4409"},
    {"name": "Kusumaningrum Hadiwijaya", "email": "kusuma.rahasia.5508@example.org", "phone": "0857 5508 2216"},
]
# The confidential reports' distinctive words, places and points: none may appear on a public page.
SECRET_TEXTS = ["Bendahara kelurahan menahan bantuan sembako Zamrud-4471", "Pungutan liar di gudang Safir-8823"]
SECRET_PLACES = ["Gang Kenari Rahasia nomor 17B", "Gudang bekas pabrik tapioka Cempaka-99"]
SECRET_POINTS = [(-6.571337, 106.713377), (-6.543219, 106.884731)]

REPORTS = [
    # name, desa, body
    ("road", regency.SUKAMAJU, {"category": "pekerjaan-umum", "description": "Jalan berlubang di depan pasar Sukamaju",
                                "location": "Pasar Sukamaju", "lat": -6.55, "lon": 106.72}),
    ("school", regency.MEKARSARI, {"category": "pendidikan", "description": "Atap kelas SD Mekarsari bocor"}),
    ("flood", regency.CIBODAS, {"category": "pekerjaan-umum", "subcategory": "drainase", "description": "Banjir setinggi lutut di Cibodas",
                                "lat": -6.55, "lon": 106.82}),
    ("secret1", regency.SUKAMAJU, {"category": "sosial", "description": SECRET_TEXTS[0], "location": SECRET_PLACES[0],
                                   "lat": SECRET_POINTS[0][0], "lon": SECRET_POINTS[0][1]}),
    ("secret2", regency.PASIRJAYA, {"category": "pekerjaan-umum", "subcategory": "drainase", "description": SECRET_TEXTS[1],
                                    "location": SECRET_PLACES[1], "lat": SECRET_POINTS[1][0], "lon": SECRET_POINTS[1][1]}),
]


class Reports:
    """The hub and its reports: tracking codes and public request ids by name."""

    def __init__(self, hub):
        self.hub = hub
        self.base = hub.url
        self.http = requests.Session()
        self.codes, self.ids = {}, {}

    def get(self, path, **kwargs):
        return self.http.get(self.base + path, timeout=30, allow_redirects=False, **kwargs)

    def submit_all(self):
        for index, (name, desa, body) in enumerate(REPORTS):
            confidential = name.startswith("secret")
            contact = CONTACTS[index % len(CONTACTS)]
            answer = self.http.post(self.base + "/api/v1/complaints", timeout=30, json=dict(
                body, confidential=confidential, anonymous=index % 2 == 0, contact=contact))
            assert answer.status_code == 201, answer.text
            code = answer.json()["tracking_code"]
            pyhub.wait_until(lambda: self.get(f"/api/v1/complaints/{code}").json(),
                             lambda view: view["status"] != "received", f"{name} dispatched")
            regency.place(self.hub, code, desa)
            self.codes[name], self.ids[name] = code, regency.request_id(self.hub, code)

    @property
    def listed(self):
        return [name for name in self.ids if not name.startswith("secret")]


@pytest.fixture(scope="module")
def reports():
    with regency.started_hub("hub-public-") as hub:
        running = Reports(hub)
        running.submit_all()
        # The statistics count every report now, so their page and exports are searched with them in.
        hub.hubctl("stats", "refresh")
        yield running

"""The privacy search of issue 17: every public page, export and feed is fetched and searched for
every reporter's contact, for the text, place and point of every confidential report, and (outside
a report's own tracking pages) for any tracking code. None may appear.

To search more public paths (the statistics pages and exports, say), add their templates to
PUBLIC_URLS. A template may name `{kecamatan}` and `{desa}` (each of the regency's areas), `{id}`
(the public request id of every report, the confidential ones too) and `{code}` (every tracking code,
searched there for everything but that one code).
"""

import re

from publickit import CONTACTS, SECRET_PLACES, SECRET_POINTS, SECRET_TEXTS, reports  # noqa: F401 (reports: the fixture)
from pyhub import regency

PUBLIC_URLS = [
    # The browsing pages, the map and each report's public page (issue 17).
    "/laporan", "/laporan?lang=en", "/laporan?area={kecamatan}", "/laporan?area={desa}", "/laporan?category=sosial",
    "/laporan?category=pekerjaan-umum&status=dispatched", "/laporan?limit=1", "/laporan/{id}", "/laporan/{id}?lang=en",
    "/peta", "/peta?lang=en", "/peta?category=pekerjaan-umum", "/peta?category=sosial",
    # Open data and feeds.
    "/api/v1/reports.geojson", "/api/v1/reports.geojson?area={desa}", "/api/v1/reports.csv",
    "/api/v1/reports.csv?category=sosial", "/feeds/{kecamatan}.atom", "/feeds/{desa}.atom",
    # Open311 lists and single requests, with and without a box around the regency.
    "/open311/v2/requests.json", "/open311/v2/requests.xml", "/open311/v2/requests.json?bbox=106.6,-6.7,107.0,-6.4",
    "/open311/v2/requests/{id}.json", "/open311/v2/requests/{id}.xml", "/open311/v2/services.json",
    # The statistics (their page, JSON and CSV, by area and category) and the reports near each point.
    "/statistik", "/statistik?lang=en", "/statistik?area={kecamatan}", "/statistik?area={desa}", "/api/v1/stats",
    "/api/v1/stats?area={desa}", "/api/v1/stats?category=pekerjaan-umum", "/api/v1/stats.csv", "/api/v1/stats.csv?area={kecamatan}",
    "/api/v1/reports/nearby?lat=-6.55&lon=106.72", "/api/v1/reports/nearby?lat=-6.55&lon=106.82",
    "/api/v1/reports/nearby?lat=-6.55&lon=106.88", "/api/v1/reports/nearby?lat=-6.571337&lon=106.713377",
    "/api/v1/reports/nearby?lat=-6.543219&lon=106.884731",
    # The form (with its map and the area names) and the category list.
    "/", "/?lang=en", "/api/v1/categories",
    # A case's own tracking view (its code is the key there, nothing else may show).
    "/track/{code}", "/track/{code}?lang=en", "/api/v1/complaints/{code}",
]

AREAS = {"kecamatan": [regency.SUKAMAJU_KECAMATAN, regency.TANJUNGSARI_KECAMATAN],
         "desa": [regency.SUKAMAJU, regency.MEKARSARI, regency.CIBODAS, regency.PASIRJAYA]}


def digits(text):
    return "".join(ch for ch in text if ch.isdigit())


def secrets():
    """What no public answer may contain: contacts (as written and as digits), confidential texts,
    places, and points (each coordinate's distinctive decimals)."""
    found = []
    for contact in CONTACTS:
        found += [contact["name"], contact["email"], contact["phone"], digits(contact["phone"]),
                  contact["email"].split("@")[0]]
    found += SECRET_TEXTS + SECRET_PLACES
    for text in SECRET_TEXTS + SECRET_PLACES:
        found += [word for word in text.split() if re.search(r"\d", word)]  # Zamrud-4471, 17B, Cempaka-99 …
    for lat, lon in SECRET_POINTS:
        found += [f"{abs(lat):.6f}", f"{abs(lat):.5f}", f"{abs(lon):.6f}", f"{abs(lon):.5f}"]
    return sorted(set(found))


def expand(template, reports):
    """Every URL a template stands for, with the tracking code it belongs to (or None)."""
    names = re.findall(r"{(\w+)}", template)
    if not names:
        return [(template, None)]
    name = names[0]
    if name in AREAS:
        return [(template.replace("{" + name + "}", area), None) for area in AREAS[name]]
    if name == "id":
        return [(template.replace("{id}", str(value)), None) for value in reports.ids.values()]
    assert name == "code", template
    return [(template.replace("{code}", code), code) for code in reports.codes.values()]


def test_no_public_answer_carries_a_contact_a_confidential_text_place_or_point_or_a_tracking_code(reports):
    searched = 0
    problems = []
    forbidden = secrets()
    for template in PUBLIC_URLS:
        for url, own_code in expand(template, reports):
            answer = reports.get(url)
            assert answer.status_code < 500, f"{url}: {answer.status_code}"
            # The body as sent, and with XML/HTML/JSON escapes undone, so no escape hides a match.
            body = answer.text
            readable = body.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'").replace("\\/", "/")
            # X-Request-Id is random per answer (hex, so "17b" may turn up by chance): never derived from data.
            headers = "\n".join(f"{key}: {value}" for key, value in answer.headers.items() if key.lower() != "x-request-id")
            for text in (body, readable, headers):
                for secret in forbidden:
                    if secret.lower() in text.lower():
                        problems.append(f"{url} ({answer.status_code}) carries {secret!r}")
                for code in reports.codes.values():
                    if code != own_code and code in text:
                        problems.append(f"{url} carries the tracking code {code}")
            searched += 1
    assert not problems, "\n".join(sorted(set(problems)))
    assert searched >= 60, searched


def test_the_search_would_find_them(reports):
    """The search is not vacuous: the staff side does hold the contact and the confidential text."""
    assert SECRET_TEXTS[0] in reports.hub.sql(f"select description from complaints where id = {reports.ids['secret1']}")
    listed = reports.get(f"/laporan/{reports.ids['road']}").text
    assert "Jalan berlubang di depan pasar Sukamaju" in listed, "a public report's own text does show"

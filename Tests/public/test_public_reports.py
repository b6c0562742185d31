"""The public reports end to end through the gateway with the real executables (issue 17): the list
by area, category and status with its confidential count and keyset pages, each report's page, the
map, the exports, the feeds, and Open311's bounding box."""

import re
import xml.etree.ElementTree as ET

from publickit import reports  # noqa: F401 (the fixture)
from pyhub import regency

ATOM = "{http://www.w3.org/2005/Atom}"


def listed_ids(html):
    return [int(value) for value in re.findall(r'<li class="report" data-id="(\d+)"', html)]


def unlisted(html):
    return int(re.search(r'<p id="unlisted" data-count="(\d+)"', html).group(1))


def test_the_list_filters_by_area_category_and_status_and_counts_the_confidential(reports):
    ids = reports.ids
    everything = reports.get("/laporan")
    assert everything.status_code == 200 and "<script" not in everything.text
    assert listed_ids(everything.text) == [ids["flood"], ids["school"], ids["road"]]
    assert unlisted(everything.text) == 2
    sukamaju = reports.get(f"/laporan?area={regency.SUKAMAJU_KECAMATAN}").text
    assert listed_ids(sukamaju) == [ids["school"], ids["road"]], "a kecamatan covers its desa"
    assert unlisted(sukamaju) == 1 and "1</strong> laporan rahasia di wilayah ini" in sukamaju
    assert listed_ids(reports.get(f"/laporan?area={regency.PASIRJAYA}").text) == []
    assert unlisted(reports.get(f"/laporan?area={regency.PASIRJAYA}").text) == 1
    assert listed_ids(reports.get("/laporan?category=pekerjaan-umum").text) == [ids["flood"], ids["road"]]
    assert listed_ids(reports.get("/laporan?status=closed").text) == []
    english = reports.get("/laporan?lang=en").text
    assert '<html lang="en">' in english and "confidential reports" in english
    assert reports.get("/laporan?area=99.01").status_code == 400
    assert reports.get("/laporan?area=99.01.09").status_code == 404
    assert reports.get("/laporan?status=lenyap").status_code == 400


def test_the_list_pages_newest_first_by_following_its_next_link(reports):
    seen, path = [], "/laporan?limit=1"
    while path:
        html = reports.get(path).text
        seen += listed_ids(html)
        found = re.search(r'<a id="next-page" rel="next" href="([^"]+)"', html)
        path = found.group(1).replace("&amp;", "&") if found else None
    assert seen == [reports.ids[name] for name in ("flood", "school", "road")]


def test_each_public_report_has_its_own_page_and_a_confidential_one_none(reports):
    page = reports.get(f"/laporan/{reports.ids['flood']}")
    assert page.status_code == 200
    assert "Banjir setinggi lutut di Cibodas" in page.text and "Bahaya" in page.text
    assert f'href="/laporan?area={regency.CIBODAS}"' in page.text and "Pengaduan diterima" in page.text
    assert reports.get(f"/laporan/{reports.ids['secret1']}").status_code == 404
    assert reports.get("/laporan/99999999").status_code == 404
    assert reports.get("/laporan/abc").status_code == 404


def test_the_map_draws_areas_hotspots_points_and_hazards_with_the_same_numbers_in_a_table(reports):
    html = reports.get("/peta").text
    svg = re.search(r"<svg id=\"peta\".*?</svg>", html, re.S).group(0)
    for desa in (regency.SUKAMAJU, regency.MEKARSARI, regency.CIBODAS, regency.PASIRJAYA):
        assert f'<a href="/laporan?area={desa}"' in svg and f'data-code="{desa}"' in svg
    assert len(re.findall(r"<circle ", svg)) == 1 and len(re.findall(r'class="hazard"', svg)) == 1, \
        "the road as a dot, the flood as a hazard; the confidential reports are not points"
    assert "<script" not in html and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    rows = dict(((area, category), (int(count), hazard)) for area, category, count, hazard in re.findall(
        r'<tr data-area="([^"]+)" data-category="([^"]+)">.*?<td class="n">(\d+)</td><td class="n">(.*?)</td></tr>', html))
    assert rows[(regency.SUKAMAJU, "pekerjaan-umum")][0] == 1
    assert rows[(regency.SUKAMAJU, "sosial")][0] == 1, "the confidential report is counted"
    assert rows[(regency.PASIRJAYA, "pekerjaan-umum")] == (1, '<span class="hazard-flag">⚠ 1</span>')
    assert rows[(regency.CIBODAS, "pekerjaan-umum")][1].endswith("⚠ 1</span>")
    only_social = reports.get("/peta?category=sosial").text
    assert 'data-category="pekerjaan-umum"' not in only_social, re.findall(r'<tr data-area.*?</tr>', only_social)
    assert "<circle " not in re.search(r'<svg id="peta".*?</svg>', only_social, re.S).group(0)
    assert reports.get("/peta?category=tidak-ada").status_code == 400


def test_the_exports_carry_listed_reports_only_a_page_at_a_time(reports):
    ids = reports.ids
    collection = reports.get("/api/v1/reports.geojson")
    assert collection.headers["Content-Type"] == "application/geo+json"
    features = collection.json()["features"]
    assert [feature["id"] for feature in features] == [ids["flood"], ids["school"], ids["road"]]
    road = features[2]
    assert road["geometry"] == {"type": "Point", "coordinates": [106.72, -6.55]}
    assert road["properties"]["kelurahan_code"] == regency.SUKAMAJU and features[1]["geometry"] is None
    assert "Link" not in collection.headers and collection.json()["links"] == []
    first = reports.get("/api/v1/reports.csv?limit=2")
    lines = first.text.split("\r\n")
    assert lines[0].startswith("id,category,subcategory,hazard,status,kecamatan_code,kelurahan_code")
    assert [line.split(",")[0] for line in lines[1:3]] == [str(ids["flood"]), str(ids["school"])]
    following = re.match(r"<([^>]+)>; rel=\"next\"", first.headers["Link"]).group(1)
    rest = reports.http.get(reports.base + following[following.index("/api/"):], timeout=30)
    assert [line.split(",")[0] for line in rest.text.split("\r\n")[1:] if line] == [str(ids["road"])]
    assert "Link" not in rest.headers
    assert reports.get(f"/api/v1/reports.geojson?area={regency.CIBODAS}").json()["features"][0]["properties"]["hazard"] is True
    assert reports.get("/api/v1/reports.csv?limit=0").json()["error"]["code"] == "invalid_limit"


def test_an_areas_feed_is_atom_with_its_reports_and_unknown_areas_are_404(reports):
    feed = reports.get(f"/feeds/{regency.SUKAMAJU_KECAMATAN}.atom")
    assert feed.headers["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}id").text.rsplit("/", 1)[1] for entry in entries] == [str(reports.ids["school"]), str(reports.ids["road"])]
    assert entries[1].find(f"{ATOM}link").get("href").endswith(f"/laporan/{reports.ids['road']}")
    again = ET.fromstring(reports.get(f"/feeds/{regency.SUKAMAJU_KECAMATAN}.atom").content)
    assert [entry.find(f"{ATOM}id").text for entry in again.findall(f"{ATOM}entry")] == \
        [entry.find(f"{ATOM}id").text for entry in entries], "ids are stable"
    assert reports.get("/feeds/99.01.09.atom").status_code == 404
    assert reports.get("/feeds/sukamaju.atom").status_code == 404


def test_open311_lists_requests_within_a_bounding_box_and_refuses_a_malformed_one(reports):
    inside = reports.get("/open311/v2/requests.json?bbox=106.70,-6.60,106.80,-6.50")
    assert [int(item["service_request_id"]) for item in inside.json()] == [reports.ids["road"]], \
        "Sukamaju's public report; the confidential one there has no point to match"
    both = reports.get("/open311/v2/requests.json?bbox=106.7,-6.6,106.9,-6.5&service_code=pekerjaan-umum")
    assert [int(item["service_request_id"]) for item in both.json()] == [reports.ids["flood"], reports.ids["road"]]
    for box in ("106.7,-6.6,106.9", "a,b,c,d", "106.9,-6.6,106.7,-6.5"):
        refused = reports.get(f"/open311/v2/requests.json?bbox={box}")
        assert refused.status_code == 400 and refused.json()[0]["code"] == 400 and "bbox" in refused.json()[0]["description"]
    xml = reports.get("/open311/v2/requests.xml?bbox=1,2,3")
    assert xml.status_code == 400 and b"<errors>" in xml.content

"""The public statistics end to end (issue 17): a known set of cases with known times (known_cases.py)
gives known counts, medians, shares and ratings in GET /api/v1/stats, in GET /api/v1/stats.csv and on
/statistik, through the gateway and the real executables; bad filters are refused on the page and in
JSON in both languages; and no page or export shows a reporter's contact or a confidential case's text
or place.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/statistics
"""

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pyhub  # noqa: E402
from known_cases import CASES, EXPECTED, PERIOD, contact, get, load, secret_place, secret_text, sql_as  # noqa: E402

FIGURES = ["received", "resolved", "median_hours_to_verify", "median_hours_to_resolve", "within_deadline_share",
           "mean_rating", "confidential_count"]


@pytest.fixture(scope="module")
def hub():
    with pyhub.Hub(pyhub.built_executables(), prefix="hub-statistics-") as running:
        load(running)
        yield running


def stats(hub, query):
    status, kind, body = get(hub, "/api/v1/stats?" + query)
    assert status == 200, body
    assert kind.startswith("application/json")
    return json.loads(body)


def only(figures):
    return {name: figures[name] for name in FIGURES}


def row(rows, code):
    return next(item for item in rows if item["code"] == code)


def test_the_json_gives_the_known_figures(hub):
    answer = stats(hub, PERIOD)
    assert answer["period"] == {"from": "2026-03-02", "to": "2026-03-15"}
    assert answer["filters"] == {"area": None, "category": None}
    assert only(answer["total"]) == EXPECTED["total"]
    assert only(row(answer["categories"], "pekerjaan-umum")) == EXPECTED["pekerjaan-umum"]
    assert only(row(answer["categories"], "kesehatan")) == EXPECTED["kesehatan"]
    # Each category routes to one agency here, so the agencies' rows carry the same figures.
    assert only(row(answer["agencies"], "dpupr")) == EXPECTED["pekerjaan-umum"]
    assert only(row(answer["agencies"], "dinkes")) == EXPECTED["kesehatan"]
    assert row(answer["agencies"], "dpupr")["kind"] == "agency" and row(answer["categories"], "kesehatan")["kind"] == "category"
    assert answer["weeks"] == EXPECTED["weeks"]
    # Every category has a row, with zeros and nulls where nothing was received.
    quiet = row(answer["categories"], "pariwisata")
    assert quiet["received"] == 0 and quiet["median_hours_to_verify"] is None and quiet["mean_rating"] is None


def test_an_area_covers_its_desa_and_never_places_a_confidential_case(hub):
    kecamatan = stats(hub, PERIOD + "&area=99.01.01")
    assert kecamatan["filters"]["area"] == "99.01.01"
    assert only(kecamatan["total"]) == EXPECTED["area 99.01.01"]
    assert only(stats(hub, PERIOD + "&area=99.01.01.2001")["total"]) == EXPECTED["area 99.01.01.2001"]
    category = stats(hub, PERIOD + "&category=kesehatan")
    assert [item["code"] for item in category["categories"]] == ["kesehatan"]
    assert only(category["total"]) == EXPECTED["kesehatan"]


def test_the_geojson_gives_each_desa_its_boundary_and_the_figures_of_its_area(hub):
    status, kind, body = get(hub, "/api/v1/stats.geojson?" + PERIOD)
    assert status == 200 and kind.startswith("application/geo+json"), body
    areas = json.loads(body)
    features = {feature["id"]: feature for feature in areas["features"]}
    assert sorted(features) == ["99.01.01.1002", "99.01.01.2001", "99.01.02.2001", "99.01.02.2002"]
    assert features["99.01.02.2002"]["geometry"]["type"] == "MultiPolygon"
    assert len(features["99.01.02.2002"]["geometry"]["coordinates"]) == 2, "Pasirjaya with its island"
    assert features["99.01.01.2001"]["properties"]["kecamatan_code"] == "99.01.01"
    for code, feature in features.items():
        figures = {name: value for name, value in only(stats(hub, PERIOD + "&area=" + code)["total"]).items()
                   if name != "confidential_count"}
        assert {name: feature["properties"][name] for name in figures} == figures, code
    expected = {name: value for name, value in EXPECTED["area 99.01.01.2001"].items() if name != "confidential_count"}
    assert {name: features["99.01.01.2001"]["properties"][name] for name in expected} == expected
    within = json.loads(get(hub, "/api/v1/stats.geojson?" + PERIOD + "&area=99.01.01")[2])
    assert sorted(feature["id"] for feature in within["features"]) == ["99.01.01.1002", "99.01.01.2001"]
    for name in CASES:
        assert contact(name)["email"] not in body and secret_text(name) not in body


def test_the_csv_carries_the_same_rows(hub):
    status, kind, body = get(hub, "/api/v1/stats.csv?" + PERIOD)
    assert status == 200 and kind.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    answer = stats(hub, PERIOD)
    assert len(rows) == len(answer["agencies"]) + len(answer["categories"])
    by_key = {(item["kind"], item["code"]): item for item in rows}

    def typed(cell, name):
        if cell == "":
            return None
        return int(cell) if name in ("received", "resolved", "confidential_count") else float(cell)
    for item in answer["agencies"] + answer["categories"]:
        line = by_key[(item["kind"], item["code"])]
        assert {name: typed(line[name], name) for name in FIGURES} == only(item)
        assert (line["from"], line["to"], line["area"], line["category"]) == ("2026-03-02", "2026-03-15", "", "")


def page_figures(html, table, code):
    match = re.search(r'<table id="%s-table">.*?<tr data-code="%s">(.*?)</tr>' % (table, re.escape(code)), html, re.S)
    assert match, f"{table} {code} not on the page"
    return dict(re.findall(r'<td data-figure="([a-z_]+)">([^<]*)</td>', match.group(1)))


def test_the_page_shows_the_same_numbers_in_both_languages(hub):
    status, kind, html = get(hub, "/statistik?" + PERIOD)
    assert status == 200 and kind.startswith("text/html")
    assert '<html lang="id">' in html
    assert page_figures(html, "categories", "pekerjaan-umum") == {
        "received": "5", "resolved": "3", "median_hours_to_verify": "3", "median_hours_to_resolve": "30",
        "within_deadline_share": "66,67 %", "mean_rating": "4", "confidential_count": "1"}
    assert page_figures(html, "agencies", "dinkes")["median_hours_to_verify"] == "–"
    assert '<tr data-week="2026-03-02"><th scope="row">2026-03-02</th><td data-figure="received">5</td><td data-figure="resolved">3</td>' in html
    # Charts drawn on the server, each with a title, a description and its table beside it; no script.
    assert html.count("<svg") == 3 and html.count("<title id=") == 3 and html.count("<desc id=") == 3
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    status, _, english = get(hub, "/statistik?lang=en&" + PERIOD + "&area=99.01.01")
    assert status == 200 and '<html lang="en">' in english and "Complaint statistics" in english
    assert page_figures(english, "categories", "pekerjaan-umum")["within_deadline_share"] == "100 %"
    assert page_figures(english, "categories", "pekerjaan-umum")["median_hours_to_resolve"] == "20"


BAD_FILTERS = [
    ("from=2026-02-30", "invalid_date"),
    ("from=2026-03-15&to=2026-03-02", "invalid_period"),
    ("from=2025-01-01&to=2026-03-01", "period_too_long"),
    ("area=99.09.09", "invalid_area"),
    ("area=Sukamaju", "invalid_area"),
    ("category=sampah", "invalid_category"),
]


@pytest.mark.parametrize("query,code", BAD_FILTERS)
def test_bad_filters_are_refused_in_json_csv_and_on_the_page(hub, query, code):
    for path in ("/api/v1/stats?", "/api/v1/stats.csv?"):
        status, kind, body = get(hub, path + query)
        assert status == 400 and kind.startswith("application/json"), body
        error = json.loads(body)["error"]
        assert error["code"] == code and error["message_id"] and error["message_en"] and error["message_id"] != error["message_en"]
    status, kind, html = get(hub, "/statistik?" + query)
    assert status == 400 and kind.startswith("text/html")
    assert f'data-code="{code}"' in html and "data-figure" not in html
    status, _, english = get(hub, "/statistik?lang=en&" + query)
    assert status == 400 and json.loads(get(hub, "/api/v1/stats?" + query)[2])["error"]["message_en"].split(":")[0] in english


def test_no_page_or_export_shows_a_contact_or_a_confidential_case(hub):
    paths = ["/statistik?" + PERIOD, "/statistik?lang=en&" + PERIOD + "&area=99.01.01.2001", "/statistik",
             "/api/v1/stats?" + PERIOD, "/api/v1/stats?" + PERIOD + "&area=99.01.01", "/api/v1/stats.csv?" + PERIOD,
             "/api/v1/stats.csv?" + PERIOD + "&area=99.01.01.2001"]
    secrets = []
    for name, case in CASES.items():
        person = contact(name)
        secrets += [person["name"], person["email"], person["phone"], person["phone"].replace("+", "")]
        if case[2]:  # the confidential case's text and place
            secrets += [secret_text(name), secret_place(name), "zq%s7" % name, "Rahasia %s" % name]
    for path in paths:
        status, _, body = get(hub, path)
        assert status == 200, path
        for secret in secrets:
            assert secret not in body, f"{secret!r} on {path}"


def test_the_public_role_reads_the_rollup_and_nothing_personal(hub):
    assert hub.sql("select count(*) > 0 from complaint_stats_daily") == "t"
    for table in ("complaint_stat_facts", "complaint_stats_pending", "complaints", "complaint_reporters"):
        with pytest.raises(pyhub.HubError, match="permission denied"):
            sql_as(hub, "hub_gateway", f"select * from {table} limit 1")
    assert sql_as(hub, "hub_gateway", "select count(*) > 0 from complaint_stats_daily") == "t"


def test_intake_keeps_the_figures_current_by_itself(hub):
    """No hubctl: intake's own refresher (its database role, every 30 s at most) measures a new case."""
    from known_cases import submit
    before = stats(hub, "category=perizinan")["total"]["received"]
    submit(hub, "P", "perizinan", False)
    pyhub.wait_until(lambda: stats(hub, "category=perizinan")["total"]["received"], lambda received: received == before + 1,
                     "intake's refresher counting a new complaint")
    assert "statistics" not in "".join(line for line in hub.log("intake").splitlines() if '"level":"error"' in line)

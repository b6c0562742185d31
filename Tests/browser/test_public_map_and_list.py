"""The public map and list on a phone-sized screen (issue 17): the map is drawn by the hub (no script,
no tiles), fits the phone's width, and tapping an area opens its list; the list's filters work as a
plain form. Screenshots: artifacts/browser/public-map-phone.png, public-list-phone.png."""

import sys
from pathlib import Path

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PHONE, by_id, screenshot, wait_for

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pyhub  # noqa: E402
from pyhub import regency  # noqa: E402


@pytest.fixture(scope="module")
def hub():
    with regency.started_hub("hub-browser-public-") as running:
        for desa, body in [(regency.SUKAMAJU, {"category": "pekerjaan-umum", "description": "Jalan berlubang", "lat": -6.55, "lon": 106.72}),
                           (regency.CIBODAS, {"category": "pekerjaan-umum", "subcategory": "drainase", "description": "Banjir",
                                              "lat": -6.55, "lon": 106.82}),
                           (regency.CIBODAS, {"category": "sosial", "description": "Lansia terlantar"}),
                           (regency.PASIRJAYA, {"category": "kesehatan", "description": "Puskesmas tutup", "confidential": True})]:
            answer = requests.post(running.url + "/api/v1/complaints", json=dict({"confidential": False}, **body), timeout=30)
            regency.place(running, answer.json()["tracking_code"], desa)
        yield running


def test_the_map_fits_a_phone_and_an_area_opens_its_list(hub, phone):
    phone.get(hub.url + "/peta")
    svg = by_id(phone, "peta")
    width = phone.execute_script("return document.documentElement.clientWidth")
    assert 0 < svg.size["width"] <= width and svg.size["height"] > 100, svg.size
    assert phone.execute_script("return document.scripts.length") == 0
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0], "nothing wider than the phone"
    assert len(phone.find_elements(By.CSS_SELECTOR, "#peta path.hazard")) == 1
    assert len(phone.find_elements(By.CSS_SELECTOR, "#hotspots tbody tr")) == 4, "the confidential report counted too"
    screenshot(phone, "public-map-phone.png")
    # Tapping Cibodas's area opens its list (an SVG link, no script).
    area = phone.find_element(By.CSS_SELECTOR, f'#peta path[data-code="{regency.CIBODAS}"]')
    phone.execute_script("arguments[0].closest('a').dispatchEvent(new MouseEvent('click', {bubbles: true}))", area)
    wait_for(phone, lambda driver: f"area={regency.CIBODAS}" in driver.current_url)
    assert len(phone.find_elements(By.CSS_SELECTOR, "#reports li.report")) == 2


def test_the_list_filters_with_its_form_and_counts_the_confidential(hub, phone):
    phone.get(hub.url + "/laporan")
    assert len(phone.find_elements(By.CSS_SELECTOR, "#reports li.report")) == 3
    Select(phone.find_element(By.NAME, "area")).select_by_value(regency.TANJUNGSARI_KECAMATAN)
    Select(phone.find_element(By.NAME, "category")).select_by_value("sosial")
    phone.find_element(By.CSS_SELECTOR, "form.filters button").click()
    wait_for(phone, lambda driver: "category=sosial" in driver.current_url)
    items = phone.find_elements(By.CSS_SELECTOR, "#reports li.report")
    assert len(items) == 1 and "Lansia terlantar" in items[0].text
    Select(phone.find_element(By.NAME, "category")).select_by_value("")
    phone.find_element(By.CSS_SELECTOR, "form.filters button").click()
    wait_for(phone, lambda driver: "category=&" in driver.current_url or driver.current_url.endswith("category="))
    assert by_id(phone, "unlisted").get_attribute("data-count") == "1"
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    screenshot(phone, "public-list-phone.png")

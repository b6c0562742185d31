"""The form's map on a phone (issue 17): the region drawn by the hub, where a tap places the point
(latitude and longitude filled by the script with the drawing's own projection), then the open public
reports near that point are listed, the confidential one at the same place never, and the complaint
filed from the tapped point lands in the desa it lies in. Screenshot: artifacts/browser/form-map-picker-phone.png."""

import sys
from pathlib import Path

import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import PHONE, by_id, screenshot, wait_for

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pyhub  # noqa: E402
from pyhub import regency  # noqa: E402

# A point in Cibodas (the fixture's README), the open report beside it, and where the citizen taps.
REPORTED = (-6.5500, 106.8200)
TAP = (-6.5502, 106.8203)


@pytest.fixture(scope="module")
def hub():
    with regency.started_hub("hub-browser-picker-") as running:
        for description, confidential in [("Lampu jalan padam di depan masjid", False), ("Rahasia: lampu dicuri oknum", True)]:
            answer = requests.post(running.url + "/api/v1/complaints", timeout=30, json={
                "category": "pekerjaan-umum", "subcategory": "pju", "description": description, "lat": REPORTED[0],
                "lon": REPORTED[1], "confidential": confidential, "anonymous": True})
            assert answer.status_code == 201, answer.text
        yield running


def tap(driver, svg, lat, lon):
    """A real click on the drawn map where (lat, lon) is, found with the map's own corners."""
    dx, dy = driver.execute_script("""
        var svg = arguments[0], picker = svg.closest('.map-picker'), lat = arguments[1], lon = arguments[2];
        function n(name) { return parseFloat(picker.getAttribute('data-' + name)); }
        var point = svg.createSVGPoint();
        point.x = (lon - n('west')) / (n('east') - n('west')) * n('width');
        point.y = (n('north') - lat) / (n('north') - n('south')) * n('height');
        var screen = point.matrixTransform(svg.getScreenCTM()), box = svg.getBoundingClientRect();
        return [screen.x - (box.left + box.width / 2), screen.y - (box.top + box.height / 2)];
    """, svg, lat, lon)
    ActionChains(driver).move_to_element_with_offset(svg, round(dx), round(dy)).click().perform()


def test_a_tap_places_the_point_and_lists_the_open_public_report_near_it(hub, phone):
    phone.get(hub.url + "/")
    picker = by_id(phone, "map-picker")
    wait_for(phone, lambda driver: picker.is_displayed())
    svg = picker.find_element(By.TAG_NAME, "svg")
    assert 0 < svg.size["width"] <= PHONE[0] and len(svg.find_elements(By.CSS_SELECTOR, "path[data-code]")) >= 4
    Select(by_id(phone, "category")).select_by_value("pekerjaan-umum")
    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    tap(phone, svg, *TAP)
    wait_for(phone, lambda driver: by_id(driver, "lat").get_attribute("value") != "")
    lat, lon = float(by_id(phone, "lat").get_attribute("value")), float(by_id(phone, "lon").get_attribute("value"))
    # One CSS pixel of this map is about 0.0004 degrees: the tap lands within a pixel or two.
    assert abs(lat - TAP[0]) < 0.001 and abs(lon - TAP[1]) < 0.001, (lat, lon)
    assert by_id(phone, "map-picker-marker").is_displayed()
    nearby = by_id(phone, "nearby")
    wait_for(phone, lambda driver: nearby.is_displayed() and nearby.find_elements(By.TAG_NAME, "li"))
    items = nearby.find_elements(By.TAG_NAME, "li")
    assert len(items) == 1 and "Lampu jalan padam di depan masjid" in items[0].text, [i.text for i in items]
    assert "Rahasia" not in nearby.text and "m dari titik Anda" in items[0].text
    link = items[0].find_element(By.TAG_NAME, "a").get_attribute("href")
    assert "/laporan/" in link
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0], "nothing wider than the phone"
    screenshot(phone, "form-map-picker-phone.png")

    # Filed from the tapped point, the complaint lands in Cibodas; the listed report offers following instead.
    by_id(phone, "description").send_keys("Lampu jalan mati, gelap sekali")
    phone.find_element(By.CSS_SELECTOR, "form[action='/complaints'] button[type='submit']").click()
    wait_for(phone, lambda driver: "/track/" in driver.current_url)
    code = phone.current_url.rsplit("/track/", 1)[1].split("?")[0]
    assert hub.sql(f"select kelurahan_code from complaints where tracking_code = '{code}'") == regency.CIBODAS
    phone.get(link)
    assert by_id(phone, "follow") and code not in phone.page_source

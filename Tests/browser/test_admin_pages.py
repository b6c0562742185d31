"""The admin's reference-data pages driven in a real browser (headless Chromium through Selenium).

An admin logs in through the form, opens the holidays page (Indonesian first), adds a day of cuti
bersama on the day a fresh case is due, and the next case's deadline moves a working day further;
switching the holiday off on its own form brings the next case's deadline back. A case already
running keeps its deadline throughout.

One hub and one browser serve the whole module (see conftest.py). Screenshots go to artifacts/browser/.
Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser -k admin
"""

import json
import time
import urllib.request

import pyhub
import pytest
from conftest import by_id, screenshot, wait_for

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    pass

ADMIN = "admin.libur"
PASSWORD = "sandi-admin-libur-2026"
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def admin(hub):
    hub.hubctl("user", "add", ADMIN, "--role", "admin", stdin=PASSWORD + "\n")
    return ADMIN


def dispatched_case(hub, description):
    """A public-works complaint once its module has taken it (and set its deadline); its code."""
    request = urllib.request.Request(hub.url + "/api/v1/complaints", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"category": "pekerjaan-umum", "description": description,
                                                      "kecamatan": "Cibeunying"}).encode("utf-8"))
    with _direct.open(request, timeout=10) as response:
        code = json.loads(response.read().decode("utf-8"))["tracking_code"]
    deadline = time.monotonic() + pyhub.SETTLE_SECONDS
    while hub.sql(f"select due_at is not null from complaints where tracking_code = '{code}'") != "t":
        assert time.monotonic() < deadline, f"{code} was not taken in"
        time.sleep(0.1)
    return code


def due_day(hub, code):
    """The case's deadline as a local (WIB) date, YYYY-MM-DD."""
    return hub.sql(f"select (due_at at time zone 'Asia/Jakarta')::date from complaints where tracking_code = '{code}'")


def log_in(driver, hub, login):
    driver.get(hub.url + "/staff/login")
    by_id(driver, "login").send_keys(login)
    by_id(driver, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait_for(driver, EC.presence_of_element_located((By.ID, "queue")))


def test_an_admin_adds_and_switches_off_a_holiday_and_the_next_cases_deadline_moves(hub, browser, admin):
    running = dispatched_case(hub, "Lampu jalan padam, sebelum hari libur ditambahkan")
    holiday = due_day(hub, running)
    log_in(browser, hub, admin)
    browser.find_element(By.LINK_TEXT, "Data acuan").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "add-record")))
    browser.find_element(By.LINK_TEXT, "Hari libur").click()
    wait_for(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Hari libur"))

    by_id(browser, "new-day").send_keys(holiday)
    by_id(browser, "new-name_id").send_keys("Cuti bersama uji peramban")
    by_id(browser, "new-name_en").send_keys("Browser test collective leave")
    Select(by_id(browser, "new-kind")).select_by_value("cuti_bersama")
    browser.find_element(By.CSS_SELECTOR, "#add-record button[type='submit']").click()
    wait_for(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main .notice"), "Data ditambahkan"))
    screenshot(browser, "admin-holiday-added")
    row = browser.find_element(By.CSS_SELECTOR, f"form.reference-record[data-id='{holiday}']")
    assert row.find_element(By.CSS_SELECTOR, "select[name='kind']").get_attribute("value") == "cuti_bersama"

    moved = dispatched_case(hub, "Lampu jalan padam, sesudah hari libur ditambahkan")
    assert due_day(hub, moved) > holiday, "the holiday is not a working day: the next case is due after it"
    assert due_day(hub, running) == holiday, "the case already running keeps its deadline"

    # Switched off on its own form, the day counts again for the next case.
    row = browser.find_element(By.CSS_SELECTOR, f"form.reference-record[data-id='{holiday}']")
    active = row.find_element(By.CSS_SELECTOR, "input[name='active']")
    assert active.is_selected()
    active.click()
    row.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait_for(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main .notice"), "Perubahan disimpan"))
    row = browser.find_element(By.CSS_SELECTOR, f"form.reference-record[data-id='{holiday}']")
    assert not row.find_element(By.CSS_SELECTOR, "input[name='active']").is_selected()
    screenshot(browser, "admin-holiday-switched-off")
    back = dispatched_case(hub, "Lampu jalan padam, sesudah hari libur dimatikan")
    assert due_day(hub, back) == holiday
    assert hub.sql("select count(*) from audit_log where action like 'reference_%'") == "2"


def test_a_bad_date_is_refused_on_the_page_and_nothing_is_stored(hub, browser, admin):
    browser.delete_all_cookies()
    log_in(browser, hub, admin)
    browser.get(hub.url + "/staff/admin/holidays")
    before = hub.sql("select count(*) from holidays")
    by_id(browser, "new-day").send_keys("2031-02-30")
    by_id(browser, "new-name_id").send_keys("Tanggal salah")
    by_id(browser, "new-name_en").send_keys("Bad date")
    browser.find_element(By.CSS_SELECTOR, "#add-record button[type='submit']").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "page-error")))
    assert "TTTT-BB-HH" in by_id(browser, "page-error").text
    assert by_id(browser, "new-day").get_attribute("value") == "2031-02-30", "what was typed is kept"
    assert hub.sql("select count(*) from holidays") == before

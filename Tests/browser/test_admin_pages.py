"""The admin's reference-data pages driven in a real browser (headless Chromium through Selenium).

An admin logs in through the form, opens the holidays page (Indonesian first), adds a day of cuti
bersama on the day a fresh case is due, and the next case's deadline moves a working day further;
switching the holiday off on its own form brings the next case's deadline back. A case already
running keeps its deadline throughout.

The same admin goes from the service levels to the letter types and raises the deadline of the
surat keterangan domisili from 3 to 5 working days on its form: the next letter a village front
office enters is due 5 working days on, the letter already running keeps its 3. A template that
names a field the type lacks comes back refused on the page, nothing stored.

One hub and one browser serve the whole module (see conftest.py). Screenshots go to artifacts/browser/.
Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser -k admin
"""

import json
import tempfile
import time
import urllib.request
from pathlib import Path

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


FRONT_OFFICE = "fo.jenis"
VILLAGE, DISTRICT = "35.98.01.2001", "35.98.01"


def api(hub, method, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(hub.url + path, method=method, headers=headers, data=json.dumps(body).encode("utf-8"))
    with _direct.open(request, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def front_office(hub):
    """A desa with its kecamatan and its front office, signed in; its token."""
    with tempfile.TemporaryDirectory(prefix="hub-browser-jenis-") as folder:
        (Path(folder) / "wilayah.csv").write_text(
            "code,kind,name,address,logo\n"
            f"{DISTRICT},kecamatan,Jenisari,Jl. Kecamatan No. 1,\n"
            f"{VILLAGE},desa,Jenismaju,Jl. Desa No. 2,\n", encoding="utf-8")
        hub.hubctl("areas", "import", str(Path(folder) / "wilayah.csv"))
    hub.hubctl("user", "add", FRONT_OFFICE, "--role", "village_front_office", "--village", VILLAGE, "--name", "Sari Pelayanan",
               stdin=PASSWORD + "\n")
    return api(hub, "POST", "/api/v1/staff/login", {"login": FRONT_OFFICE, "password": PASSWORD})["token"]


def enter_domisili(hub, token):
    """A surat keterangan domisili entered at the front office; its code."""
    return api(hub, "POST", "/api/v1/staff/letters", {
        "type": "domisili", "applicant": {"nik": "3598010101900001", "name": "Siti Aminah", "address": "RT 01 RW 02"},
        "fields": {"alamat_domisili": "Dusun Krajan", "sejak": "2015-06-01", "keperluan": "melamar kerja"}}, token)["code"]


def step_days(hub, code):
    """The working days (WIB, over the active holidays) from the start of the letter's step to its deadline."""
    return int(hub.sql(f"""
        select count(*) from letters l, generate_series((l.step_since at time zone 'Asia/Jakarta')::date + 1,
                                                        (l.step_due_at at time zone 'Asia/Jakarta')::date, interval '1 day') d
         where l.code = '{code}' and extract(isodow from d) < 6 and d::date not in (select day from holidays where active)"""))


def test_an_admin_raises_a_letter_types_deadline_and_the_next_letter_uses_it(hub, browser, admin, front_office):
    running = enter_domisili(hub, front_office)
    assert step_days(hub, running) == 3, "the shipped deadline of a surat keterangan domisili"
    browser.delete_all_cookies()
    log_in(browser, hub, admin)
    browser.get(hub.url + "/staff/admin/deadlines")
    browser.find_element(By.CSS_SELECTOR, "main p.hint a").click()
    wait_for(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h1"), "Jenis surat"))

    row = browser.find_element(By.CSS_SELECTOR, "form.reference-record[data-id='domisili']")
    deadline = row.find_element(By.CSS_SELECTOR, "input[name='deadline_days']")
    assert deadline.get_attribute("value") == "3"
    deadline.clear()
    deadline.send_keys("5")
    row.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait_for(browser, EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main .notice"), "Perubahan disimpan"))
    row = browser.find_element(By.CSS_SELECTOR, "form.reference-record[data-id='domisili']")
    assert row.find_element(By.CSS_SELECTOR, "input[name='deadline_days']").get_attribute("value") == "5"
    keys = [row.find_element(By.CSS_SELECTOR, f"input[name='fields.{n}.key']").get_attribute("value") for n in range(3)]
    assert keys == ["alamat_domisili", "sejak", "keperluan"], "the type's fields went through the form unchanged"
    screenshot(browser, "admin-letter-type-deadline")

    after = enter_domisili(hub, front_office)
    assert step_days(hub, after) == 5, "the next letter is due 5 working days on"
    assert step_days(hub, running) == 3, "the letter already running keeps its deadline"
    with _direct.open(hub.url + "/api/v1/letter-types", timeout=10) as response:
        offered = {t["code"]: t for t in json.loads(response.read().decode("utf-8"))["letter_types"]}
    assert offered["domisili"]["deadline_days"] == 5

    # A template that names a field the type lacks is refused on the page; nothing is stored.
    stored = hub.sql("select md5(body_template) || deadline_days from letter_types where code = 'domisili'")
    row = browser.find_element(By.CSS_SELECTOR, "form.reference-record[data-id='domisili']")
    template = row.find_element(By.CSS_SELECTOR, "textarea[name='body_template']")
    template.send_keys(" Alasan: {{fields.alasan}}.")
    row.find_element(By.CSS_SELECTOR, "input[name='deadline_days']").clear()
    row.find_element(By.CSS_SELECTOR, "input[name='deadline_days']").send_keys("7")
    row.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    error = wait_for(browser, EC.presence_of_element_located((By.ID, "page-error")))
    assert "{{fields.alasan}}" in error.text and "alasan" in error.text
    screenshot(browser, "admin-letter-type-refused")
    assert hub.sql("select md5(body_template) || deadline_days from letter_types where code = 'domisili'") == stored

"""The citizen complaint form driven in a real browser (headless Chromium through Selenium).

One throwaway hub (PostgreSQL and the six executables, see Tests/pyhub) and one browser serve the
whole module. The tests fill in and send the form as a citizen would, with a real photo file, and
follow the redirect to the confirmation page and the tracking page; they send a form that lacks its
category and check that the page comes back in Indonesian with the message beside the field and the
typed text kept; and they check the English page. Screenshots go to artifacts/browser/.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser
(scripts/browser-deps installs Chromium, its driver and Selenium.) The fixtures and helpers shared
with the other browser tests are in conftest.py.
"""

import hashlib
import re

import pyhub
from conftest import by_id, label_text, screenshot, wait_for

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    pass

CROCKFORD = "0-9A-HJKMNP-TV-Z"
GROUPED_CODE = re.compile(rf"^[{CROCKFORD}]{{4}}-[{CROCKFORD}]{{4}}-[{CROCKFORD}]{{5}}$")
TRACK_URL = re.compile(rf"/track/([{CROCKFORD}]{{13}})\?new=1$")


# ----------------------------------------------------------------------------------------------
# Helpers (the hub, the browser, the photo and the shared helpers are in conftest.py)


def submit_complaint_form(driver):
    driver.find_element(By.CSS_SELECTOR, "form[action^='/complaints'] button[type='submit']").click()


def privacy_box(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f"input[type='checkbox'][name='{name}']")


# ----------------------------------------------------------------------------------------------
# Tests


def test_citizen_files_a_complaint_with_a_photo_and_follows_it(hub, browser, photo):
    browser.get(hub.url + "/")
    assert by_id(browser, "category").tag_name == "select"
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "id"
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Sampaikan pengaduan"
    assert label_text(browser, "category") == "Kategori"
    assert label_text(browser, "description") == "Uraian pengaduan"

    Select(by_id(browser, "category")).select_by_value("pekerjaan-umum")
    description = "Jalan berlubang besar di depan pasar, sudah dua minggu belum diperbaiki."
    by_id(browser, "description").send_keys(description)
    by_id(browser, "location").send_keys("Jl. Merdeka depan SDN 3")
    by_id(browser, "photos").send_keys(str(photo))
    # Private is the default: both boxes come checked and the citizen leaves them so.
    assert privacy_box(browser, "anonymous").is_selected()
    assert privacy_box(browser, "confidential").is_selected()
    screenshot(browser, "citizen-form-filled.png")

    submit_complaint_form(browser)
    wait_for(browser, EC.url_matches(TRACK_URL.pattern))
    code = TRACK_URL.search(browser.current_url).group(1)
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Pengaduan diterima"
    shown = by_id(browser, "tracking-code").text
    assert GROUPED_CODE.match(shown), shown
    assert shown.replace("-", "") == code
    assert "Simpan kode ini" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert by_id(browser, "status").text in ("Diterima", "Diteruskan ke instansi")
    screenshot(browser, "citizen-confirmation.png")

    # The photo the browser sent is the one stored, byte for byte.
    stored = hub.sql("select p.media_type || ' ' || md5(p.bytes) from complaint_photos p "
                     f"join complaints c on c.id = p.complaint_id where c.tracking_code = '{code}'")
    assert stored == f"image/png {hashlib.md5(photo.read_bytes()).hexdigest()}"

    # The tracking page, once the module has taken the case.
    def tracked_status():
        browser.get(f"{hub.url}/track/{code}")
        return by_id(browser, "status")
    status = pyhub.wait_until(tracked_status, lambda element: element.get_attribute("data-status") == "dispatched",
                              f"{code} dispatched on its tracking page", interval=0.2)
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Lacak pengaduan"
    assert by_id(browser, "tracking-code").text == shown
    assert status.get_attribute("data-status") == "dispatched"
    assert status.text == "Diteruskan ke instansi"
    page = browser.find_element(By.CSS_SELECTOR, "main").text
    # Confidential: the public sees the status, never what was written.
    assert "Isi pengaduan ini dirahasiakan." in page
    assert description not in page and "Jl. Merdeka" not in page
    assert "Pengaduan diterima" in page and "Diteruskan ke instansi terkait" in page
    screenshot(browser, "citizen-tracking.png")


def test_refused_form_comes_back_with_the_message_beside_the_field_and_the_input_kept(hub, browser):
    browser.get(hub.url + "/")
    # Quotes, markup and text beyond ASCII must come back exactly as typed (escaped, UTF-8).
    description = 'Lampu jalan "PJU" mati sejak Senin — <b>gelap</b> & rawan di gang Mawar, kafé tutup.'
    by_id(browser, "description").send_keys(description)
    by_id(browser, "location").send_keys("Gang Mawar RT 04")
    privacy_box(browser, "confidential").click()  # the citizen makes the complaint public
    submit_complaint_form(browser)

    error = wait_for(browser, EC.presence_of_element_located((By.ID, "category-error")))
    assert browser.current_url.endswith("/complaints")
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "id"
    assert error.text == "Pilih kategori pengaduan."
    assert error.get_attribute("role") == "alert"
    category = by_id(browser, "category")
    # Beside the field: right after the select, and tied to it for screen readers.
    assert browser.execute_script("return arguments[0].nextElementSibling.id", category) == "category-error"
    assert category.get_attribute("aria-invalid") == "true"
    assert "category-error" in category.get_attribute("aria-describedby").split()
    assert "Periksa kembali isian yang ditandai." in browser.find_element(By.CSS_SELECTOR, "main").text
    # Nothing typed is lost, the choices included.
    assert by_id(browser, "description").get_attribute("value") == description
    assert by_id(browser, "location").get_attribute("value") == "Gang Mawar RT 04"
    assert privacy_box(browser, "anonymous").is_selected()
    assert not privacy_box(browser, "confidential").is_selected()
    assert not browser.find_elements(By.ID, "description-error")
    screenshot(browser, "citizen-form-error.png")


def test_english_form_and_language_switch(hub, browser):
    browser.get(hub.url + "/?lang=en")
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "File a complaint"
    assert label_text(browser, "category") == "Category"
    assert label_text(browser, "description") == "What happened?"
    form = browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    assert form.get_attribute("action").endswith("/complaints?lang=en")
    assert form.find_element(By.CSS_SELECTOR, "button[type='submit']").text == "Send complaint"
    switch = browser.find_element(By.CSS_SELECTOR, "header a")
    assert switch.text == "Bahasa Indonesia" and switch.get_attribute("lang") == "id"
    screenshot(browser, "citizen-form-en.png")

    by_id(browser, "description").send_keys("The street light is out.")
    submit_complaint_form(browser)
    error = wait_for(browser, EC.presence_of_element_located((By.ID, "category-error")))
    assert error.text == "Choose a category."
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "en"
    assert by_id(browser, "description").get_attribute("value") == "The street light is out."

    browser.get(hub.url + "/?lang=en")
    switch = browser.find_element(By.CSS_SELECTOR, "header a")
    switch.click()
    wait_for(browser, lambda driver: driver.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "id")
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Sampaikan pengaduan"
    assert browser.find_element(By.CSS_SELECTOR, "header a").text == "English"
    assert browser.find_element(By.CSS_SELECTOR, "header a").get_attribute("href").endswith("/?lang=en")


def test_use_my_location_fills_the_coordinates_from_the_browser(hub, browser):
    # The browser reports a position in Bandung, as a phone's GPS would; the page's script fills the
    # coordinates, and the complaint is stored with them.
    browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["geolocation"], "origin": hub.url})
    browser.execute_cdp_cmd("Emulation.setGeolocationOverride",
                            {"latitude": -6.914744, "longitude": 107.609810, "accuracy": 20})
    try:
        browser.get(hub.url + "/")
        locate = by_id(browser, "locate")
        assert locate.is_displayed(), "the button shows where the script runs"
        assert locate.text == "Gunakan lokasi saya"
        locate.click()
        wait_for(browser, lambda driver: by_id(driver, "lat").get_attribute("value") != "")
        assert by_id(browser, "lat").get_attribute("value") == "-6.914744"
        assert by_id(browser, "lon").get_attribute("value") == "107.609810"
        assert by_id(browser, "locate-status").text.startswith("Lokasi terisi")
        Select(by_id(browser, "category")).select_by_value("pekerjaan-umum")
        by_id(browser, "description").send_keys("Jalan amblas di depan pasar.")
        screenshot(browser, "citizen-form-located.png")
        submit_complaint_form(browser)
        code = wait_for(browser, lambda driver: TRACK_URL.search(driver.current_url)).group(1)
        rows = hub.sql(f"select lat, lon from complaints where tracking_code = '{code}'")
        assert rows.strip() == "-6.914744|107.60981", rows
    finally:
        browser.execute_cdp_cmd("Emulation.clearGeolocationOverride", {})


def test_the_form_works_without_its_script(hub):
    # Without JavaScript the location button stays hidden and the form is plain HTML.
    import urllib.request
    page = urllib.request.urlopen(hub.url + "/").read().decode("utf-8")
    assert '<button type="button" id="locate" hidden' in page
    script = urllib.request.urlopen(hub.url + "/static/form.js")
    assert script.headers["Content-Type"].startswith("text/javascript")

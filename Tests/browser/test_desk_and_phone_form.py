"""The walk-in desk and the citizen's form on a phone-sized screen (390×844), in a real browser.

A desk officer logs in through the form, opens the desk page from the header, enters a visitor's
complaint (the channel it came through, the complaint, the visitor's phone) and gets the printable
receipt with the tracking code in large type and the tracking address. A citizen's form sent with
mistakes comes back with the list of what to fix at the top, each item a link to its field, and
the focus on the first field to fix; a link of the list moves the focus to its field. The script
offers only the chosen category's subcategories and shows the pole field for streetlights only;
a photo over 5 MB is scaled down in the browser before it is sent, and the hub stores the smaller
JPEG. Screenshots go to artifacts/browser/.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser
"""

import os
import random
import re
import struct
import zlib

import pytest
from conftest import PHONE, by_id, focused_id, screenshot, wait_for

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    pass

DESK_OFFICER = "wati.loket"
PASSWORD = "loket-ramah-2026"
PHOTO_LIMIT = 5 * 1024 * 1024
CROCKFORD = "0-9A-HJKMNP-TV-Z"
RECEIPT_URL = re.compile(rf"/staff/desk/receipts/([{CROCKFORD}]{{13}})$")
TRACK_URL = re.compile(rf"/track/([{CROCKFORD}]{{13}})\?new=1$")


@pytest.fixture(scope="module")
def desk_officer(hub):
    hub.hubctl("user", "add", DESK_OFFICER, "--role", "staff", "--module", "intake", stdin=PASSWORD + "\n")
    return DESK_OFFICER


@pytest.fixture(scope="module")
def large_photo(tmp_path_factory):
    """A real PNG of noise (it does not compress) of about 6.3 MB: over the 5 MB limit."""
    side = 1450
    rng = random.Random(14)
    rows = b"".join(b"\x00" + rng.randbytes(3 * side) for _ in range(side))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
    assert len(data) > PHOTO_LIMIT
    path = tmp_path_factory.mktemp("large-photo") / "foto-ponsel.png"
    path.write_bytes(data)
    return path


def test_a_desk_officer_enters_a_visitors_complaint_and_prints_the_receipt(hub, phone, desk_officer):
    phone.get(hub.url + "/staff/desk")
    # Without a session the desk leads to the login page, whose login leads back.
    wait_for(phone, EC.presence_of_element_located((By.ID, "login")))
    by_id(phone, "login").send_keys(desk_officer)
    by_id(phone, "password").send_keys(PASSWORD)
    phone.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait_for(phone, EC.presence_of_element_located((By.ID, "desk-form")))
    assert phone.find_element(By.CSS_SELECTOR, "h1").text == "Loket pengaduan"
    assert phone.find_element(By.CSS_SELECTOR, "header nav a[href='/staff/desk']").text == "Loket pengaduan"

    channel = Select(by_id(phone, "intake_channel"))
    assert channel.first_selected_option.get_attribute("value") == "tatap-muka-balai-kota"
    assert len(channel.options) == 16
    channel.select_by_value("tatap-muka-kelurahan")
    Select(by_id(phone, "category")).select_by_value("kependudukan")
    by_id(phone, "description").send_keys("KTP elektronik belum jadi setelah tiga bulan menunggu.")
    by_id(phone, "kelurahan").send_keys("Sukamaju")
    by_id(phone, "name").send_keys("Ibu Wati Lestari")
    by_id(phone, "phone").send_keys("0812 7788 9900")
    screenshot(phone, "desk-form-phone.png")
    phone.find_element(By.CSS_SELECTOR, "#desk-form button[type='submit']").click()

    wait_for(phone, lambda driver: RECEIPT_URL.search(driver.current_url))
    code = RECEIPT_URL.search(phone.current_url).group(1)
    assert phone.find_element(By.CSS_SELECTOR, "h1").text == "Tanda terima pengaduan"
    shown = by_id(phone, "tracking-code")
    assert shown.text.replace("-", "") == code
    # The code in large type: bigger than the page's own text.
    size = float(phone.execute_script("return parseFloat(getComputedStyle(arguments[0]).fontSize)", shown))
    body = float(phone.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)"))
    assert size >= 2 * body, (size, body)
    assert by_id(phone, "tracking-url").text.endswith(f"/track/{code}")
    assert by_id(phone, "print").is_displayed(), "the script shows the print button"
    page = phone.find_element(By.CSS_SELECTOR, "main").text
    assert "Ibu Wati" not in page and "7788" not in page, "the receipt holds no contact"
    # Printed, the staff frame and the buttons are left out.
    phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not phone.find_element(By.CSS_SELECTOR, "header").is_displayed()
        assert not by_id(phone, "print").is_displayed()
        assert shown.is_displayed()
    finally:
        phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    screenshot(phone, "desk-receipt-phone.png")

    stored = hub.sql("select c.channel_code || ' ' || i.intake_channel_code || ' ' || r.phone from complaints c "
                     "join complaint_intake_channels i on i.complaint_id = c.id "
                     f"join complaint_reporters r on r.complaint_id = c.id where c.tracking_code = '{code}'")
    assert stored.strip() == "desk tatap-muka-kelurahan 0812 7788 9900"
    phone.delete_all_cookies()


def test_a_refused_form_lists_what_to_fix_at_the_top_and_focuses_the_first_field(hub, phone):
    phone.get(hub.url + "/")
    Select(by_id(phone, "category")).select_by_value("kesehatan")
    by_id(phone, "email").send_keys("bukan-alamat-email")
    phone.find_element(By.CSS_SELECTOR, "form[action^='/complaints'] button[type='submit']").click()

    summary = wait_for(phone, EC.presence_of_element_located((By.ID, "error-summary")))
    links = summary.find_elements(By.CSS_SELECTOR, "li a")
    assert [link.get_attribute("href").split("#")[1] for link in links] == ["description", "email"]
    assert [link.text for link in links] == ["Uraian pengaduan wajib diisi.", "Alamat email tidak valid."]
    # The list stands at the top, above the form, inside the first screen of a phone.
    form_top = phone.execute_script("return document.querySelector('form[action^=\"/complaints\"]').getBoundingClientRect().top"
                                    " + window.scrollY")
    summary_top = phone.execute_script("return arguments[0].getBoundingClientRect().top + window.scrollY", summary)
    assert summary_top < form_top and summary_top < PHONE[1]
    # The focus is on the first field to fix, and a link of the list moves it to its own field.
    wait_for(phone, lambda driver: focused_id(driver) == "description")
    links[1].click()
    wait_for(phone, lambda driver: focused_id(driver) == "email")
    assert by_id(phone, "email").get_attribute("value") == "bukan-alamat-email"
    assert Select(by_id(phone, "category")).first_selected_option.get_attribute("value") == "kesehatan"
    screenshot(phone, "citizen-form-refused-phone.png")


def test_subcategories_follow_the_category_and_the_pole_field_shows_for_streetlights(hub, phone):
    phone.get(hub.url + "/")
    subcategory = Select(by_id(phone, "subcategory"))
    # Before a category is chosen, only "none" is offered.
    assert [option.get_attribute("value") for option in subcategory.options] == [""]
    assert not by_id(phone, "pole-field").is_displayed()
    Select(by_id(phone, "category")).select_by_value("pekerjaan-umum")
    offered = [option.get_attribute("value") for option in Select(by_id(phone, "subcategory")).options]
    assert offered[0] == "" and "pju" in offered and "jalan" in offered
    assert not by_id(phone, "subcategory").find_elements(By.CSS_SELECTOR, "optgroup")
    assert len(offered) == 9, offered
    Select(by_id(phone, "subcategory")).select_by_value("jalan")
    assert not by_id(phone, "pole-field").is_displayed()
    Select(by_id(phone, "subcategory")).select_by_value("pju")
    assert by_id(phone, "pole-field").is_displayed()
    Select(by_id(phone, "category")).select_by_value("kesehatan")
    assert [option.get_attribute("value") for option in Select(by_id(phone, "subcategory")).options][0] == ""
    assert "pju" not in [option.get_attribute("value") for option in Select(by_id(phone, "subcategory")).options]
    assert not by_id(phone, "pole-field").is_displayed()


def test_a_photo_over_the_limit_is_scaled_down_before_it_is_sent(hub, phone, large_photo):
    phone.get(hub.url + "/")
    Select(by_id(phone, "category")).select_by_value("pekerjaan-umum")
    by_id(phone, "description").send_keys("Trotoar ambles, foto dari kamera ponsel.")
    by_id(phone, "photos").send_keys(str(large_photo))
    wait_for(phone, lambda driver: by_id(driver, "photos").get_attribute("data-scaled") == "true", timeout=30)
    sent = phone.execute_script("var f = document.getElementById('photos').files[0]; return [f.size, f.type, f.name]")
    assert sent[0] <= PHOTO_LIMIT and sent[1] == "image/jpeg" and sent[2] == "foto-ponsel.jpg", sent
    phone.find_element(By.CSS_SELECTOR, "form[action^='/complaints'] button[type='submit']").click()
    code = wait_for(phone, lambda driver: TRACK_URL.search(driver.current_url), timeout=30).group(1)
    stored = hub.sql("select p.media_type || ' ' || length(p.bytes) from complaint_photos p "
                     f"join complaints c on c.id = p.complaint_id where c.tracking_code = '{code}'")
    media_type, length = stored.split()
    assert media_type == "image/jpeg" and 0 < int(length) <= PHOTO_LIMIT, stored
    # The confirmation page names the agency, the next step with its deadline and how the citizen hears.
    assert by_id(phone, "agency").text
    assert by_id(phone, "next-step").get_attribute("data-step") == "verification"
    assert "WIB" in by_id(phone, "next-step").text
    assert "halaman pelacakan" in by_id(phone, "how-told").text
    screenshot(phone, "citizen-confirmation-phone.png")

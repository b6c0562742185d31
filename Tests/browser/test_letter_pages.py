"""The letter desks' pages (PETUNG DADI) in a real browser (headless Chromium through Selenium).

A village front office logs in and lands on its letters, opens the entry form, chooses a letter
type and sends it with mistakes: the form comes back filled in with the list of everything to fix
at the top, and nothing is stored. Sent right, it leads to the printable receipt with the tracking
code in large type and the address to follow the letter at. The letter then travels up the chain
(JSON, as other officials would act), and the camat finds it on their desk with its type, village
and step deadline, opens it, sees exactly the actions the step allows (sign, reject) and signs. The
front office's letter page then offers the PDF, which is fetched, checked as a PDF and rendered with
pdftoppm to artifacts/browser/letter-page-1.png for a person to look at.

A returned letter comes back to the front office with the reason in its history; its pass carries the
data to correct, checked whole (a blank required field is listed, nothing stored) before it goes on.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser/test_letter_pages.py
"""

import json
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ARTIFACTS, by_id, png_bytes, screenshot, wait_for

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    pass

PASSWORD = "sandi-surat-2026"
VILLAGE, DISTRICT = "35.99.01.2001", "35.99.01"
# login, role, region flag, region, full name, NIP
OFFICIALS = [("fo.sukamaju", "village_front_office", "--village", VILLAGE, "Rina Pelayanan", None),
             ("sekdes.sukamaju", "village_secretary", "--village", VILLAGE, "Agus Sekdes", None),
             ("kades.sukamaju", "village_head", "--village", VILLAGE, "Budi Santoso", "197001012000031001"),
             ("fo.sukasari", "district_front_office", "--district", DISTRICT, "Eko Pelayanan", None),
             ("kasi.sukasari", "district_service_head", "--district", DISTRICT, "Fitri Kasi", None),
             ("camat.sukasari", "district_head", "--district", DISTRICT, "Hadi Camat", "197502022001121002")]
CROCKFORD = "0-9A-HJKMNP-TV-Z"
RECEIPT_URL = re.compile(rf"/staff/letters/([{CROCKFORD}]{{13}})/receipt$")
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def regency(hub):
    """Kecamatan Sukasari with Desa Sukamaju (with a logo), and an official for each step."""
    with tempfile.TemporaryDirectory(prefix="hub-browser-wilayah-") as folder:
        (Path(folder) / "logo.png").write_bytes(png_bytes(64, 64))
        (Path(folder) / "wilayah.csv").write_text(
            "code,kind,name,address,logo\n"
            f"{DISTRICT},kecamatan,Sukasari,\"Jl. Kecamatan No. 5, Sukasari\",logo.png\n"
            f"{VILLAGE},desa,Sukamaju,\"Jl. Raya Sukamaju No. 1, Sukasari\",logo.png\n", encoding="utf-8")
        hub.hubctl("areas", "import", str(Path(folder) / "wilayah.csv"))
    for login, role, flag, region, name, nip in OFFICIALS:
        arguments = ["user", "add", login, "--role", role, flag, region, "--name", name] + (["--nip", nip] if nip else [])
        hub.hubctl(*arguments, stdin=PASSWORD + "\n")
    return hub


def api(hub, method, path, body=None, token=None):
    """One JSON request to the gateway; the status and the decoded answer, for refusals too."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(hub.url + path, data=None if body is None else json.dumps(body).encode("utf-8"),
                                     method=method, headers=headers)
    try:
        with _direct.open(request, timeout=10) as response:
            return response.status, json.loads(response.read().decode("utf-8") or "null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read().decode("utf-8") or "null")


def token_of(hub, login):
    status, answer = api(hub, "POST", "/api/v1/staff/login", {"login": login, "password": PASSWORD})
    assert status == 200, answer
    return answer["token"]


def log_in(driver, hub, login, lands_on):
    """Logs in through the form; a letter role lands on its own letters page."""
    driver.delete_all_cookies()
    driver.get(hub.url + "/staff/login")
    by_id(driver, "login").send_keys(login)
    by_id(driver, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait_for(driver, lambda d: d.current_url.split("?")[0].endswith(lands_on))


def letters_stored(hub):
    return int(hub.sql("select count(*) from letters").strip())


def test_front_office_enters_a_request_and_prints_the_receipt(regency, browser):
    hub = regency
    log_in(browser, hub, "fo.sukamaju", "/staff/letters")
    assert by_id(browser, "no-letters").is_displayed()
    by_id(browser, "new-letter").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "type-form")))
    Select(by_id(browser, "type")).select_by_value("pindah")
    by_id(browser, "choose-type").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "letter-form")))
    # The fields come from the type's definitions: a number with its bounds, a required text.
    followers = browser.find_element(By.ID, "fields.jumlah_pengikut")
    assert followers.get_attribute("type") == "number" and followers.get_attribute("min") == "0"

    # Sent with mistakes: a short NIK, no name, a required field left empty. Everything is listed.
    by_id(browser, "applicant.nik").send_keys("12345")
    by_id(browser, "applicant.address").send_keys("RT 01 RW 02 Dusun Krajan")
    by_id(browser, "fields.alamat_tujuan").send_keys("Jl. Merdeka 10, Kota Malang")
    by_id(browser, "submit-letter").click()
    summary = wait_for(browser, EC.presence_of_element_located((By.ID, "error-summary")))
    links = [link.get_attribute("href").rsplit("#", 1)[1] for link in summary.find_elements(By.TAG_NAME, "a")]
    assert {"applicant.nik", "applicant.name", "fields.alasan"} <= set(links), links
    assert by_id(browser, "applicant.nik").get_attribute("aria-invalid") == "true"
    assert by_id(browser, "applicant.address").get_attribute("value") == "RT 01 RW 02 Dusun Krajan"
    assert by_id(browser, "fields.alamat_tujuan").get_attribute("value") == "Jl. Merdeka 10, Kota Malang"
    assert letters_stored(hub) == 0
    screenshot(browser, "letter-entry-refused.png")

    nik = by_id(browser, "applicant.nik")
    nik.clear()
    nik.send_keys("3599010101900001")
    by_id(browser, "applicant.name").send_keys("Siti Aminah")
    by_id(browser, "applicant.occupation").send_keys("Petani")
    by_id(browser, "fields.alasan").send_keys("pekerjaan")
    followers = by_id(browser, "fields.jumlah_pengikut")
    followers.clear()
    followers.send_keys("2")
    by_id(browser, "submit-letter").click()
    wait_for(browser, lambda d: RECEIPT_URL.search(d.current_url.split("?")[0]))
    code = RECEIPT_URL.search(browser.current_url.split("?")[0]).group(1)
    receipt_code = by_id(browser, "tracking-code")
    assert receipt_code.get_attribute("data-code") == code
    assert float(receipt_code.value_of_css_property("font-size").rstrip("px")) >= 28
    assert by_id(browser, "tracking-url").text.endswith(f"/letters/{code}")
    assert "Siti Aminah" in by_id(browser, "receipt").text and "3599010101900001" not in by_id(browser, "receipt").text
    assert by_id(browser, "print").is_displayed()  # the form script shows the print button
    screenshot(browser, "letter-receipt.png")
    assert letters_stored(hub) == 1
    status, view = api(hub, "GET", f"/api/v1/letters/{code}")
    assert status == 200 and view["status"] == "village_check" and view["step_due_at"]

    # The address on the receipt is the citizen's page: the desk and since when, no name.
    browser.get(hub.url + f"/letters/{code}")
    wait_for(browser, EC.presence_of_element_located((By.ID, "position")))
    assert by_id(browser, "status").get_attribute("data-status") == "village_check"
    assert by_id(browser, "desk").text == "Sekretaris Desa"
    assert "Siti Aminah" not in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "letter-tracking.png")


def test_camat_signs_on_the_letter_page(regency, browser):
    hub = regency
    status, entered = api(hub, "POST", "/api/v1/staff/letters", {
        "type": "pindah", "applicant": {"nik": "3599010101900002", "name": "Joko Widodo", "address": "Dusun Krajan RT 03"},
        "fields": {"alamat_tujuan": "Jl. Kawi 3, Kota Malang", "alasan": "pekerjaan", "jumlah_pengikut": 1}},
        token=token_of(hub, "fo.sukamaju"))
    assert status == 201, entered
    code = entered["code"]
    for login, action in (("sekdes.sukamaju", "pass"), ("kades.sukamaju", "sign"), ("fo.sukasari", "pass"),
                          ("kasi.sukasari", "pass")):
        status, answer = api(hub, "POST", f"/api/v1/staff/letters/{code}/{action}", {}, token=token_of(hub, login))
        assert status == 200, (login, answer)

    log_in(browser, hub, "camat.sukasari", "/staff/letters")
    row = browser.find_element(By.CSS_SELECTOR, f"#letters tr[data-code='{code}']")
    assert "Surat Keterangan Pindah" in row.text and "Sukamaju" in row.text and "Menunggu tanda tangan camat" in row.text
    row.find_element(By.LINK_TEXT, code).click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "letter-step")))
    assert by_id(browser, "letter-step").get_attribute("data-step") == "district_sign"
    assert "WIB" in by_id(browser, "step-due").text
    forms = {form.get_attribute("id") for form in browser.find_elements(By.CSS_SELECTOR, "#actions form")}
    assert forms == {"form-sign", "form-reject"}
    assert "Joko Widodo" in by_id(browser, "applicant").text and "Jl. Kawi 3" in by_id(browser, "fields").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#history li")) == 5
    screenshot(browser, "letter-camat-before-signing.png")
    by_id(browser, "do-sign").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "letter-step").get_attribute("data-step") == "ready")
    assert by_id(browser, "letter-number").text.endswith(f"-{DISTRICT}-" + by_id(browser, "letter-number").text[-4:])
    assert by_id(browser, "no-actions").is_displayed()
    screenshot(browser, "letter-camat-signed.png")

    # The front office prints it: its page offers the PDF once ready.
    log_in(browser, hub, "fo.sukamaju", "/staff/letters")
    browser.get(hub.url + f"/staff/letters/{code}")
    pdf_link = by_id(browser, "pdf-link").get_attribute("href")
    with _direct.open(pdf_link, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        pdf = response.read()
    assert pdf.startswith(b"%PDF-")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "letter.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):  # the picture is for a person to look at (Debian's poppler-utils)
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(ARTIFACTS / "letter.pdf"), str(ARTIFACTS / "letter-page")], check=True)
        assert any(ARTIFACTS.glob("letter-page-*.png"))


def test_secretary_returns_with_a_reason_and_the_front_office_corrects_on_the_page(regency, browser):
    hub = regency
    status, entered = api(hub, "POST", "/api/v1/staff/letters", {
        "type": "domisili", "applicant": {"nik": "3599010101900003", "name": "Sri Rahayu", "address": "Dusun Krajan RT 04"},
        "fields": {"alamat_domisili": "Dusun Krajan RT 04", "sejak": "2015-06-01", "keperluan": "melamar kerja"}},
        token=token_of(hub, "fo.sukamaju"))
    assert status == 201, entered
    code = entered["code"]

    log_in(browser, hub, "sekdes.sukamaju", "/staff/letters")
    browser.get(hub.url + f"/staff/letters/{code}")
    assert {form.get_attribute("id") for form in browser.find_elements(By.CSS_SELECTOR, "#actions form")} == \
        {"form-pass", "form-return", "form-reject"}
    by_id(browser, "reason-return").send_keys("Alamat domisili belum lengkap")
    by_id(browser, "do-return").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "letter-step").get_attribute("data-step") == "correction")
    assert "Alamat domisili belum lengkap" in by_id(browser, "history").text

    log_in(browser, hub, "fo.sukamaju", "/staff/letters")
    browser.get(hub.url + f"/staff/letters/{code}")
    assert by_id(browser, "applicant.name").get_attribute("value") == "Sri Rahayu"
    address = by_id(browser, "fields.alamat_domisili")
    address.clear()
    by_id(browser, "do-pass").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "error-summary")))
    assert by_id(browser, "letter-step").get_attribute("data-step") == "correction"
    assert by_id(browser, "fields.alamat_domisili").get_attribute("aria-invalid") == "true"
    assert by_id(browser, "fields.keperluan").get_attribute("value") == "melamar kerja"  # what was sent stays
    assert by_id(browser, "fields.alamat_domisili").get_attribute("value") == ""
    address = by_id(browser, "fields.alamat_domisili")
    address.send_keys("Dusun Krajan RT 04 RW 01 No. 7")
    by_id(browser, "do-pass").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "letter-step").get_attribute("data-step") == "village_check")
    screenshot(browser, "letter-corrected.png")
    status, view = api(hub, "GET", f"/api/v1/staff/letters/{code}", token=token_of(hub, "sekdes.sukamaju"))
    assert status == 200 and view["fields"]["alamat_domisili"] == "Dusun Krajan RT 04 RW 01 No. 7", (status, view)

"""The staff pages under /staff/ driven in a real browser (headless Chromium through Selenium).

A citizen files a public, non-anonymous complaint through the JSON API; once the public-works
module has taken it, a public-works officer logs in through the form, finds the case in the queue
(and again after filtering it), opens it, sees the reporter's e-mail, claims it, adds a public note
and resolves it with an after-photo sent from a real file. The citizen's tracking page then shows
the resolution, the public note and the feedback form, and never the officer's login. A form whose
CSRF token was tampered with is refused with the 'form expired' page, and logging out from the
header ends the session.

A desk officer disposes a case to a sub-unit (UPT) from the case page: an account of that unit then
finds it in its queue, an account of another unit neither sees it nor can open it, and the citizen's
tracking page names the unit. A note sent after the session was ended elsewhere is not stored but
comes back on the login page, whose login leads back to the case. The queue's search box opens a
case from its code typed as a citizen reads it out.

One hub and one browser serve the whole module (see conftest.py). Screenshots go to artifacts/browser/.
Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser
"""

import base64
import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pyhub
import pytest
from conftest import by_id, png_bytes, screenshot, wait_for

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    pass

OFFICER = "rina.pu"
PASSWORD = "jalan-mulus-2024"
REPORTER_EMAIL = "budi.santoso@example.id"
REPORTER_NAME = "Budi Santoso"
# Accounts bound to a sub-unit of the public works agency (dpupr), seeded by migration 009.
LIGHTING_OFFICER = "agus.pju"      # dpupr-pju, UPT Penerangan Jalan Umum
ROADS_OFFICER = "dedi.jalan"       # dpupr-jalan, UPT Pemeliharaan Jalan dan Jembatan
LIGHTING_UNIT = "UPT Penerangan Jalan Umum"
NOT_FOUND = "Tidak ada kasus dengan kode itu yang boleh Anda lihat."
# Local addresses only: a proxy configured in the environment must not see the API calls.
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# ----------------------------------------------------------------------------------------------
# Fixtures and helpers


@pytest.fixture(scope="module")
def officer(hub):
    """A public-works staff account, created once for the module; its login."""
    hub.hubctl("user", "add", OFFICER, "--role", "staff", "--module", "public-works", stdin=PASSWORD + "\n")
    return OFFICER


@pytest.fixture(scope="module")
def unit_officers(hub):
    """Two public-works staff accounts bound to a sub-unit each; their logins."""
    for login, unit in ((LIGHTING_OFFICER, "dpupr-pju"), (ROADS_OFFICER, "dpupr-jalan")):
        hub.hubctl("user", "add", login, "--role", "staff", "--module", "public-works", "--sub-unit", unit,
                   stdin=PASSWORD + "\n")
    return LIGHTING_OFFICER, ROADS_OFFICER


@pytest.fixture
def staff(hub, browser, officer):
    """The browser logged in as the officer; its cookies cleared afterwards, whatever the test did."""
    log_in(browser, hub, officer)
    yield browser
    browser.delete_all_cookies()


@pytest.fixture(scope="module")
def after_photo(tmp_path_factory):
    """A PNG unlike the citizen's, as the officer's after-photo."""
    path = tmp_path_factory.mktemp("after-photo") / "jalan-sudah-ditambal.png"
    path.write_bytes(png_bytes(width=64, height=40, blue=40))
    return path


def api(hub, method, path, body=None):
    """One JSON request to the gateway; the status and the decoded answer."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(hub.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    with _direct.open(request, timeout=10) as response:
        return response.status, json.loads(response.read().decode("utf-8"))


def dispatched_complaint(hub, description, photos=()):
    """A public, non-anonymous public-works complaint, once its module has taken it; its code."""
    status, created = api(hub, "POST", "/api/v1/complaints", {
        "category": "pekerjaan-umum", "description": description, "location": "Jl. Cendana depan Puskesmas",
        "kelurahan": "Sukamaju", "kecamatan": "Cibeunying", "anonymous": False, "confidential": False,
        "contact": {"name": REPORTER_NAME, "email": REPORTER_EMAIL},
        "photos": [base64.b64encode(photo).decode("ascii") for photo in photos]})
    assert status == 201, created
    code = created["tracking_code"]
    pyhub.wait_until(lambda: api(hub, "GET", f"/api/v1/complaints/{code}")[1], lambda view: view["status"] == "dispatched",
                     f"{code} dispatched")
    return code


def api_with_token(hub, token, method, path, body=None):
    """One JSON request as a signed-in account (Bearer token); the status and the decoded answer,
    for refusals too."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(hub.url + path, data=data, method=method, headers={
        "Content-Type": "application/json", "Accept": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with _direct.open(request, timeout=10) as response:
            raw = response.read().decode("utf-8")
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read().decode("utf-8")
        return error.code, json.loads(raw) if raw else None


def session_token(driver):
    """The browser's staff session token (the HttpOnly `hub_session` cookie, which WebDriver reads)."""
    cookie = driver.get_cookie("hub_session")
    assert cookie and cookie["value"], f"no session cookie in {driver.get_cookies()}"
    return cookie["value"]


def status_of(driver, url, method="GET", form_id=None):
    """The HTTP status of `url` as the page's own fetch sees it (Selenium does not see a navigation's);
    with `form_id`, that form's fields are sent."""
    return driver.execute_async_script("""
        const [url, method, formId, done] = arguments;
        const body = formId ? new URLSearchParams(new FormData(document.getElementById(formId))) : undefined;
        fetch(url, {method, body, redirect: 'manual'}).then(answer => done(answer.status), error => done(String(error)));""",
        url, method, form_id)


def detail(driver, label):
    """The value of the case page's details row `label`, or None when the page has no such row."""
    for term in driver.find_elements(By.CSS_SELECTOR, "main dl dt"):
        if term.text.strip() == label:
            return term.find_element(By.XPATH, "following-sibling::dd[1]").text
    return None


def queue_codes(driver):
    return [row.get_attribute("data-code") for row in driver.find_elements(By.CSS_SELECTOR, "table#queue tbody tr")]


def log_in(driver, hub, login, password=PASSWORD):
    """Logs in through the form, as someone sent to the login page would, and waits for the queue."""
    driver.get(hub.url + "/staff/login")
    by_id(driver, "login").send_keys(login)
    by_id(driver, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait_for(driver, EC.presence_of_element_located((By.ID, "queue")))


def path_of(driver):
    """The current URL's path and query."""
    url = urlsplit(driver.current_url)
    return url.path + (f"?{url.query}" if url.query else "")


def main_text(driver):
    return driver.find_element(By.CSS_SELECTOR, "main").text


def unfold(driver):
    """Opens the case page's folded actions (`<details id="other-actions">`), as an officer clicks
    "Tindakan lain"; the actions the lifecycle expects next are never folded."""
    folded = driver.find_elements(By.CSS_SELECTOR, "details#other-actions:not([open]) > summary")
    if folded:
        folded[0].click()


def act(driver, action):
    """Sends one action form of the case page and waits for the case page that follows it."""
    unfold(driver)
    form = by_id(driver, f"action-{action}")
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait_for(driver, EC.staleness_of(form))
    wait_for(driver, lambda driver: driver.execute_script("return document.readyState") == "complete")
    page = driver.find_element(By.TAG_NAME, "body").text[:500]
    assert driver.find_elements(By.ID, "case-code"), f"{action} led to {path_of(driver)}: {page}"
    assert not driver.find_elements(By.ID, "page-error"), f"{action} refused: {by_id(driver, 'page-error').text}"


def case_status(driver):
    status = by_id(driver, "status")
    return status.get_attribute("data-status"), status.text


def loaded_image(driver, selector):
    """The image, once the browser has fetched and decoded it (scrolled to: images load lazily)."""
    image = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView()", image)
    wait_for(driver, lambda driver: driver.execute_script("return arguments[0].complete", image))
    return image


def natural_size(driver, image):
    return driver.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image)


def unlabelled_fields(driver):
    """Form fields a screen reader would announce without a name."""
    return driver.execute_script("""
        return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(field => !field.labels.length && !field.getAttribute('aria-label')
                             && !field.getAttribute('aria-labelledby'))
            .map(field => field.outerHTML);""")


def logout_button(driver):
    return driver.find_element(By.CSS_SELECTOR, "header nav form[action^='/staff/logout'] button[type='submit']")


# ----------------------------------------------------------------------------------------------
# Tests


def test_officer_claims_notes_and_resolves_a_case_with_an_after_photo(hub, browser, officer, after_photo):
    description = "Jalan berlubang sedalam 20 cm di depan Puskesmas, motor sering terjatuh."
    code = dispatched_complaint(hub, description, photos=[png_bytes()])

    # The staff area sends a stranger to the login page, in Indonesian.
    browser.delete_all_cookies()
    browser.get(hub.url + "/staff/")
    wait_for(browser, EC.presence_of_element_located((By.ID, "login")))
    assert path_of(browser) == "/staff/login"
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "id"
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Masuk sebagai petugas"
    assert browser.find_element(By.CSS_SELECTOR, "label[for='login']").text == "Nama akun"
    assert browser.find_element(By.CSS_SELECTOR, "label[for='password']").text == "Kata sandi"
    assert unlabelled_fields(browser) == []

    log_in(browser, hub, officer)
    assert path_of(browser) == "/staff/"
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Antrean"
    assert officer in browser.find_element(By.CSS_SELECTOR, "header").text
    row = browser.find_element(By.CSS_SELECTOR, f"table#queue tr[data-code='{code}']")
    assert "Pekerjaan Umum" in row.text, row.text
    assert "Diteruskan ke instansi" in row.text
    assert "Sukamaju" in row.text
    assert unlabelled_fields(browser) == []
    screenshot(browser, "staff-queue.png")

    # Filtering by status keeps the case; the counts list the dispatched one.
    Select(by_id(browser, "status")).select_by_value("dispatched")
    apply = browser.find_element(By.CSS_SELECTOR, "form.filters button[type='submit']")
    assert apply.text == "Terapkan"
    apply.click()
    wait_for(browser, EC.url_contains("status=dispatched"))
    assert Select(by_id(browser, "status")).first_selected_option.get_attribute("value") == "dispatched"
    assert browser.find_elements(By.CSS_SELECTOR, f"table#queue tr[data-code='{code}']")
    rows = browser.find_elements(By.CSS_SELECTOR, "table#queue tbody tr")
    assert all("Diteruskan ke instansi" in row.text for row in rows)
    counts = by_id(browser, "counts")
    dispatched = counts.find_element(By.CSS_SELECTOR, "li[data-status='dispatched']").text
    assert dispatched == f"Diteruskan ke instansi: {len(rows)}", dispatched
    assert counts.find_element(By.CSS_SELECTOR, "li[data-status='overdue']").text == "Lewat batas waktu: 0"

    # The case page: the reporter (not anonymous), the description and the timeline.
    browser.find_element(By.CSS_SELECTOR, f"tr[data-code='{code}'] a").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
    assert path_of(browser) == f"/staff/cases/{code}"
    assert by_id(browser, "case-code").text == code
    assert case_status(browser) == ("dispatched", "Diteruskan ke instansi")
    reporter = by_id(browser, "reporter").text
    assert REPORTER_EMAIL in reporter and REPORTER_NAME in reporter
    assert by_id(browser, "description").text == description
    assert "Jl. Cendana depan Puskesmas" in main_text(browser)
    kinds = [item.get_attribute("data-kind") for item in browser.find_elements(By.CSS_SELECTOR, "#timeline li")]
    assert kinds == ["submitted", "dispatched"], kinds
    assert browser.find_element(By.CSS_SELECTOR, "#action-claim button").text == "Ambil dan kerjakan"
    assert unlabelled_fields(browser) == []
    # The citizen's photo, served to staff only, loads in the page.
    report_photo = loaded_image(browser, f"img[src^='/staff/cases/{code}/photos/']")
    assert natural_size(browser, report_photo) == [48, 32]
    assert report_photo.get_attribute("alt") == "Foto laporan 1"
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "staff-case.png")

    # Claim: the page says it was saved and the case is in progress.
    act(browser, "claim")
    assert path_of(browser) == f"/staff/cases/{code}?done=claim"
    assert browser.find_element(By.CSS_SELECTOR, "p.notice[role='status']").text == "Kasus diambil."
    assert case_status(browser) == ("in_progress", "Sedang ditindaklanjuti")
    assert not browser.find_elements(By.ID, "action-claim")
    assert unlabelled_fields(browser) == []  # the forms of the case in progress (note, resolve, …)

    # A public note, for the reporter to read.
    public_note = "Tim sudah meninjau lokasi; penambalan dijadwalkan Kamis pagi."
    unfold(browser)
    by_id(browser, "action-notes-note").send_keys(public_note)
    public_box = browser.find_element(By.CSS_SELECTOR, "#action-notes input[type='checkbox'][name='public']")
    public_box.click()
    assert public_box.is_selected()
    act(browser, "notes")
    assert path_of(browser) == f"/staff/cases/{code}?done=notes"
    assert case_status(browser)[0] == "in_progress"
    note_item = browser.find_elements(By.CSS_SELECTOR, "#timeline li[data-kind='note']")[-1]
    assert public_note in note_item.text and "(publik)" in note_item.text

    # Resolve, with a note and an after-photo sent as multipart from a real file.
    form = by_id(browser, "action-resolve")
    assert form.get_attribute("enctype") == "multipart/form-data"
    resolution = "Lubang sudah ditambal dengan aspal hotmix sepanjang 3 meter."
    by_id(browser, "action-resolve-note").send_keys(resolution)
    by_id(browser, "action-resolve-photos").send_keys(str(after_photo))
    act(browser, "resolve")
    assert path_of(browser) == f"/staff/cases/{code}?done=resolve"
    assert case_status(browser) == ("resolved", "Selesai ditindaklanjuti")
    assert [item.get_attribute("data-kind") for item in browser.find_elements(By.CSS_SELECTOR, "#timeline li")][-1] == "resolved"
    assert resolution in by_id(browser, "timeline").text
    after = loaded_image(browser, "figure img[alt='Foto hasil tindak lanjut 1']")
    assert after.get_attribute("src").startswith(f"{hub.url}/staff/cases/{code}/photos/")
    assert natural_size(browser, after) == [64, 40]
    stored = hub.sql("select count(*) from complaint_photos p join complaints c on c.id = p.complaint_id "
                     f"where c.tracking_code = '{code}' and p.purpose = 'resolution'")
    assert stored == "1"
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "staff-case-resolved.png")

    # The citizen's side: resolved, the public note, the feedback form, and no officer's login.
    browser.get(f"{hub.url}/track/{code}")
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Lacak pengaduan"
    assert by_id(browser, "status").get_attribute("data-status") == "resolved"
    assert by_id(browser, "status").text == "Selesai ditindaklanjuti"
    page = main_text(browser)
    assert public_note in page and resolution in page
    assert description in page  # the complaint is public (not confidential)
    source = browser.page_source
    assert officer not in source
    assert REPORTER_EMAIL not in source and REPORTER_NAME not in source
    # The after-photo is public too (the complaint is not confidential), and loads.
    public_after = loaded_image(browser, f"img[src='/api/v1/complaints/{code}/resolution-photos/1']")
    assert natural_size(browser, public_after) == [64, 40]
    browser.execute_script("window.scrollTo(0, 0)")
    feedback = by_id(browser, "feedback")
    assert feedback.find_element(By.CSS_SELECTOR, "h2").text == "Apakah masalah Anda sudah selesai?"
    assert len(feedback.find_elements(By.CSS_SELECTOR, "input[type='radio'][name='rating']")) == 5
    screenshot(browser, "citizen-tracking-resolved.png")


def test_a_form_with_a_tampered_csrf_token_gets_the_form_expired_page(hub, staff):
    code = dispatched_complaint(hub, "Saluran air tersumbat sampah di gang Melati, air meluap saat hujan.")
    staff.get(f"{hub.url}/staff/cases/{code}")
    note = "Catatan yang tidak boleh tersimpan."
    unfold(staff)
    by_id(staff, "action-notes-note").send_keys(note)
    staff.execute_script("document.querySelector('#action-notes input[name=csrf]').value = 'x'.repeat(32)")

    # The answer's status, from the page itself (Selenium does not see it on a navigation).
    status = staff.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const form = document.getElementById('action-notes');
        fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual'})
            .then(answer => done(answer.status), error => done(String(error)));""")
    assert status == 403

    staff.find_element(By.CSS_SELECTOR, "#action-notes button[type='submit']").click()
    error = wait_for(staff, EC.presence_of_element_located((By.ID, "page-error")))
    assert path_of(staff) == f"/staff/cases/{code}/notes"
    assert error.get_attribute("role") == "alert"
    assert error.text.startswith("Formulir kedaluwarsa"), error.text
    assert staff.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "id"
    screenshot(staff, "staff-form-expired.png")

    # Nothing happened to the case.
    staff.get(f"{hub.url}/staff/cases/{code}")
    assert case_status(staff)[0] == "dispatched"
    assert note not in by_id(staff, "timeline").text
    assert hub.sql("select count(*) from complaint_events e join complaints c on c.id = e.complaint_id "
                   f"where c.tracking_code = '{code}' and e.kind = 'note'") == "0"


def test_logout_from_the_header_ends_the_session(hub, staff, officer):
    staff.get(hub.url + "/staff/")
    button = logout_button(staff)
    assert button.text == "Keluar"
    button.click()
    wait_for(staff, EC.presence_of_element_located((By.ID, "login")))
    assert path_of(staff) == "/staff/login"
    assert officer not in staff.find_element(By.CSS_SELECTOR, "header").text
    assert not staff.find_elements(By.CSS_SELECTOR, "header nav form")

    staff.get(hub.url + "/staff/")
    wait_for(staff, EC.presence_of_element_located((By.ID, "login")))
    assert path_of(staff) == "/staff/login"
    assert not staff.find_elements(By.ID, "queue")


def test_a_desk_officer_disposes_a_case_to_a_sub_unit_that_only_that_unit_then_works(hub, browser, officer, unit_officers):
    lighting, roads = unit_officers
    description = "Lampu penerangan jalan di Jl. Cendana padam tiga malam berturut-turut, jalan gelap gulita."
    code = dispatched_complaint(hub, description)
    undisposed = dispatched_complaint(hub, "Tiang lampu miring di ujung gang Kenanga, dikhawatirkan roboh.")
    assert hub.sql(f"select coalesce(sub_unit_code, '-') from complaints where tracking_code = '{code}'") == "-"

    try:
        # The desk officer (no sub-unit) disposes the case from its page.
        browser.delete_all_cookies()
        log_in(browser, hub, officer)
        browser.get(f"{hub.url}/staff/cases/{code}")
        wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
        assert detail(browser, "Unit pelaksana") is None  # not disposed yet
        unfold(browser)  # disposing is not the step a dispatched case expects next
        form = by_id(browser, "action-dispose")
        assert form.find_element(By.CSS_SELECTOR, "button[type='submit']").text == "Disposisikan ke unit pelaksana"
        unit = Select(by_id(browser, "action-dispose-unit"))
        assert by_id(browser, "action-dispose-unit").get_attribute("name") == "sub_unit"
        offered = {option.get_attribute("value"): option.text for option in unit.options}
        # Only the units of the case's agency (dpupr), none of another agency's.
        assert set(offered) == {"", "dpupr-jalan", "dpupr-pju", "dpupr-drainase"}, offered
        # Nothing is chosen until the officer chooses: a careless click sends the case nowhere.
        assert unit.first_selected_option.get_attribute("value") == "", offered
        assert offered["dpupr-pju"] == LIGHTING_UNIT
        unit.select_by_visible_text(LIGHTING_UNIT)
        act(browser, "dispose")
        assert path_of(browser) == f"/staff/cases/{code}?done=dispose"
        assert browser.find_element(By.CSS_SELECTOR, "p.notice[role='status']").text == "Kasus didisposisikan ke unit pelaksana."
        assert detail(browser, "Unit pelaksana") == LIGHTING_UNIT
        assert case_status(browser) == ("dispatched", "Diteruskan ke instansi")  # disposal keeps the status
        last = browser.find_elements(By.CSS_SELECTOR, "#timeline li")[-1]
        assert last.get_attribute("data-kind") == "disposed"
        assert LIGHTING_UNIT in last.text and "(publik)" in last.text, last.text
        # The form now offers only the other units, none chosen.
        again = Select(by_id(browser, "action-dispose-unit"))
        assert {o.get_attribute("value") for o in again.options} == {"", "dpupr-jalan", "dpupr-drainase"}
        assert again.first_selected_option.get_attribute("value") == ""
        screenshot(browser, "staff-case-disposed.png")
        # Stored, as the JSON API and the database tell.
        status, stored = api_with_token(hub, session_token(browser), "GET", f"/api/v1/staff/cases/{code}")
        assert status == 200 and stored["sub_unit"] == "dpupr-pju", stored
        assert stored["timeline"][-1]["kind"] == "disposed" and stored["timeline"][-1]["note"] == LIGHTING_UNIT
        assert hub.sql(f"select sub_unit_code from complaints where tracking_code = '{code}'") == "dpupr-pju"

        # Another session: the street-lighting unit finds it in its queue (and not the undisposed case), and opens it.
        browser.delete_all_cookies()
        log_in(browser, hub, lighting)
        assert lighting in browser.find_element(By.CSS_SELECTOR, "header").text
        codes = queue_codes(browser)
        assert code in codes, codes
        assert undisposed not in codes, codes
        browser.find_element(By.CSS_SELECTOR, f"table#queue tr[data-code='{code}'] a").click()
        wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
        assert path_of(browser) == f"/staff/cases/{code}"
        assert by_id(browser, "case-code").text == code
        assert by_id(browser, "description").text == description
        assert detail(browser, "Unit pelaksana") == LIGHTING_UNIT
        assert not browser.find_elements(By.ID, "page-error")
        # ... and the undisposed case is not its to open.
        assert status_of(browser, f"{hub.url}/staff/cases/{undisposed}") == 404

        # The roads unit neither lists it nor opens it: the same not-found page as for an unknown code.
        browser.delete_all_cookies()
        log_in(browser, hub, roads)
        assert code not in queue_codes(browser)
        browser.get(f"{hub.url}/staff/cases/{code}")
        error = wait_for(browser, EC.presence_of_element_located((By.ID, "page-error")))
        assert error.text == NOT_FOUND
        assert not browser.find_elements(By.ID, "case-code")
        assert description not in browser.page_source
        assert status_of(browser, f"{hub.url}/staff/cases/{code}") == 404
        status, answer = api_with_token(hub, session_token(browser), "GET", f"/api/v1/staff/cases/{code}")
        assert status == 404, answer
    finally:
        browser.delete_all_cookies()

    # The citizen's tracking page names the unit, and nobody's login.
    browser.get(f"{hub.url}/track/{code}")
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == "Lacak pengaduan"
    page = main_text(browser)
    assert "Diteruskan ke unit pelaksana" in page, page
    assert LIGHTING_UNIT in page, page
    source = browser.page_source
    for login in (officer, lighting, roads):
        assert login not in source
    assert REPORTER_EMAIL not in source and REPORTER_NAME not in source
    screenshot(browser, "citizen-tracking-disposed.png")


def test_a_note_sent_after_the_session_ended_comes_back_on_the_login_page_that_leads_back(hub, staff, officer):
    code = dispatched_complaint(hub, "Trotoar ambles di depan SD Negeri 3, lubangnya membahayakan anak-anak.")
    case_path = f"/staff/cases/{code}"
    staff.get(hub.url + case_path)
    wait_for(staff, EC.presence_of_element_located((By.ID, "case-code")))
    note = "Sudah ditelepon pelapor <Pak Budi> & dijanjikan survei Senin.\nBawa meteran dan rambu."
    unfold(staff)
    by_id(staff, "action-notes-note").send_keys(note)

    # The session ends elsewhere: the JSON logout with the browser's own session token.
    token = session_token(staff)
    assert api_with_token(hub, token, "GET", "/api/v1/staff/me")[0] == 200
    status, _ = api_with_token(hub, token, "POST", "/api/v1/staff/logout")
    assert status == 204
    assert api_with_token(hub, token, "GET", "/api/v1/staff/me")[0] == 401

    # The form is answered 401 (the page's own fetch of it tells), then sent for real.
    assert status_of(staff, f"{hub.url}{case_path}/notes", "POST", "action-notes") == 401
    staff.find_element(By.CSS_SELECTOR, "#action-notes button[type='submit']").click()
    wait_for(staff, EC.presence_of_element_located((By.ID, "login")))
    assert path_of(staff) == f"{case_path}/notes"
    assert staff.find_element(By.CSS_SELECTOR, "h1").text == "Masuk sebagai petugas"
    error = by_id(staff, "page-error")
    assert error.text.startswith("Sesi Anda telah berakhir"), error.text
    assert officer not in staff.find_element(By.CSS_SELECTOR, "header").text
    kept = staff.find_elements(By.CSS_SELECTOR, "textarea.kept")
    assert len(kept) == 1
    assert kept[0].get_attribute("readonly") is not None
    assert kept[0].get_attribute("value") == note  # the text as typed, markup and line break included
    assert staff.find_element(By.CSS_SELECTOR, f"label[for='{kept[0].get_attribute('id')}']").text == "Catatan"
    screenshot(staff, "staff-session-ended.png")
    assert hub.sql("select count(*) from complaint_events e join complaints c on c.id = e.complaint_id "
                   f"where c.tracking_code = '{code}' and e.kind = 'note'") == "0"

    # Logging in on that page leads back to the case, where the note is not.
    by_id(staff, "login").send_keys(officer)
    by_id(staff, "password").send_keys(PASSWORD)
    staff.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait_for(staff, EC.presence_of_element_located((By.ID, "case-code")))
    assert path_of(staff) == case_path
    assert by_id(staff, "case-code").text == code
    assert officer in staff.find_element(By.CSS_SELECTOR, "header").text
    assert case_status(staff)[0] == "dispatched"
    assert "survei Senin" not in by_id(staff, "timeline").text
    assert by_id(staff, "action-notes-note").get_attribute("value") == ""
    new_token = session_token(staff)
    assert new_token != token
    status, stored = api_with_token(hub, new_token, "GET", f"/api/v1/staff/cases/{code}")
    assert status == 200
    assert [event["kind"] for event in stored["timeline"]] == ["submitted", "dispatched"], stored["timeline"]


def test_the_search_box_opens_a_case_from_its_code_as_read_out(hub, staff):
    code = dispatched_complaint(hub, "Gorong-gorong di Jl. Mawar tertutup lumpur, air menggenang sampai lutut.")
    staff.get(hub.url + "/staff/")
    box = by_id(staff, "find-code")
    assert box.get_attribute("name") == "code"
    assert staff.find_element(By.CSS_SELECTOR, "label[for='find-code']").text == "Cari kode pelacakan"

    # A code that cannot be read stays on the queue, kept in the box, with the reason.
    box.send_keys("abcd efgh")
    staff.find_element(By.CSS_SELECTOR, "form.find button[type='submit']").click()
    error = wait_for(staff, EC.presence_of_element_located((By.ID, "page-error")))
    assert error.text.startswith("Kode pelacakan itu tidak terbaca"), error.text
    assert urlsplit(staff.current_url).path == "/staff/"
    assert by_id(staff, "find-code").get_attribute("value") == "abcd efgh"
    assert not staff.find_elements(By.ID, "case-code")

    # As a citizen reads it out: lower case, grouped with a space and a dash.
    spoken = f"{code[:4]} {code[4:8]}-{code[8:]}".lower()
    assert spoken != code
    box = by_id(staff, "find-code")
    box.clear()
    box.send_keys(spoken)
    queue_page = staff.find_element(By.TAG_NAME, "html")
    staff.find_element(By.CSS_SELECTOR, "form.find button[type='submit']").click()
    wait_for(staff, EC.staleness_of(queue_page))  # the queue page with the earlier error is gone
    wait_for(staff, lambda driver: driver.find_elements(By.ID, "case-code") or driver.find_elements(By.ID, "page-error"))
    assert not staff.find_elements(By.ID, "page-error"), by_id(staff, "page-error").text
    assert path_of(staff) == f"/staff/cases/{code}"
    assert by_id(staff, "case-code").text == code
    assert by_id(staff, "case-code-grouped").text == f"{code[:4]}-{code[4:8]}-{code[8:]}"
    assert case_status(staff)[0] == "dispatched"

"""The queue and the case page as an officer who handles fifty cases a day works them, in a real
browser (headless Chromium through Selenium).

Three public-works complaints arrive. The officer searches the queue for a word of one of them and
finds that one alone, with a snippet of its text, its age and nobody holding it, "1–1 dari 1". On the
case page the complaint's text comes first, then the actions the lifecycle expects next as the
primary buttons (verify and claim for a dispatched case), the others folded. Claiming says
"Kasus diambil." and names the officer as the holder; the queue's "Milik saya" filter then lists that
case alone, and "Belum dipegang" the two others. Rejecting one asks for a ticked confirmation: the
browser will not send the form without it, and with it the page says the case was rejected.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser -k staff_queue
"""

import pyhub
import pytest
from conftest import by_id, screenshot, wait_for
from test_staff_pages import api

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select
except ImportError:
    pass

OFFICER = "sari.pu"
PASSWORD = "antrean-rapi-2024"


@pytest.fixture(scope="module")
def cases(hub):
    """Three dispatched public-works complaints; their codes by a word of each."""
    codes = {}
    for word, description in (("trotoar", "Trotoar ambles di depan pasar, pejalan kaki terpaksa turun ke jalan raya"),
                              ("gorong", "Gorong-gorong tersumbat sampah sejak minggu lalu"),
                              ("tiang", "Tiang lampu miring hampir roboh")):
        status, created = api(hub, "POST", "/api/v1/complaints", {
            "category": "pekerjaan-umum", "description": description, "location": "Jl. Kenanga",
            "kelurahan": "Sukamaju", "kecamatan": "Cibeunying", "anonymous": True, "confidential": False})
        assert status == 201, created
        codes[word] = created["tracking_code"]
    for code in codes.values():
        pyhub.wait_until(lambda: api(hub, "GET", f"/api/v1/complaints/{code}")[1], lambda view: view["status"] == "dispatched",
                         f"{code} dispatched")
    return codes


@pytest.fixture(scope="module")
def officer(hub, browser):
    hub.hubctl("user", "add", OFFICER, "--role", "staff", "--module", "public-works", stdin=PASSWORD + "\n")
    browser.get(hub.url + "/staff/login")
    by_id(browser, "login").send_keys(OFFICER)
    by_id(browser, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "queue")))
    return browser


def queue_codes(driver):
    return [row.get_attribute("data-code") for row in driver.find_elements(By.CSS_SELECTOR, "table#queue tbody tr")]


def apply_filters(driver, **changes):
    """Sets the queue's filter fields (a select by value, a box by its text) and applies them."""
    for name, value in changes.items():
        field = by_id(driver, name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)
    form = driver.find_element(By.CSS_SELECTOR, "form.filters")
    form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait_for(driver, EC.staleness_of(form))
    wait_for(driver, EC.presence_of_element_located((By.ID, "queue")))


def test_an_officer_searches_claims_filters_mine_and_confirms_a_rejection(hub, officer, cases):
    browser = officer
    browser.get(hub.url + "/staff/")
    wait_for(browser, EC.presence_of_element_located((By.ID, "queue")))
    assert set(cases.values()) <= set(queue_codes(browser))
    assert by_id(browser, "range").text == f"1–{len(queue_codes(browser))} dari {len(queue_codes(browser))}"

    # A word of one complaint, in another case, finds it alone.
    apply_filters(browser, q="TROTOAR")
    assert queue_codes(browser) == [cases["trotoar"]]
    row = browser.find_element(By.CSS_SELECTOR, f"tr[data-code='{cases['trotoar']}']")
    assert row.find_element(By.CSS_SELECTOR, "td.snippet").text.startswith("Trotoar ambles di depan pasar")
    assert row.find_element(By.CSS_SELECTOR, "td.age").text.endswith(("menit", "jam"))
    assert row.find_element(By.CSS_SELECTOR, "td.holder").text == "belum ada"
    assert by_id(browser, "range").text == "1–1 dari 1"
    assert by_id(browser, "q").get_attribute("value") == "TROTOAR"
    screenshot(browser, "staff-queue-search.png")

    # The case page: the text first, then the expected next steps as primary buttons, the rest folded.
    row.find_element(By.CSS_SELECTOR, "a").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
    assert by_id(browser, "holder").text == "Belum ada yang memegang kasus ini."
    primary = [form.get_attribute("id") for form in browser.find_elements(By.CSS_SELECTOR, "#next-actions form.action")]
    assert primary == ["action-verify", "action-claim"], primary
    description = by_id(browser, "description")
    assert description.location["y"] < by_id(browser, "next-actions").location["y"]
    folded = by_id(browser, "other-actions")
    assert folded.get_attribute("open") is None and not by_id(browser, "action-notes").is_displayed()
    assert "Pekerjaan Umum" in browser.find_element(By.CSS_SELECTOR, "p.lead").text
    screenshot(browser, "staff-case-next-steps.png")

    claim = by_id(browser, "action-claim")
    claim.find_element(By.CSS_SELECTOR, "button.primary").click()
    wait_for(browser, EC.staleness_of(claim))
    wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
    assert browser.find_element(By.CSS_SELECTOR, "p.notice[role='status']").text == "Kasus diambil."
    assert by_id(browser, "holder").text == f"Dipegang oleh: {OFFICER}"

    # "Mine" lists the claimed case alone, "unassigned" the others.
    browser.get(hub.url + "/staff/")
    wait_for(browser, EC.presence_of_element_located((By.ID, "queue")))
    apply_filters(browser, assignee="me")
    assert queue_codes(browser) == [cases["trotoar"]]
    assert browser.find_element(By.CSS_SELECTOR, "td.holder").text == OFFICER
    apply_filters(browser, assignee="none")
    unassigned = queue_codes(browser)
    assert cases["trotoar"] not in unassigned and {cases["gorong"], cases["tiang"]} <= set(unassigned)

    # Rejecting asks for a ticked confirmation, scripts or not.
    browser.get(f"{hub.url}/staff/cases/{cases['tiang']}")
    wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
    browser.find_element(By.CSS_SELECTOR, "details#other-actions > summary").click()
    by_id(browser, "action-reject-reason").send_keys("Tiang milik PLN, bukan wewenang dinas.")
    reject = by_id(browser, "action-reject")
    reject.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    box = by_id(browser, "action-reject-confirm")
    assert browser.execute_script("return arguments[0].validity.valueMissing", box)
    assert browser.current_url.endswith(f"/staff/cases/{cases['tiang']}"), "the unconfirmed form is not sent"
    box.click()
    reject.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    wait_for(browser, EC.staleness_of(reject))
    wait_for(browser, EC.presence_of_element_located((By.ID, "case-code")))
    assert browser.find_element(By.CSS_SELECTOR, "p.notice[role='status']").text == "Kasus ditolak; pelapor diberi tahu."
    assert by_id(browser, "status").get_attribute("data-status") == "rejected"

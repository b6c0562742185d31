"""The lost-code page and the answer to the officer's question, on a phone-sized screen (390×844),
in a real browser.

"Lupa kode?": a request sent empty comes back with the list of what to fix at the top, its item a
link to the email field, which has the focus; a well-formed request is answered with the same page
whether or not any case has that contact. While a case waits for its reporter, the tracking page
shows the officer's question and the reply form: an empty answer is refused with the hub's own words
listed at the top and beside the field (nothing stored), an answer sent is thanked for, the case
runs again, and the answer lands on the staff timeline (never on the public page). Screenshots go
to artifacts/browser/.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/browser
"""

import requests
from conftest import PHONE, by_id, focused_id, pyhub, screenshot, wait_for

try:  # without Selenium the module still loads, and conftest's `browser` fails each test saying why
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
except ImportError:
    pass

OFFICER = "rina.pu"
PASSWORD = "tanya-pelapor-2026"
QUESTION = "Lampu di depan rumah nomor berapa yang mati?"
ANSWER = "Di depan rumah nomor 12, dekat masjid."


def submit(hub, email):
    answer = requests.post(hub.url + "/api/v1/complaints", timeout=30, json={
        "category": "pekerjaan-umum", "description": "Lampu jalan mati sejak seminggu", "contact": {"email": email}})
    assert answer.status_code == 201, answer.text
    return answer.json()["tracking_code"]


def send(driver):
    driver.find_element(By.CSS_SELECTOR, "main form[method='post'] button[type='submit']").click()


def test_the_lost_code_page_lists_what_to_fix_and_answers_alike_whether_or_not_cases_exist(hub, phone):
    known = "lupa.di.ponsel@example.org"
    submit(hub, known)
    phone.get(hub.url + "/track?code=ZZZZ")
    wait_for(phone, EC.element_to_be_clickable((By.ID, "lost-code"))).click()
    wait_for(phone, EC.presence_of_element_located((By.ID, "email")))
    assert phone.current_url.endswith("/codes/resend")

    # Sent empty: the list at the top, within the phone's first screen, linking to the email field,
    # which has the focus.
    send(phone)
    summary = wait_for(phone, EC.presence_of_element_located((By.ID, "error-summary")))
    links = summary.find_elements(By.CSS_SELECTOR, "li a")
    assert [link.get_attribute("href").split("#")[1] for link in links] == ["email"]
    assert [link.text for link in links] == ["Isi alamat email atau nomor telepon (salah satu saja)."]
    summary_top = phone.execute_script("return arguments[0].getBoundingClientRect().top + window.scrollY", summary)
    form_top = phone.execute_script("return document.querySelector('main form').getBoundingClientRect().top + window.scrollY")
    assert summary_top < form_top and summary_top < PHONE[1]
    wait_for(phone, lambda driver: focused_id(driver) == "email")
    assert by_id(phone, "email").get_attribute("aria-invalid") == "true"
    screenshot(phone, "lost-code-refused-phone.png")
    by_id(phone, "phone").click()
    links[0].click()
    wait_for(phone, lambda driver: focused_id(driver) == "email")

    # A contact with a case and one without get the very same page.
    answers = []
    for email in (known, "tak.pernah.lapor@example.org"):
        by_id(phone, "email").clear()
        by_id(phone, "email").send_keys(email)
        send(phone)
        sent = wait_for(phone, EC.presence_of_element_located((By.ID, "resend-sent")))
        assert sent.text.startswith("Permintaan diterima.")
        answers.append(phone.find_element(By.CSS_SELECTOR, "main").get_attribute("innerHTML"))
        screenshot(phone, "lost-code-sent-phone.png")
        phone.get(hub.url + "/codes/resend")
    assert answers[0] == answers[1]


def test_the_reporter_answers_the_officers_question_on_the_tracking_page(hub, phone):
    hub.hubctl("user", "add", OFFICER, "--role", "staff", "--module", "public-works", stdin=PASSWORD + "\n")
    token = requests.post(hub.url + "/api/v1/staff/login", json={"login": OFFICER, "password": PASSWORD},
                          timeout=30).json()["token"]
    staff = {"Authorization": f"Bearer {token}"}
    code = submit(hub, "pelapor.ponsel@example.org")
    pyhub.wait_until(lambda: requests.get(hub.url + "/api/v1/complaints/" + code, timeout=30).json()["status"],
                     lambda status: status == "dispatched", f"{code} taken in")
    asked = requests.post(hub.url + f"/api/v1/staff/cases/{code}/ask", json={"question": QUESTION}, headers=staff, timeout=30)
    assert asked.status_code == 200 and asked.json()["status"] == "awaiting_reporter", asked.text

    phone.get(hub.url + "/track/" + code)
    assert by_id(phone, "status").get_attribute("data-status") == "awaiting_reporter"
    assert by_id(phone, "question").text == QUESTION
    timeline = lambda: requests.get(hub.url + "/api/v1/staff/cases/" + code, headers=staff, timeout=30).json()["timeline"]
    before = len(timeline())

    # An empty answer: the hub's words at the top and beside the field, the focus on it, nothing stored.
    by_id(phone, "reply-text").send_keys("   ")
    by_id(phone, "reply").find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    summary = wait_for(phone, EC.presence_of_element_located((By.ID, "error-summary")))
    links = summary.find_elements(By.CSS_SELECTOR, "li a")
    assert [(link.get_attribute("href").split("#")[1], link.text) for link in links] == [("reply-text", "Tuliskan jawaban Anda.")]
    assert by_id(phone, "reply-error").text == "Tuliskan jawaban Anda."
    summary_top = phone.execute_script("return arguments[0].getBoundingClientRect().top + window.scrollY", summary)
    assert summary_top < PHONE[1], "the list is on the first screen"
    wait_for(phone, lambda driver: focused_id(driver) == "reply-text")
    assert by_id(phone, "status").get_attribute("data-status") == "awaiting_reporter"
    assert len(timeline()) == before
    screenshot(phone, "reply-refused-phone.png")

    # The answer sent: thanked for, the case runs again, the answer on the staff timeline only.
    by_id(phone, "reply-text").clear()
    by_id(phone, "reply-text").send_keys(ANSWER)
    by_id(phone, "reply").find_element(By.CSS_SELECTOR, "button[type='submit']").click()
    thanks = wait_for(phone, EC.presence_of_element_located((By.ID, "reply-thanks")))
    assert thanks.text == "Terima kasih, jawaban Anda sudah diterima petugas."
    assert phone.current_url.endswith(f"/track/{code}?replied=1")
    assert by_id(phone, "status").get_attribute("data-status") == "dispatched"
    assert not phone.find_elements(By.ID, "reply-text"), "no form once the case runs again"
    assert ANSWER not in phone.find_element(By.CSS_SELECTOR, "main").text, "the answer is the officer's to read"
    screenshot(phone, "reply-sent-phone.png")
    replies = [event for event in timeline() if event["kind"] == "reporter_replied"]
    assert [(event["note"], event["public"]) for event in replies] == [(ANSWER, False)]

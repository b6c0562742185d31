"""Lost codes and followers (issue 14), end to end with a real SMTP server (aiosmtpd) and the HTTP
text-gateway stand-in: a lost-code request sends the contact's codes to that contact only, on its
channel only, with one identical answer whether or not any case exists, limited per address and per
contact in PostgreSQL (the limit survives intake's restart); a follower confirms with the button of
the mailed link's page (opening the link changes nothing: mail scanners open links), hears of status
changes with an unsubscribe link that a mail client's one-click POST (RFC 8058) uses, and hears
nothing after it; the reporter's choice of SMS or WhatsApp reaches the gateway.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/notifications -k codes_and_followers
"""

import html
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import pyhub  # noqa: E402
# The relays and a hub of this module's own, as the reporter's notices' tests start them.
from test_reporter_notifications import hub, relays, settle  # noqa: E402,F401

SITE = "https://lapor.pujaindah.go.id"


def submit(hub, contact, confidential=False, lang=None):
    response = hub.http.post(hub.url + "/api/v1/complaints" + (f"?lang={lang}" if lang else ""), timeout=30, json={
        "category": "pekerjaan-umum", "description": "Jalan berlubang di depan pasar", "anonymous": True,
        "confidential": confidential, "contact": contact})
    assert response.status_code == 201, response.text
    return response.json()["tracking_code"]


def resend(hub, body):
    return hub.http.post(hub.url + "/api/v1/codes/resend", json=body, timeout=30)


def local(link, hub):
    """The mailed link (on the public site) against the hub under test."""
    return link.replace(SITE, hub.url)


def test_resend_sends_a_contacts_codes_to_that_contact_only(hub, relays):
    mail, gateway = relays
    mine, other, phone = "lupa.kode@example.org", "orang.lain@example.org", "+6281234560301"
    public = submit(hub, {"email": mine, "phone": phone})
    secret = submit(hub, {"email": mine}, confidential=True)
    theirs = submit(hub, {"email": other})
    settle(lambda: mail.to(mine), 4, "the notices of both cases")
    settle(lambda: mail.to(other), 2, "the notices of the other case")
    texts_before = len(gateway.to(phone))

    answer = resend(hub, {"email": "Lupa.Kode@Example.org"})
    assert answer.status_code == 202, answer.text
    codes = pyhub.wait_until(lambda: [m for m in mail.to("Lupa.Kode@Example.org") if m["subject"] == "Kode pelacakan Anda"],
                             lambda got: len(got) >= 1, "the codes by email")
    body = codes[0]["body"]
    assert public in body and secret in body and theirs not in body
    assert f"{SITE}/track/{public}" in body
    secret_line = next(line for line in body.splitlines() if line.startswith(f"- {secret}"))
    assert "(" not in secret_line, "a confidential case shows only its code and status"
    time.sleep(1.5)
    assert len(gateway.to(phone)) == texts_before, "an email request is answered by email only"
    assert not [m for m in mail.to(other) if m["subject"] == "Kode pelacakan Anda"]

    # The same number however it is typed; the text goes to that number only.
    assert resend(hub, {"phone": "0812-3456-0301"}).status_code == 202
    texts = pyhub.wait_until(lambda: [t for t in gateway.to(phone) if "Kode pelacakan" in t["text"] or "kode pelacakan" in t["text"]],
                             lambda got: len(got) >= 1, "the codes by text")
    assert public in texts[-1]["text"] and secret not in texts[-1]["text"] and texts[-1]["channel"] == "sms"


def test_unknown_and_known_contacts_get_the_identical_answer(hub, relays):
    mail, _ = relays
    known = "dikenal@example.org"
    submit(hub, {"email": known})
    settle(lambda: mail.to(known), 2, "the notices")
    first = resend(hub, {"email": known})
    second = resend(hub, {"email": "tidak.ada@example.org"})
    assert (first.status_code, first.content) == (second.status_code, second.content) == (202, first.content)
    assert first.json()["status"] == "accepted"
    time.sleep(2)
    assert mail.to("tidak.ada@example.org") == []


def test_a_malformed_contact_is_a_clear_400(hub):
    for body, code in [({"email": "bukan-alamat"}, "invalid_email"), ({"phone": "12ab"}, "invalid_phone"), ({}, "contact_required"),
                       ({"email": "a@example.org", "phone": "+6281234567890"}, "contact_required")]:
        answer = resend(hub, body)
        assert answer.status_code == 400 and answer.json()["error"]["code"] == code, (body, answer.text)


def test_resend_is_limited_per_contact_across_an_intake_restart(hub):
    contact = {"email": "sering.minta@example.org"}
    assert [resend(hub, contact).status_code for _ in range(3)] == [202, 202, 202]
    hub.restart_intake()
    limited = resend(hub, contact)
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) > 0
    # The same address, another contact: still answered.
    assert resend(hub, {"email": "sekali.saja@example.org"}).status_code == 202
    stored = hub.sql("select string_agg(key, ' ') from rate_limit_windows")
    assert "sering.minta" not in stored and "127.0.0.1" not in stored


def test_the_lost_code_page_is_linked_from_track_and_answers_like_the_api(hub):
    lookup = hub.http.get(hub.url + "/track?code=ZZZZ", timeout=30)
    assert 'href="/codes/resend"' in lookup.text and "Lupa kode?" in lookup.text
    page = hub.http.get(hub.url + "/codes/resend", timeout=30)
    assert page.status_code == 200 and 'action="/codes/resend"' in page.text
    sent = hub.http.post(hub.url + "/codes/resend", data={"email": "halaman@example.org", "phone": ""}, timeout=30)
    assert sent.status_code == 200 and 'id="resend-sent"' in sent.text
    refused = hub.http.post(hub.url + "/codes/resend?lang=en", data={"email": "rusak"}, timeout=30)
    assert refused.status_code == 400 and "The email address is not valid." in refused.text


def follow(hub, code, email, lang=None):
    body = {"email": email} if lang is None else {"email": email, "lang": lang}
    return hub.http.post(hub.url + f"/api/v1/complaints/{code}/followers", json=body, timeout=30)


def button_action(page):
    """Where the page's one form (its button) posts."""
    return html.unescape(re.search(r'<form method="post" action="([^"]+)">', page).group(1))


def link_in(message, kind):
    return re.search(rf"{re.escape(SITE)}/follow/{kind}/[0-9a-f]{{48}}(\?lang=en)?", message["body"]).group(0)


def test_follow_confirm_hear_unsubscribe_then_hear_nothing(hub, relays):
    mail, _ = relays
    reporter, follower, english = "pelapor.ikut@example.org", "tetangga@example.org", "neighbour@example.org"
    code = submit(hub, {"email": reporter})
    hub.wait_status(code, "dispatched")
    assert follow(hub, code, follower).status_code == 202
    answer = follow(hub, code, english, lang="en")
    assert answer.status_code == 202 and answer.json()["status"] == "pending_confirmation"
    report = int(hub.sql(f"select id from complaints where tracking_code = '{code}'"))
    asked = pyhub.wait_until(lambda: mail.to(follower), lambda got: len(got) >= 1, "the confirmation")[0]
    assert asked["subject"] == f"Konfirmasi: mengikuti laporan #{report}"
    asked_en = pyhub.wait_until(lambda: mail.to(english), lambda got: len(got) >= 1, "the English confirmation")[0]
    assert asked_en["subject"] == f"Confirm: follow report #{report}"
    # A follower is never handed the reporter's code: the report is named by its public id.
    assert code not in asked["body"] and code not in asked_en["body"]

    staff = hub.login()
    hub.act(staff, code, "claim")
    # Not confirmed yet: the first change reaches the reporter only.
    hub.act(staff, code, "resolve", {"note": "Lubang sudah ditambal"})
    settle(lambda: mail.to(reporter), 3, "the reporter's three notices")
    assert len(mail.to(follower)) == 1

    # Opening the link (as a mail scanner does) changes nothing: its page offers the button.
    confirm = local(link_in(asked, "confirm"), hub)
    page = hub.http.get(confirm, timeout=30)
    assert page.status_code == 200 and 'id="follow-confirm"' in page.text and "Ya, ikuti pengaduan ini" in page.text
    assert hub.sql(f"select confirmed_at is null from complaint_followers where email = '{follower}'") == "t"
    # The button posts to the link itself.
    assert button_action(page.text) == confirm.removeprefix(hub.url)
    page = hub.http.post(hub.url + button_action(page.text), timeout=30)
    assert page.status_code == 200 and 'id="follow-status"' in page.text
    assert hub.sql(f"select confirmed_at is not null from complaint_followers where email = '{follower}'") == "t"
    again = hub.http.get(confirm, timeout=30)
    assert again.status_code == 200 and 'id="follow-status"' in again.text and 'id="follow-confirm"' not in again.text
    english_page = hub.http.get(local(link_in(asked_en, "confirm"), hub), timeout=30)
    assert english_page.status_code == 200 and "Yes, follow this complaint" in english_page.text
    assert hub.http.post(hub.url + button_action(english_page.text), timeout=30).status_code == 200

    feedback = hub.http.post(hub.url + f"/api/v1/complaints/{code}/feedback", json={"rating": 1, "reason": "Masih berlubang"},
                             timeout=30)
    assert feedback.status_code == 200, feedback.text
    news = pyhub.wait_until(lambda: mail.to(follower), lambda got: len(got) >= 2, "the follower's news")[1]
    assert news["subject"].startswith(f"Laporan #{report} yang Anda ikuti: ")
    assert "Pengaduan ini dibuka kembali." in news["body"] and f"{SITE}/laporan/{report}" in news["body"]
    assert code not in news["subject"] + news["body"]
    assert "pu.petugas" not in news["body"]
    unsubscribe = link_in(news, "unsubscribe")
    assert news["message"]["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert news["message"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    news_en = pyhub.wait_until(lambda: mail.to(english), lambda got: len(got) >= 2, "the English follower's news")[1]
    assert news_en["subject"].startswith(f"Report #{report} you follow") and "This complaint has been reopened." in news_en["body"]

    # Opening the link changes nothing; the mail client's one-click POST (RFC 8058) ends the following.
    opened = hub.http.get(local(unsubscribe, hub), timeout=30)
    assert opened.status_code == 200 and 'id="follow-unsubscribe"' in opened.text and "Berhenti mengikuti" in opened.text
    assert button_action(opened.text) == local(unsubscribe, hub).removeprefix(hub.url)
    assert hub.sql(f"select count(*) from complaint_followers where lower(email) = '{follower}'") == "1"
    stopped = hub.http.post(local(unsubscribe, hub), data={"List-Unsubscribe": "One-Click"}, timeout=30)
    assert stopped.status_code == 200 and 'id="follow-status"' in stopped.text
    assert hub.http.post(local(unsubscribe, hub), data={"List-Unsubscribe": "One-Click"}, timeout=30).status_code == 404
    assert hub.http.get(local(unsubscribe, hub), timeout=30).status_code == 404
    assert hub.sql(f"select count(*) from complaint_followers where lower(email) = '{follower}'") == "0"

    hub.act(staff, code, "resolve", {"note": "Sudah ditambal ulang"})
    settle(lambda: mail.to(reporter), 5, "the reporter's notices of reopening and resolving again")
    settle(lambda: mail.to(english), 3, "the English follower's news of resolving again")
    assert len(mail.to(follower)) == 2, "nothing after unsubscribing"


def test_following_refuses_clearly_and_stores_nothing_twice(hub, relays):
    mail, _ = relays
    public = submit(hub, {"email": "umum@example.org"})
    secret = submit(hub, {"email": "tertutup@example.org"}, confidential=True)
    cases = [(public, "bukan-email", 400, "invalid_email"), ("ABCDEFGHJKMNP", "a@example.org", 404, "complaint_not_found"),
             ("tidak-ada", "a@example.org", 404, "complaint_not_found"), (secret, "a@example.org", 403, "confidential_case")]
    for code, email, status, error in cases:
        answer = follow(hub, code, email)
        assert answer.status_code == status and answer.json()["error"]["code"] == error, (code, email, answer.text)
    assert follow(hub, public, "dobel@example.org").status_code == 202
    again = follow(hub, public, "Dobel@Example.org")
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_following"
    assert hub.sql("select count(*) from complaint_followers where lower(email) = 'dobel@example.org'") == "1"
    assert hub.sql("select count(*) from complaint_followers where email = 'a@example.org' or email = 'bukan-email'") == "0"
    time.sleep(1.5)
    assert len(mail.to("dobel@example.org")) == 1, "one confirmation"
    assert hub.http.get(hub.url + "/follow/confirm/" + "0" * 48, timeout=30).status_code == 404
    assert hub.http.post(hub.url + "/follow/confirm/" + "0" * 48, timeout=30).status_code == 404
    assert hub.http.get(hub.url + "/follow/unsubscribe/bukan-token", timeout=30).status_code == 404
    assert hub.http.post(hub.url + "/follow/unsubscribe/bukan-token", data={"List-Unsubscribe": "One-Click"},
                         timeout=30).status_code == 404


def test_the_tracking_page_offers_following_for_public_cases_only(hub):
    public = submit(hub, {"email": "lihat@example.org"})
    secret = submit(hub, {"email": "lihat.rahasia@example.org"}, confidential=True)
    assert 'id="follow"' in hub.http.get(hub.url + "/track/" + public, timeout=30).text
    assert 'id="follow"' not in hub.http.get(hub.url + "/track/" + secret, timeout=30).text
    page = hub.http.post(hub.url + f"/track/{public}/followers", data={"email": "dari.halaman@example.org"}, timeout=30)
    assert page.status_code == 200 and 'id="follow-status"' in page.text


def test_a_report_found_on_the_public_pages_is_followed_without_its_code(hub, relays):
    """Issue 17: a citizen who finds the same problem on /laporan (or near their point on the form)
    follows it from its page by its public id; the mails and pages name the report, never the code."""
    mail, _ = relays
    code = submit(hub, {"email": "pelapor.asli@example.org"})
    hub.wait_status(code, "dispatched")
    report = int(hub.sql(f"select id from complaints where tracking_code = '{code}'"))
    page = hub.http.get(hub.url + f"/laporan/{report}", timeout=30)
    assert page.status_code == 200 and f'action="/laporan/{report}/followers"' in page.text and code not in page.text
    asked = hub.http.post(hub.url + f"/laporan/{report}/followers", data={"email": "warga.sama@example.org"}, timeout=30)
    assert asked.status_code == 200 and 'id="follow-status"' in asked.text
    assert f'href="/laporan/{report}"' in asked.text and code not in asked.text
    confirmation = pyhub.wait_until(lambda: mail.to("warga.sama@example.org"), lambda got: len(got) >= 1, "the confirmation")[0]
    assert confirmation["subject"] == f"Konfirmasi: mengikuti laporan #{report}" and code not in confirmation["body"]
    opened = hub.http.get(local(link_in(confirmation, "confirm"), hub), timeout=30)
    assert opened.status_code == 200 and code not in opened.text
    secret = submit(hub, {"email": "rahasia.asli@example.org"}, confidential=True)
    hidden = int(hub.sql(f"select id from complaints where tracking_code = '{secret}'"))
    refused = hub.http.post(hub.url + f"/laporan/{hidden}/followers", data={"email": "warga.sama@example.org"}, timeout=30)
    assert refused.status_code == 404 and 'id="follow-error"' in refused.text and secret not in refused.text
    assert hub.sql(f"select count(*) from complaint_followers where complaint_id = {hidden}") == "0"


def test_the_reporter_chooses_sms_or_whatsapp(hub, relays):
    _, gateway = relays
    submit(hub, {"phone": "+6281234560401", "channel": "whatsapp"})
    submit(hub, {"phone": "+6281234560402"})
    assert {t["channel"] for t in settle(lambda: gateway.to("+6281234560401"), 2, "WhatsApp notices")} == {"whatsapp"}
    assert {t["channel"] for t in settle(lambda: gateway.to("+6281234560402"), 2, "default notices")} == {"sms"}
    refused = hub.http.post(hub.url + "/api/v1/complaints", timeout=30, json={
        "category": "pekerjaan-umum", "description": "Jalan rusak", "contact": {"phone": "+6281234560403", "channel": "merpati"}})
    assert refused.status_code in (400, 422) and "invalid_contact_channel" in refused.text
    form = hub.http.get(hub.url + "/", timeout=30).text
    assert 'name="contact_channel"' in form and '<option value="sms" selected>' in form

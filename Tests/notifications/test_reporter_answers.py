"""Answering (issue 14), end to end with the real executables: the officer asks, the question reaches
the reporter by mail (a real SMTP server, aiosmtpd) and by text message (a real HTTP server standing
in for the text gateway) and on the tracking page; the reporter answers through the API, the tracking
page's form and the text gateway's inbound webhook; the answer lands on the staff timeline, the queue
marks the case and the paused deadline runs again; bad input is refused and stores nothing.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/notifications
"""

import struct
import sys
import time
import zlib
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The relays and a hub of this module's own, as the notifications test starts them.
from test_reporter_notifications import SECRET, hub, relays, settle  # noqa: E402,F401


def staff_case(hub, token, code):
    response = hub.http.get(hub.url + "/api/v1/staff/cases/" + code, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def moment(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def one_pixel_png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes([0, 255, 128, 0]))) + chunk(b"IEND", b""))


def reply(hub, code, **kwargs):
    return hub.http.post(hub.url + f"/api/v1/complaints/{code}/replies", timeout=30, **kwargs)


def inbound(hub, body, secret=SECRET):
    return hub.http.post(hub.url + "/api/v1/inbound/text", json=body, headers={"X-Webhook-Secret": secret}, timeout=30)


def test_the_question_reaches_the_reporter_and_the_answer_resumes_the_case(hub, relays):
    mail, gateway = relays
    address, phone = "warga.jawab@example.org", "+6281234567001"
    code = hub.submit(email=address, phone=phone)
    hub.wait_status(code, "dispatched")
    staff = hub.login()
    hub.act(staff, code, "claim")
    due_before = moment(staff_case(hub, staff, code)["due_at"])
    settle(lambda: mail.to(address), 2, "received and taken in")

    asked_at = time.time()
    waiting = hub.act(staff, code, "ask", {"question": "Di depan rumah nomor berapa lampunya?"})
    assert waiting["status"] == "awaiting_reporter" and moment(waiting["due_at"]) > due_before
    mails = settle(lambda: mail.to(address), 3, "the question by mail")
    assert mails[2]["subject"] == f"Petugas bertanya tentang pengaduan {code}"
    assert "Pertanyaan petugas: Di depan rumah nomor berapa lampunya?" in mails[2]["body"]
    assert f"https://lapor.pujaindah.go.id/track/{code}#reply" in mails[2]["body"]
    texts = settle(lambda: gateway.to(phone), 3, "the question by text message")
    assert texts[2]["text"] == mails[2]["body"].replace("\r\n", "\n").strip()
    page = hub.http.get(hub.url + f"/track/{code}", timeout=30).text
    assert 'id="reply"' in page and "Di depan rumah nomor berapa lampunya?" in page

    # Bad input: refused with a clear 4xx, nothing stored.
    before = len(staff_case(hub, staff, code)["timeline"])
    for body, status, error in (({"text": "   "}, 400, "reply_required"), ({"text": "a" * 4001}, 400, "note_too_long"),
                                ({}, 400, "reply_required")):
        response = reply(hub, code, json=body)
        assert response.status_code == status and response.json()["error"]["code"] == error, response.text
    response = reply(hub, "ZZZZZZZZZZZZZ", json={"text": "Halo"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "complaint_not_found"
    assert len(staff_case(hub, staff, code)["timeline"]) == before and hub.status(code) == "awaiting_reporter"

    # The reporter answers through the API.
    response = reply(hub, code, json={"text": "Di depan rumah nomor 12, dekat masjid."})
    replied_at = time.time()
    assert response.status_code == 201, response.text
    assert response.json()["status"] == "in_progress"
    case = staff_case(hub, staff, code)
    assert case["status"] == "in_progress" and case["reporter_answered"] is True
    assert [(e["kind"], e["note"], e["public"]) for e in case["timeline"] if e["kind"] == "reporter_replied"] == [
        ("reporter_replied", "Di depan rumah nomor 12, dekat masjid.", False)]
    # The deadline runs again with the working time it had left: moved by at most the time spent waiting.
    due_after = moment(case["due_at"])
    assert due_before <= due_after and (due_after - due_before).total_seconds() <= replied_at - asked_at + 1
    queue = hub.http.get(hub.url + "/api/v1/staff/queue", headers={"Authorization": f"Bearer {staff}"}, timeout=30).json()
    assert [item["reporter_answered"] for item in queue["cases"] if item["tracking_code"] == code] == [True]
    # The reporter is not told of their own answer.
    assert len(settle(lambda: mail.to(address), 3, "no more mail")) == 3


def test_the_reporter_answers_by_text_message_and_on_the_tracking_page(hub, relays):
    _, gateway = relays
    phone = "081234567002"
    code = hub.submit(phone=phone)
    hub.wait_status(code, "dispatched")
    staff = hub.login()
    hub.act(staff, code, "ask", {"question": "Lampu nomor tiang berapa?"})
    settle(lambda: gateway.to(phone), 3, "the question by text message")

    # Only the gateway (its secret) and only the reporter's number.
    for body, secret, status, error in (
            ({"from": phone, "text": f"{code} PJU-07"}, "salah", 403, "forbidden"),
            ({"from": "081299990000", "text": f"{code} PJU-07"}, SECRET, 403, "sender_not_reporter"),
            ({"from": phone, "text": "PJU-07"}, SECRET, 400, "code_required"),
            ({"from": phone, "text": "ZZZZZZZZZZZZZ PJU-07"}, SECRET, 404, "complaint_not_found")):
        response = inbound(hub, body, secret)
        assert response.status_code == status and response.json()["error"]["code"] == error, response.text
    assert hub.status(code) == "awaiting_reporter"
    grouped = f"{code[:4]}-{code[4:8]}-{code[8:]}"
    response = inbound(hub, {"from": "+62 812-3456-7002", "text": f"{grouped} Tiang PJU-07"})
    assert response.status_code == 201 and response.json() == {"tracking_code": code, "status": "dispatched"}
    case = staff_case(hub, staff, code)
    assert [e["note"] for e in case["timeline"] if e["kind"] == "reporter_replied"] == ["Tiang PJU-07"]

    # The tracking page's form, with a photo.
    hub.act(staff, code, "ask", {"question": "Boleh kirim fotonya?"})
    response = hub.http.post(hub.url + f"/track/{code}/replies", data={"text": ""}, files={"x": ("", b"")}, timeout=30,
                             allow_redirects=False)
    assert response.status_code == 400 and 'id="reply-error"' in response.text
    png = one_pixel_png()
    response = hub.http.post(hub.url + f"/track/{code}/replies", data={"text": "Ini fotonya."},
                             files={"photos": ("tiang.png", png, "image/png")}, timeout=30, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"] == f"/track/{code}?replied=1", response.text
    assert 'id="reply-thanks"' in hub.http.get(hub.url + response.headers["Location"], timeout=30).text
    assert hub.status(code) == "dispatched"

    # A case that is over takes no reply.
    hub.act(staff, code, "reject", {"reason": "Bukan kewenangan"})
    response = reply(hub, code, json={"text": "Masih ada?"})
    assert response.status_code == 409 and response.json()["error"]["code"] == "invalid_transition"
    response = inbound(hub, {"from": phone, "text": f"{code} Masih ada?"})
    assert response.status_code == 409
    assert len([e for e in staff_case(hub, staff, code)["timeline"] if e["kind"] == "reporter_replied"]) == 2


def working_days_to_due(hub, code):
    """The working days from the case's last change (the question) to its deadline, counted by the
    database in WIB local days over the active holidays."""
    return int(hub.sql(f"""
        select count(*) from complaints c,
               generate_series((c.updated_at at time zone 'Asia/Jakarta')::date + 1,
                               (c.due_at at time zone 'Asia/Jakarta')::date, interval '1 day') d
         where c.tracking_code = '{code}' and extract(isodow from d) < 6
           and d::date not in (select day from holidays where active)"""))


def set_reporter_answer_level(hub, admin, days):
    response = hub.http.patch(hub.url + "/api/v1/staff/admin/deadlines/reporter_answer", json={"working_days": days},
                              headers={"Authorization": f"Bearer {admin}"}, timeout=30)
    assert response.status_code == 200 and response.json()["working_days"] == days, response.text


def test_an_admin_changes_the_reporters_time_to_answer_and_the_next_question_uses_it(hub, relays):
    mail, _ = relays
    staff, admin = hub.login(), hub.login("kabar.admin")
    listed = hub.http.get(hub.url + "/api/v1/staff/admin/deadlines", headers={"Authorization": f"Bearer {admin}"}, timeout=30)
    assert {"id": "reporter_answer", "kind": "reporter_answer", "working_days": 10} in listed.json()["items"], listed.text
    first, second = "tanya.lama@example.org", "tanya.baru@example.org"
    before = hub.submit(email=first)
    after = hub.submit(email=second)
    hub.wait_status(before, "dispatched")
    hub.wait_status(after, "dispatched")

    hub.act(staff, before, "ask", {"question": "Lampu yang mana?"})
    assert working_days_to_due(hub, before) == 10
    due_before = hub.sql(f"select due_at from complaints where tracking_code = '{before}'")
    try:
        set_reporter_answer_level(hub, admin, 4)
        hub.act(staff, after, "ask", {"question": "Tiang nomor berapa?"})
        assert working_days_to_due(hub, after) == 4, "the next question gives the reporter the changed time"
        assert hub.sql(f"select due_at from complaints where tracking_code = '{before}'") == due_before, \
            "a question already waiting keeps its moment"
        old = settle(lambda: mail.to(first), 3, "the first question by mail")[2]
        new = settle(lambda: mail.to(second), 3, "the second question by mail")[2]
        assert f"Jawab dalam 10 hari kerja di https://lapor.pujaindah.go.id/track/{before}#reply" in old["body"]
        assert f"Jawab dalam 4 hari kerja di https://lapor.pujaindah.go.id/track/{after}#reply" in new["body"]
    finally:
        set_reporter_answer_level(hub, admin, 10)

"""The reporter hears back (issue 14): each change a citizen cares about reaches each channel they
left exactly once, through a real SMTP server (aiosmtpd) and a real HTTP server standing in for the
text gateway, both started here; killing the sender in the middle of a delivery and restarting
PostgreSQL lose nothing and send nothing twice; an anonymous reporter's contact appears in no staff
answer while they still receive every message.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/notifications
"""

import os
import signal
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import pyhub  # noqa: E402
from relays import MailRelay, TextGateway  # noqa: E402

PASSWORD = "sandi-kabar-2026"
SECRET = "rahasia-gateway-teks"
MAIL_FROM = "lapor@pujaindah.go.id"
CASE = "/api/v1/staff/cases/"


def bin_dir():
    return pyhub.resolve_bin_dir(os.environ.get("HUB_BIN_DIR") or ".build/debug")


def add_accounts(hub):
    for login, role, extra in [("pu.petugas", "staff", ["--module", "public-works", "--categories", "pekerjaan-umum"]),
                               ("pu.kepala", "supervisor", ["--module", "public-works"]),
                               ("inspektur.1", "inspector", []), ("kabar.admin", "admin", []),
                               ("validator.1", "validator", ["--module", "public-works"])]:
        hub.hubctl("user", "add", login, "--role", role, *extra, stdin=PASSWORD + "\n")


class NotifyingHub(pyhub.Hub):
    def __init__(self, mail, gateway):
        super().__init__(bin_dir(), prefix="hub-notify-", setup=add_accounts, extra_env={
            "HUB_SMTP_URL": f"smtp://127.0.0.1:{mail.port}", "HUB_MAIL_FROM": MAIL_FROM,
            "HUB_TEXT_GATEWAY_URL": gateway.url, "HUB_TEXT_GATEWAY_SECRET": SECRET,
            "HUB_PUBLIC_URL": "https://lapor.pujaindah.go.id", "HUB_QUEUE_LEASE_SECONDS": "5"})
        self.http = requests.Session()

    def submit(self, email=None, phone=None, anonymous=True, confidential=False, lang=None, category="pekerjaan-umum"):
        contact = {key: value for key, value in (("email", email), ("phone", phone)) if value}
        response = self.http.post(self.url + "/api/v1/complaints" + (f"?lang={lang}" if lang else ""), timeout=30, json={
            "category": category, "description": "Lampu jalan mati sejak seminggu", "anonymous": anonymous,
            "confidential": confidential, "contact": contact})
        assert response.status_code == 201, response.text
        return response.json()["tracking_code"]

    def login(self, login="pu.petugas"):
        response = self.http.post(self.url + "/api/v1/staff/login", json={"login": login, "password": PASSWORD}, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()["token"]

    def act(self, token, code, action, body=None):
        response = self.http.post(self.url + CASE + code + "/" + action, json=body or {}, timeout=30,
                                  headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, f"{action}: {response.status_code} {response.text}"
        return response.json()

    def status(self, code):
        return self.http.get(self.url + "/api/v1/complaints/" + code, timeout=30).json()["status"]

    def wait_status(self, code, status):
        pyhub.wait_until(lambda: self.status(code), lambda got: got == status, f"{code} reaching {status}")

    def restart_database(self):
        """Stops PostgreSQL as a crash would (immediate) and starts it again with the same settings."""
        self.pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self.pg("pg_ctl", "-D", str(self.data), "-l", str(self.tmp / "pg" / "postgres.log"), "-w", "-o",
                f"-p {self.db_port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def restart_intake(self):
        """SIGKILLs intake (the sender) and starts it again with the same environment."""
        for name, process in list(self.processes):
            if name == "intake":
                process.send_signal(signal.SIGKILL)
                process.wait()
                self.processes.remove((name, process))
        process = self.spawn("intake", "intake", self.as_own_role(self.environment(), "intake"))
        self.wait_ready("intake", process, time.monotonic() + pyhub.SETTLE_SECONDS)


@pytest.fixture(scope="module")
def relays():
    mail = MailRelay(pyhub.free_port()).start()
    gateway = TextGateway(pyhub.free_port(), SECRET).start()
    yield mail, gateway
    mail.stop()
    gateway.stop()


@pytest.fixture(scope="module")
def hub(relays):
    with NotifyingHub(*relays) as running:
        yield running


def settle(read, count, what):
    """Waits until `read()` holds `count` items, then a little longer to see that no more arrive."""
    got = pyhub.wait_until(read, lambda items: len(items) >= count, what)
    time.sleep(1.5)
    return read()


def mails_to(mail, address):
    return mail.to(address)


def test_each_step_reaches_each_channel_exactly_once(hub, relays):
    mail, gateway = relays
    address, phone = "warga.satu@example.org", "+6281234560001"
    code = hub.submit(email=address, phone=phone)
    hub.wait_status(code, "dispatched")
    staff = hub.login()
    hub.act(staff, code, "claim")
    hub.act(staff, code, "resolve", {"note": "Lampu sudah diganti"})
    hub.act(staff, code, "close")
    mails = settle(lambda: mail.to(address), 4, "four emails")
    texts = settle(lambda: gateway.to(phone), 4, "four text messages")
    assert [m["subject"] for m in mails] == [
        f"Pengaduan Anda diterima: {code}", f"Pengaduan {code} diterima oleh Dinas Pekerjaan Umum dan Penataan Ruang",
        f"Pengaduan {code} selesai ditindaklanjuti", f"Pengaduan {code} ditutup"]
    assert all(m["from"] == MAIL_FROM for m in mails)
    assert f"https://lapor.pujaindah.go.id/track/{code}" in mails[0]["body"] and f"Kode pelacakan: {code}" in mails[0]["body"]
    assert "Tahap berikutnya paling lambat" in mails[1]["body"]
    assert "Penyelesaian: Lampu sudah diganti" in mails[2]["body"] and f"/track/{code}#feedback" in mails[2]["body"]
    assert mails[0]["message"].get_content_type() == "text/plain" and mails[0]["message"].get_content_charset() == "utf-8"
    assert [t["text"] for t in texts] == [m["body"].replace("\r\n", "\n").strip() for m in mails]
    assert all(t["channel"] == "sms" and t["to"] == phone for t in texts)
    assert len({t["message_id"] for t in texts}) == 4 and len({m["message_id"] for m in mails}) == 4
    assert not gateway.refused


def test_a_public_note_and_a_move_to_another_agency_each_reach_each_channel_once(hub, relays):
    mail, gateway = relays
    address, phone = "warga.pindah@example.org", "+6281234560031"
    code = hub.submit(email=address, phone=phone)
    hub.wait_status(code, "dispatched")
    settle(lambda: mail.to(address), 2, "received and taken in")
    staff = hub.login()
    hub.act(staff, code, "notes", {"note": "Petugas akan meninjau lokasi besok pagi", "public": True})
    hub.act(staff, code, "notes", {"note": "Catatan internal: tiang milik PLN?", "public": False})
    hub.act(hub.login("inspektur.1"), code, "escalate", {"category": "sosial", "reason": "Bukan urusan jalan"})
    mails = settle(lambda: mail.to(address), 5, "the note, the move and the new agency's taking in")
    texts = settle(lambda: gateway.to(phone), 5, "the same by text message")
    subjects = [m["subject"] for m in mails]
    assert subjects[2] == f"Kabar baru tentang pengaduan {code}"
    assert "Catatan petugas: Petugas akan meninjau lokasi besok pagi" in mails[2]["body"]
    assert subjects[3].startswith(f"Pengaduan {code} dialihkan ke ") and "Pekerjaan Umum" not in subjects[3]
    assert subjects[4].startswith(f"Pengaduan {code} diterima oleh ") and subjects[4] != subjects[1]
    assert not any("internal" in m["body"] or "PLN" in m["body"] or "Bukan urusan" in m["body"] for m in mails)
    assert [t["text"] for t in texts] == [m["body"].replace("\r\n", "\n").strip() for m in mails]


def test_a_reporter_who_filed_in_english_is_told_in_english(hub, relays):
    mail, _ = relays
    address = "resident@example.org"
    code = hub.submit(email=address, lang="en")
    mails = settle(lambda: mail.to(address), 2, "two emails")
    assert [m["subject"] for m in mails] == [f"Your complaint was received: {code}",
                                             f"Complaint {code} taken in by Public works and spatial planning office"]


def test_a_confidential_case_tells_only_its_status_and_link(hub, relays):
    mail, _ = relays
    address = "rahasia@example.org"
    code = hub.submit(email=address, confidential=True)
    hub.wait_status(code, "dispatched")
    staff = hub.login()
    hub.act(staff, code, "claim")
    hub.act(staff, code, "resolve", {"note": "Lampu di depan rumah Pak Budi diganti"})
    mails = settle(lambda: mail.to(address), 3, "three emails")
    assert "Pak Budi" not in mails[2]["body"] and f"/track/{code}" in mails[2]["body"]


def test_an_anonymous_reporters_contact_reaches_no_staff_answer(hub, relays):
    mail, gateway = relays
    address, phone = "diam.diam@example.org", "+6281234560009"
    code = hub.submit(email=address, phone=phone, anonymous=True)
    hub.wait_status(code, "dispatched")
    answers = []
    for login in ("pu.petugas", "pu.kepala", "inspektur.1", "kabar.admin", "validator.1"):
        token = hub.login(login)
        headers = {"Authorization": f"Bearer {token}"}
        for path in (CASE + code, "/api/v1/staff/queue", "/api/v1/staff/queue?status=dispatched"):
            answers.append(hub.http.get(hub.url + path, headers=headers, timeout=30).text)
        session = requests.Session()
        session.post(hub.url + "/api/v1/staff/login", json={"login": login, "password": PASSWORD}, timeout=30)
        for path in ("/staff/cases/" + code, "/staff/queue", "/staff/cases/" + code + "?lang=en"):
            answers.append(session.get(hub.url + path, timeout=30).text)
    assert len(answers) == 30 and any(code in answer for answer in answers)
    for answer in answers:
        assert address not in answer and phone not in answer and "81234560009" not in answer
    assert len(settle(lambda: mail.to(address), 2, "two emails")) == 2
    assert len(settle(lambda: gateway.to(phone), 2, "two text messages")) == 2


def test_killing_the_sender_mid_delivery_loses_none_and_sends_none_twice(hub, relays):
    mail, gateway = relays
    mail.hold.arm()
    first = hub.submit(email="tahan.surat@example.org", phone="+6281234560021")
    assert mail.hold.arrived.wait(30), "the first email never reached the relay"
    # The email is in the relay's hands, the hub waits for its answer: kill the sender now.
    others = [(hub.submit(email=f"antre.{n}@example.org", phone=f"+62812345601{n:02d}"), n) for n in range(3)]
    gateway.hold.arm()
    hub.restart_intake()
    mail.hold.released.set()
    assert gateway.hold.arrived.wait(30), "no text message after the restart"
    hub.restart_intake()
    gateway.hold.released.set()
    for code in [first] + [code for code, _ in others]:
        hub.wait_status(code, "dispatched")
    expected = {"tahan.surat@example.org": 2, **{f"antre.{n}@example.org": 2 for n in range(3)}}
    for address, count in expected.items():
        assert len(settle(lambda a=address: mail.to(a), count, f"emails to {address}")) == count, address
    phones = ["+6281234560021"] + [f"+62812345601{n:02d}" for n in range(3)]
    for phone in phones:
        assert len(settle(lambda p=phone: gateway.to(p), 2, f"texts to {phone}")) == 2, phone


def test_postgresql_restarting_loses_none_and_sends_none_twice(hub, relays):
    mail, gateway = relays
    mail.delay = 0.3
    try:
        codes = [hub.submit(email=f"restart.{n}@example.org", phone=f"+62812345602{n:02d}") for n in range(6)]
        pyhub.wait_until(lambda: len(mail.to("restart.0@example.org")), lambda n: n >= 1, "the first email")
        hub.restart_database()
    finally:
        mail.delay = 0.0
    for code in codes:
        hub.wait_status(code, "dispatched")
    for n in range(6):
        assert len(settle(lambda a=f"restart.{n}@example.org": mail.to(a), 2, f"emails to restart.{n}")) == 2
        assert len(settle(lambda p=f"+62812345602{n:02d}": gateway.to(p), 2, f"texts to restart.{n}")) == 2


def test_a_gateway_that_is_down_gets_the_message_again_after_a_backoff_and_only_once(hub, relays):
    mail, gateway = relays
    address, phone = "coba.lagi@example.org", "+6281234560051"
    gateway.fail(phone, 2)
    started = time.monotonic()
    code = hub.submit(email=address, phone=phone)
    texts = settle(lambda: gateway.to(phone), 2, "the two notices by text message once the gateway is back")
    delivered = time.monotonic() - started
    assert len(texts) == 2 and len({t["message_id"] for t in texts}) == 2, "each notice delivered once"
    assert any(t["text"].startswith("Pengaduan Anda sudah kami terima.") for t in texts)
    with gateway.lock:
        failed = [m["message_id"] for m in gateway.failed if m["to"] == phone]
    assert len(failed) == 2 and set(failed) <= {t["message_id"] for t in texts}, "the same deliveries, tried again"
    # Tried again after the queue's backoff (about a second at first), not at once.
    assert delivered >= 1, delivered
    # The email went out on the first attempt and is not sent again by the retries.
    assert [m["subject"] for m in settle(lambda: mail.to(address), 2, "two emails")] == [
        f"Pengaduan Anda diterima: {code}", f"Pengaduan {code} diterima oleh Dinas Pekerjaan Umum dan Penataan Ruang"]
    metrics = hub.http.get(hub.url_of("intake") + "/metrics", timeout=30).text
    assert 'hub_reporter_notices_total{channel="sms",outcome="failed"}' in metrics


def test_the_sender_is_visible_in_metrics_and_hubctl_queues(hub, relays):
    _, gateway = relays
    gateway.hold.arm()
    hub.submit(phone="+6281234560777")
    assert gateway.hold.arrived.wait(30)
    try:
        # The notice is leased to the sender while the gateway holds its answer.
        assert any(line.startswith("notify.reporter") for line in hub.hubctl("queues").splitlines())
    finally:
        gateway.hold.released.set()
    metrics = hub.http.get(hub.url_of("intake") + "/metrics", timeout=30).text
    assert 'hub_reporter_notices_total{channel="email",outcome="sent"}' in metrics
    assert 'hub_reporter_notices_total{channel="sms",outcome="sent"}' in metrics
    assert 'hub_queue_processed_total{queue="notify.reporter"}' in metrics

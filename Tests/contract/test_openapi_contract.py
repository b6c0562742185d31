"""The running gateway checked against Schemas/openapi.yaml.

A throwaway PostgreSQL cluster and the six real executables (plus a second gateway with tight rate
limits, a second intake without the SMS webhook and a dead tourism address) are started for the
session. Every request goes through a gateway, and every answer is checked against the spec: its
status must be one the operation lists, its required headers must be there, and its body must
match the operation's schema for that status. The last tests check that every operation was
exercised with its success and its documented client errors, and that no JSON answer ever carried
the contact of a reporter who asked to stay anonymous.

Login throttling is counted in the database per account name and per client address, so the tests
that provoke it use an account name of their own and, for the address, a second loopback source
address (127.0.0.2): the other tests keep logging in from 127.0.0.1.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/contract
"""

import base64
import http.cookiejar
import json
import os
import random
import socket
import struct
import sys
import tempfile
import zlib
from pathlib import Path

import pytest
import requests
import yaml
from jsonschema import Draft202012Validator, FormatChecker

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
import pyhub  # noqa: E402

SPEC_PATH = ROOT / "Schemas" / "openapi.yaml"
SMS_SECRET = "kontrak-rahasia-sms-7f3a"
TEXT_SECRET = "kontrak-rahasia-teks-91c2"
REPLIES = "/api/v1/complaints/{code}/replies"
INBOUND_TEXT = "/api/v1/inbound/text"
METRICS_TOKEN = "kontrak-rahasia-metrik-2026"
PASSWORD = "sandi-kontrak-2026"
ACTIONS = ["claim", "verify", "assign", "dispose", "notes", "resolve", "request-validation", "validate",
           "reject-follow-up", "reject", "postpone", "close", "duplicate", "escalate"]
CASE = "/api/v1/staff/cases/{code}"
# Client errors this test must see for every operation that lists them.
CLIENT_ERRORS = {"400", "401", "403", "404", "409", "415", "422", "429"}
# Listed client errors, by (path, method), that cannot be produced from outside without breaking the
# hub on purpose. None at present: every listed 4xx above is produced (409 `wrong_module` is not
# needed for that, since every action's 409 is produced by `invalid_transition`).
UNREACHABLE = {}
FEEDBACK = "/api/v1/complaints/{code}/feedback"
ACCOUNTS = "/api/v1/staff/accounts"
ADMIN = "/api/v1/staff/admin"
QUEUE = "/api/v1/staff/queue"
# Default login throttling (intake runs without HUB_LOGIN_* here).
LOGIN_MAX_FAILURES = 5
LOGIN_MAX_FAILURES_PER_ADDRESS = 20
LOGIN_WINDOW_SECONDS = 900
OTHER_LOOPBACK = "127.0.0.2"

# The contact of reporters who asked to stay anonymous: no JSON answer may ever contain these.
ANON_EMAIL = "rahasia.pelapor.4417@example.org"
ANON_PHONE = "+62 811-4417-0093"
ANON_NAME = "Pelapor Rahasia Empat Empat"
DESK_ANON_EMAIL = "loket.rahasia.5521@example.org"
DESK_ANON_PHONE = "0813 5521 0077"
SMS_ANON_PHONE = "+6285766120934"


def _digits(text):
    return "".join(ch for ch in text if ch.isdigit())


SECRETS = [ANON_EMAIL, ANON_PHONE, ANON_NAME, _digits(ANON_PHONE), DESK_ANON_EMAIL, DESK_ANON_PHONE,
           _digits(DESK_ANON_PHONE), SMS_ANON_PHONE, _digits(SMS_ANON_PHONE)]


# ----------------------------------------------------------------------------------------------
# Images, made here (checked by their bytes, so they need only be well-formed enough)


def _png(red=255):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes([0, red, 128, 0]))) + chunk(b"IEND", b""))


def _segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


GPS_MARK = b"HUB-CONTRACT-GPS-6.2000S-106.8000E"
# A real 16x8 greyscale JPEG (SOI, APP0 JFIF, DQT, SOF0, DHT, SOS, scan, EOI): the hub parses every photo.
_CLEAN_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb0043001b12141714111b1716171e1c1b2028422b28252528513a3d30"
    "42605565645f555d5b6a7899816a7190735b5d85b586909ea3abadab6780bcc9baa6c799a8aba4ffc0000b08000800100101"
    "1100ffc4001500010100000000000000000000000000000405ffc40020100001030207000000000000000000000003000221"
    "0105041522317281d1ffda0008010100003f0015bc1b42b18a3e5f6e795b047681f2af935e97ffd9")
JPEG = _CLEAN_JPEG[:20] + _segment(0xE1, b"Exif\x00\x00" + GPS_MARK) + _CLEAN_JPEG[20:]
WEBP = b"RIFF" + struct.pack("<I", 18) + b"WEBPVP8L" + struct.pack("<I", 6) + b"\x2f\x00\x00\x00\x00\x00"
PNG = _png()


def _noise_png(side):
    """A well-formed RGB PNG of random pixels, so it does not compress: about 3 * side * side bytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + random.Random(row).randbytes(3 * side) for row in range(side))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


# The photo bytes one client address may store per day on the contract hub: far above what the
# other tests store, below two NOISE_PNGs.
PHOTO_QUOTA = 200_000
NOISE_PNG = _noise_png(200)


def b64(data):
    return base64.b64encode(data).decode("ascii")


def sniff(data):
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


# ----------------------------------------------------------------------------------------------
# The spec, as JSON Schema


SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
OPENAPI_ONLY = ("nullable", "example", "discriminator", "xml", "externalDocs", "deprecated")


def to_json_schema(node):
    """An OpenAPI 3.0 schema as JSON Schema 2020-12: `nullable: true` becomes a union with null."""
    if isinstance(node, bool) or not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in OPENAPI_ONLY:
            continue
        if key == "properties":
            out[key] = {name: to_json_schema(schema) for name, schema in value.items()}
        elif key in SCHEMA_LISTS:
            out[key] = [to_json_schema(schema) for schema in value]
        elif key in ("items", "not", "additionalProperties"):
            out[key] = to_json_schema(value)
        else:
            out[key] = value
    if node.get("nullable") is True:
        if "enum" in out and None not in out["enum"]:
            out["enum"] = list(out["enum"]) + [None]
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            out["type"] = types + ["null"]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


COMPONENT_SCHEMAS = {name: to_json_schema(schema) for name, schema in SPEC["components"]["schemas"].items()}
FORMATS = FormatChecker()


def validate(instance, schema, where):
    """Validates against a (possibly inline) schema whose `$ref`s point into components/schemas."""
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "components": {"schemas": COMPONENT_SCHEMAS}, "allOf": [to_json_schema(schema)]}
    errors = sorted(Draft202012Validator(root, format_checker=FORMATS).iter_errors(instance),
                    key=lambda error: list(error.absolute_path))
    assert not errors, f"{where}: " + "; ".join(
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}" for error in errors[:5])


def resolve(node):
    while isinstance(node, dict) and "$ref" in node:
        target = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def spec_methods(path):
    methods = {method.upper() for method in SPEC["paths"][path] if method in
               ("get", "put", "post", "delete", "options", "head", "patch", "trace")}
    if "GET" in methods:
        methods.add("HEAD")
    return methods


# ----------------------------------------------------------------------------------------------
# Checking every answer


COVERED = {}      # (path, method) -> set of statuses seen
JSON_BODIES = []  # (label, text) of every JSON answer, for the privacy scan


def check_answer(response, path, method, *, head=False):
    """Checks one answer against the operation's responses; returns the parsed JSON body, if any."""
    method = method.lower()
    status = str(response.status_code)
    label = f"{method.upper()} {path} -> {status}"
    assert response.headers.get("X-Request-Id"), f"{label}: no X-Request-Id"
    operation = SPEC["paths"][path].get("get" if head else method)
    if operation is None:
        assert status == "405", f"{label}: the spec has no {method.upper()} on this path"
        spec_response = resolve(SPEC["components"]["responses"]["MethodNotAllowed"])
        allowed = {item.strip() for item in response.headers.get("Allow", "").split(",") if item.strip()}
        assert allowed == spec_methods(path), f"{label}: Allow {allowed}, the spec serves {spec_methods(path)}"
    else:
        listed = sorted(str(code) for code in operation["responses"])
        assert status in listed, f"{label}: the spec lists only {listed}; body {response.text[:300]}"
        spec_response = resolve(operation["responses"][status])
    COVERED.setdefault((path, method), set()).add(status)

    for name, header in (spec_response.get("headers") or {}).items():
        header = resolve(header)
        value = response.headers.get(name)
        if value is None:
            assert not header.get("required"), f"{label}: required header {name} missing"
            continue
        schema = header.get("schema", {})
        if schema.get("type") == "integer":
            assert value.strip().isdigit(), f"{label}: header {name}: {value!r} is not an integer"
            value = int(value)
        validate(value, schema, f"{label} header {name}")

    content = spec_response.get("content")
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if head:
        assert response.content == b"", f"{label}: HEAD answered a body"
        return None
    if not content:
        assert response.content == b"", f"{label}: the spec documents no body, got {response.text[:200]!r}"
        return None
    assert media_type in content, f"{label}: Content-Type {media_type!r}, the spec lists {sorted(content)}"
    if media_type in ("application/json", "application/geo+json"):
        body = response.json()
        JSON_BODIES.append((label, response.text))
        validate(body, content[media_type]["schema"], label)
        return body
    if media_type.startswith("image/"):
        assert response.content and sniff(response.content) == media_type, f"{label}: bytes are not {media_type}"
        return None
    validate(response.text, content[media_type].get("schema", {}), label)
    return None


def check_error_shape(response, status, code):
    """For answers outside the spec's operations (unknown paths, actions, methods): the hub's error shape."""
    assert response.status_code == status, f"{response.status_code} {response.text[:300]}"
    body = response.json()
    JSON_BODIES.append((f"{response.request.method} {response.request.path_url}", response.text))
    validate(body, {"$ref": "#/components/schemas/Error"}, f"{response.request.method} {response.request.path_url}")
    assert body["error"]["code"] == code, body


# ----------------------------------------------------------------------------------------------
# The throwaway cluster and the running hub


def bin_dir():
    return pyhub.resolve_bin_dir(os.environ.get("HUB_BIN_DIR") or ".build/debug")


def add_accounts(hub):
    hub.hubctl("user", "add", "pu.petugas", "--role", "staff", "--module", "public-works",
               "--categories", "pekerjaan-umum", stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "pu.kepala", "--role", "supervisor", "--module", "public-works",
               stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "inspektur.1", "--role", "inspector", stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "tanpa.modul", "--role", "validator", stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "kontrak.admin", "--role", "admin", stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "pu.sukamaju", "--role", "staff", "--module", "public-works", "--categories",
               "pekerjaan-umum", "--area", "Sukamaju", stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "pu.pju", "--role", "staff", "--module", "public-works", "--sub-unit", "dpupr-pju",
               stdin=PASSWORD + "\n")
    # Only the throttling test uses this one: its failed logins must not lock anybody else out.
    hub.hubctl("user", "add", "kontrak.terkunci", "--role", "validator", stdin=PASSWORD + "\n")
    add_letter_officials(hub)


# A made-up regency for the letters: Kecamatan Sukasari with Desa Sukamaju and Desa Sukamulya.
LETTER_OFFICIALS = [("surat.fo", "village_front_office", "--village", "35.99.01.2001"),
                    ("surat.sekdes", "village_secretary", "--village", "35.99.01.2001"),
                    ("surat.kades", "village_head", "--village", "35.99.01.2001"),
                    ("surat.fo2", "village_front_office", "--village", "35.99.01.2002"),
                    ("surat.fokec", "district_front_office", "--district", "35.99.01"),
                    ("surat.kasi", "district_service_head", "--district", "35.99.01"),
                    ("surat.camat", "district_head", "--district", "35.99.01"),
                    ("surat.admin", "district_admin", "--district", "35.99.01")]


def add_letter_officials(hub):
    folder = Path(tempfile.mkdtemp(prefix="kontrak-wilayah-"))
    (folder / "logo.png").write_bytes(PNG)
    (folder / "wilayah.csv").write_text("code,kind,name,address,logo\n"
                                        "35.99.01,kecamatan,Sukasari,\"Jl. Kecamatan 5, Sukasari\",logo.png\n"
                                        "35.99.01.2001,desa,Sukamaju,Jl. Raya Sukamaju 1,logo.png\n"
                                        "35.99.01.2002,desa,Sukamulya,Jl. Sukamulya 2,\n")
    hub.hubctl("areas", "import", str(folder / "wilayah.csv"))
    for login, role, flag, region in LETTER_OFFICIALS:
        hub.hubctl("user", "add", login, "--role", role, flag, region, "--name", login.title(), stdin=PASSWORD + "\n")


def limited_gateway_env(hub):
    return {"HUB_INTAKE_URL": hub.url_of("intake-2"), "HUB_TOURISM_URL": f"http://127.0.0.1:{pyhub.free_port()}",
            "HUB_SUBMIT_RATE_PER_MINUTE": "1", "HUB_SUBMIT_BURST": "2",
            "HUB_TRACK_RATE_PER_MINUTE": "1", "HUB_TRACK_BURST": "2", "HUB_METRICS_TOKEN": None}


class SourceAddressAdapter(requests.adapters.HTTPAdapter):
    """Connects from a given local address, so the gateway sees another client address."""

    def __init__(self, source, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def session_from(source):
    session = requests.Session()
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    session.mount("http://", SourceAddressAdapter(source))
    return session


def other_client(hub):
    """A session from OTHER_LOOPBACK, which the hub sees as another client address (the test is
    skipped where that address cannot be used)."""
    other = session_from(OTHER_LOOPBACK)
    try:
        other.get(hub.base + "/healthz", timeout=10)
    except requests.ConnectionError as error:
        other.close()
        pytest.skip(f"cannot connect from {OTHER_LOOPBACK}: {error}")
    return other


class Hub(pyhub.Hub):
    def __init__(self):
        # A second gateway with tight limits, in front of a second intake that has no SMS webhook
        # and of a tourism address nothing listens on.
        super().__init__(bin_dir(), extra_env={"HUB_SMS_WEBHOOK_SECRET": SMS_SECRET, "HUB_METRICS_TOKEN": METRICS_TOKEN,
                                              "HUB_TEXT_GATEWAY_SECRET": TEXT_SECRET,
                                              "HUB_PHOTO_QUOTA_BYTES_PER_DAY": str(PHOTO_QUOTA)}, setup=add_accounts,
                         prefix="hub-contract-", extra_services=[
                             pyhub.Service("intake-2", "intake", {"HUB_SMS_WEBHOOK_SECRET": None}),
                             pyhub.Service("gateway-limited", "gateway", limited_gateway_env)])
        self.http = requests.Session()
        # Tests choose their credentials themselves: never replay a cookie a login set.
        self.http.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))

    def start(self):
        super().start()
        self.base = self.url
        self.limited_base = self.url_of("gateway-limited")

    def stop(self):
        self.http.close()
        super().stop()

    # Requests -----------------------------------------------------------------------------------

    def call(self, method, path, values=None, *, base=None, token=None, expect=None, code=None, session=None,
             **kwargs):
        """Sends a request to a spec path (filled with `values`) and checks the answer against the spec."""
        url = (base or self.base) + path.format(**(values or {}))
        headers = dict(kwargs.pop("headers", None) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = (session or self.http).request(method, url, headers=headers, timeout=30, allow_redirects=False,
                                                  **kwargs)
        body = check_answer(response, path, method, head=method.upper() == "HEAD")
        if expect is not None:
            assert response.status_code == expect, \
                f"{method} {url}: expected {expect}, got {response.status_code} {response.text[:400]}"
        if code is not None:
            assert body["error"]["code"] == code, body
        return response, body

    def raw(self, method, target, *, base=None, **kwargs):
        """A request outside the spec's operations (unknown paths and actions, unknown methods)."""
        return self.http.request(method, (base or self.base) + target, timeout=30, allow_redirects=False, **kwargs)

    # Shortcuts ----------------------------------------------------------------------------------

    def submit(self, body, expect=201, **kwargs):
        response, answer = self.call("POST", "/api/v1/complaints", json=body, expect=expect, **kwargs)
        return answer if expect == 201 else (response, answer)

    def public(self, code, **kwargs):
        return self.call("GET", "/api/v1/complaints/{code}", {"code": code}, expect=200, **kwargs)[1]

    def wait_status(self, code, status):
        return pyhub.wait_until(lambda: self.public(code), lambda view: view["status"] == status,
                                f"{code} reaching {status}")

    def login(self, login):
        _, body = self.call("POST", "/api/v1/staff/login", json={"login": login, "password": PASSWORD}, expect=200)
        return body["token"]

    def act(self, token, code, action, body=None, expect=200, error=None):
        kwargs = {} if body is None else {"json": body}
        return self.call("POST", f"{CASE}/{action}", {"code": code}, token=token, expect=expect, code=error,
                         **kwargs)[1]

    def feedback(self, code, body, expect=200, error=None, **kwargs):
        return self.call("POST", FEEDBACK, {"code": code}, json=body, expect=expect, code=error, **kwargs)[1]


@pytest.fixture(scope="session")
def hub():
    instance = Hub()
    try:
        instance.start()
        yield instance
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def tokens(hub):
    return {name: hub.login(login) for name, login in
            [("staff", "pu.petugas"), ("lead", "pu.kepala"), ("inspector", "inspektur.1"), ("nomodule", "tanpa.modul"),
             ("admin", "kontrak.admin"), ("local", "pu.sukamaju"), ("unit", "pu.pju")]}


@pytest.fixture(scope="session")
def anonymous_reports(hub, tokens):
    """Complaints whose reporters asked to stay anonymous, from the API, the desk and SMS."""
    api = hub.submit({"category": "pekerjaan-umum", "description": "Saluran air tersumbat, pelapor anonim",
                      "anonymous": True, "confidential": False, "kelurahan": "Sukamaju",
                      "contact": {"name": ANON_NAME, "email": ANON_EMAIL, "phone": ANON_PHONE}})
    _, desk = hub.call("POST", "/api/v1/staff/desk/complaints", token=tokens["staff"], expect=201, json={
        "category": "pekerjaan-umum", "description": "Jembatan retak, dilaporkan di loket oleh warga anonim",
        "confidential": False, "contact": {"email": DESK_ANON_EMAIL, "phone": DESK_ANON_PHONE}})
    _, sms = hub.call("POST", "/api/v1/inbound/sms", headers={"X-Webhook-Secret": SMS_SECRET}, expect=201,
                      json={"from": SMS_ANON_PHONE, "text": "pu gorong-gorong ambrol dekat sekolah",
                            "message_id": "anon-sms-1"})
    return {"api": api["tracking_code"], "desk": desk["tracking_code"], "sms": sms["tracking_code"]}


# ----------------------------------------------------------------------------------------------
# Health and categories


def test_health_readiness_and_metrics(hub):
    assert hub.call("GET", "/healthz", expect=200)[1] == {"status": "ok"}
    assert hub.call("GET", "/readyz", expect=200)[1]["status"] == "ready"
    response, _ = hub.call("GET", "/metrics", token=METRICS_TOKEN, expect=200)
    assert "hub_http_requests_total" in response.text
    # The gateway's port is public: without the token, or with another, it is refused; a gateway
    # running without HUB_METRICS_TOKEN has no such path.
    hub.call("GET", "/metrics", expect=401, code="unauthenticated")
    hub.call("GET", "/metrics", token=METRICS_TOKEN + "x", expect=401, code="unauthenticated")
    hub.call("GET", "/metrics", token=METRICS_TOKEN, base=hub.limited_base, expect=404, code="not_found")
    hub.call("HEAD", "/healthz", expect=200)
    hub.call("POST", "/healthz", expect=405)


def test_categories(hub):
    _, body = hub.call("GET", "/api/v1/categories", expect=200)
    codes = {category["code"]: category for category in body["categories"]}
    assert len(codes) == 13
    assert codes["pekerjaan-umum"]["module"] == "public-works" and codes["pekerjaan-umum"]["keyword"] == "PU"
    hub.call("HEAD", "/api/v1/categories", expect=200)
    hub.call("POST", "/api/v1/categories", expect=405, json={})


# ----------------------------------------------------------------------------------------------
# Submissions and the public view


def test_statistics(hub):
    """The public statistics (issue 17): the JSON and the CSV of a period, and a refused filter."""
    _, body = hub.call("GET", "/api/v1/stats", params={"from": "2026-01-05", "to": "2026-03-29"}, expect=200)
    assert body["period"] == {"from": "2026-01-05", "to": "2026-03-29"} and len(body["weeks"]) == 12
    assert any(row["code"] == "pekerjaan-umum" for row in body["categories"])
    response, _ = hub.call("GET", "/api/v1/stats.csv", params={"category": "kesehatan"}, expect=200)
    assert response.text.startswith("kind,code,name_id,name_en,from,to,area,category,received,")
    response, areas = hub.call("GET", "/api/v1/stats.geojson", params={"category": "kesehatan"}, expect=200)
    assert areas["type"] == "FeatureCollection" and response.headers["Content-Type"] == "application/geo+json"
    for path in ("/api/v1/stats", "/api/v1/stats.csv", "/api/v1/stats.geojson"):
        _, refused = hub.call("GET", path, params={"from": "2026-03-29", "to": "2026-01-05"}, expect=400, code="invalid_period")
        assert refused["error"]["message_id"] != refused["error"]["message_en"]


def test_submission_and_public_view(hub):
    response, created = hub.call("POST", "/api/v1/complaints", expect=201, json={
        "category": "kesehatan", "description": "Antrean puskesmas terlalu panjang", "kelurahan": "Sukamaju"})
    code = created["tracking_code"]
    assert response.headers["Location"] == f"/api/v1/complaints/{code}"
    assert "Idempotent-Replayed" not in response.headers
    assert created["tracking_url"] == f"/track/{code}"
    assert created["confidential"] is True and "description" not in created and created["photos"] == []
    assert "joined_case" not in created
    assert created["timeline"][0]["kind"] == "submitted" and created["timeline"][0]["actor_role"] == "citizen"

    view = hub.public(code)
    assert view["tracking_code"] == code and view["category"] == "kesehatan" and view["status_label"]
    # Codes are read in any case, with dashes; answers carry the canonical form.
    messy = f"{code[:4].lower()}-{code[4:8]}-{code[8:].lower()}"
    assert hub.public(messy)["tracking_code"] == code
    english = hub.public(code, params={"lang": "en"})
    assert english["category_name"] == "Health services"
    assert hub.public(code, headers={"Accept-Language": "en-US"})["category_name"] == "Health services"
    hub.call("HEAD", "/api/v1/complaints/{code}", {"code": code}, expect=200)

    hub.call("GET", "/api/v1/complaints/{code}", {"code": "ZZZZZZZZZZZZZ"}, expect=404, code="complaint_not_found")
    hub.call("GET", "/api/v1/complaints/{code}", {"code": "not-a-code!"}, expect=404, code="complaint_not_found")
    hub.call("POST", "/api/v1/complaints/{code}", {"code": code}, expect=405, json={})
    hub.call("GET", "/api/v1/complaints", expect=405)


def test_submission_with_photos_pole_and_public_photos(hub):
    created = hub.submit({
        "category": "pekerjaan-umum", "subcategory": None, "description": "Lampu jalan mati tiga malam",
        "location": "Jl. Kontrak depan balai warga", "kelurahan": "Sukamaju", "kecamatan": "Kota",
        "lat": -6.21, "lon": 106.81, "anonymous": False, "confidential": False, "pole_id": "PJU-55-K",
        "photos": [b64(PNG), b64(JPEG), b64(WEBP)],
        "contact": {"name": "Budi Terbuka", "email": "budi.terbuka@example.org", "phone": "0812 1111 2222"}})
    code = created["tracking_code"]
    assert created["description"] == "Lampu jalan mati tiga malam"
    assert created["location"] == "Jl. Kontrak depan balai warga"
    assert [(p["purpose"], p["media_type"]) for p in created["photos"]] == [
        ("report", "image/png"), ("report", "image/jpeg"), ("report", "image/webp")]
    assert [p["url"] for p in created["photos"]] == [f"/api/v1/complaints/{code}/photos/{n}" for n in (1, 2, 3)]

    photo = "/api/v1/complaints/{code}/photos/{position}"
    response, _ = hub.call("GET", photo, {"code": code, "position": 1}, expect=200)
    assert response.content == PNG and response.headers["X-Content-Type-Options"] == "nosniff"
    response, _ = hub.call("GET", photo, {"code": code.lower(), "position": 2}, expect=200)
    assert GPS_MARK not in response.content, "the JPEG's Exif segment must be stripped"
    hub.call("GET", photo, {"code": code, "position": 3}, expect=200)
    hub.call("HEAD", photo, {"code": code, "position": 3}, expect=200)
    for position in (0, 4, "satu"):
        hub.call("GET", photo, {"code": code, "position": position}, expect=404, code="photo_not_found")
    hub.call("GET", photo, {"code": "ZZZZZZZZZZZZZ", "position": 1}, expect=404, code="photo_not_found")
    hub.call("POST", photo, {"code": code, "position": 1}, expect=405)

    # Store an after-photo as the agency would (through the API in
    # test_after_photos_go_with_resolve_and_request_validation, which fails at present).
    hub.sql(f"""insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
                select id, 1, 'resolution', 'image/png', decode('{_png(7).hex()}', 'hex'),
                       sha256(decode('{_png(7).hex()}', 'hex'))
                  from complaints where tracking_code = '{code}'""")
    view = hub.public(code)
    assert view["photos"][0] == {"url": f"/api/v1/complaints/{code}/resolution-photos/1",
                                 "purpose": "resolution", "media_type": "image/png"}
    assert [p["purpose"] for p in view["photos"]] == ["resolution", "report", "report", "report"]
    after = "/api/v1/complaints/{code}/resolution-photos/{position}"
    response, _ = hub.call("GET", after, {"code": code, "position": 1}, expect=200)
    assert response.content == _png(7)
    hub.call("GET", after, {"code": code, "position": 2}, expect=404, code="photo_not_found")
    hub.call("DELETE", after, {"code": code, "position": 1}, expect=405)

    ids = hub.sql(f"select p.id from complaint_photos p join complaints c on c.id = p.complaint_id "
                  f"where c.tracking_code = '{code}' and p.purpose = 'report' order by p.position").split()
    by_id = "/api/v1/photos/{id}"
    response, _ = hub.call("GET", by_id, {"id": ids[0]}, expect=200)
    assert response.content == PNG
    for missing in ("999999999", "abc", "-1"):
        hub.call("GET", by_id, {"id": missing}, expect=404, code="photo_not_found")
    hub.call("PUT", by_id, {"id": ids[0]}, expect=405)


def test_confidential_complaint_shows_no_photos(hub):
    created = hub.submit({"category": "sosial", "description": "Lansia terlantar di rumah kosong",
                          "confidential": True, "location": "Gang Rahasia 3", "photos": [b64(PNG)]})
    code = created["tracking_code"]
    assert created["photos"] == [] and "description" not in created and "location" not in created
    hub.call("GET", "/api/v1/complaints/{code}/photos/{position}", {"code": code, "position": 1},
             expect=404, code="photo_not_found")
    photo_id = hub.sql(f"select p.id from complaint_photos p join complaints c on c.id = p.complaint_id "
                       f"where c.tracking_code = '{code}'")
    assert photo_id, "the photo must be stored even though it is not public"
    hub.call("GET", "/api/v1/photos/{id}", {"id": photo_id}, expect=404, code="photo_not_found")


def test_report_naming_the_same_pole_joins_the_open_case(hub):
    first = hub.submit({"category": "pekerjaan-umum", "description": "Tiang lampu PJU miring",
                        "pole_id": "PJU-900-Z", "confidential": False})
    second = hub.submit({"category": "pekerjaan-umum", "description": "Lampu di tiang ini berkedip",
                         "pole_id": "pju 900z"})
    assert second["tracking_code"] != first["tracking_code"]
    assert second["status"] == "duplicate"
    assert second["joined_case"]["status"] in pyhub.JUST_SUBMITTED
    assert "linked_duplicate" in [event["kind"] for event in second["timeline"]]
    assert "joined_case" not in first
    view = hub.public(second["tracking_code"], params={"lang": "en"})
    assert set(view["joined_case"]) == {"status", "status_label"}
    assert first["tracking_code"] not in json.dumps(view), "the joined case's code must not be shown"


def test_submission_refusals(hub):
    post = "/api/v1/complaints"
    for raw in (b"", b"{not json", b"[1, 2]"):
        hub.call("POST", post, data=raw, headers={"Content-Type": "application/json"}, expect=400,
                 code="malformed_json")
    hub.call("POST", post, data=b"category=kesehatan", headers={"Content-Type": "text/plain"}, expect=415,
             code="unsupported_media_type")
    base = {"category": "kesehatan", "description": "Obat habis"}
    for wrong in ({"lat": "utara", "lon": 1}, {"contact": "budi"}, {"anonymous": "ya"}, {"photos": "foto"},
                  {"photos": [1]}, {"photos": ["bukan base64!"]}, {"pole_id": 12}):
        _, body = hub.submit(dict(base, **wrong), expect=400)
        assert body["error"]["code"] == "invalid_field", (wrong, body)

    _, body = hub.submit({"category": "", "description": "  "}, expect=400)
    assert body["error"]["code"] == "category_required"
    assert {(f["field"], f["code"]) for f in body["error"]["fields"]} == {
        ("category", "category_required"), ("description", "description_required")}
    cases = [
        ({"category": "tidak-ada"}, "unknown_category", "category"),
        ({"subcategory": "tidak-ada"}, "unknown_subcategory", "subcategory"),
        ({"description": "x" * 4001}, "description_too_long", "description"),
        ({"lat": -6.2}, "coordinates_incomplete", "lat"),
        ({"lat": 91, "lon": 0}, "coordinates_out_of_range", "lat"),
        ({"location": "x" * 501}, "location_too_long", "location"),
        ({"pole_id": "P" * 41}, "location_too_long", "location"),
        ({"contact": {"email": "bukan-email"}}, "invalid_email", "email"),
        ({"contact": {"phone": "12ab"}}, "invalid_phone", "phone"),
        ({"contact": {"name": "n" * 201}}, "name_too_long", "name"),
        ({"photos": [b64(b"GIF89a-not-accepted")]}, "photo_not_an_image", "photos"),
        ({"photos": [b64(JPEG[:-2])]}, "photo_unreadable", "photos"),
        ({"photos": [b64(PNG)] * 4}, "too_many_photos", "photos"),
    ]
    for change, code, field in cases:
        _, body = hub.submit(dict(base, **change), expect=400)
        assert body["error"]["code"] == code, (change, body)
        assert [(f["field"], f["code"]) for f in body["error"]["fields"]] == [(field, code)], body
    _, body = hub.submit({"category": "kesehatan"}, expect=400, params={"lang": "en"})
    assert body["error"]["message"] == "Describe the problem."


def test_idempotency_key(hub):
    body = {"category": "pendidikan", "description": "Atap kelas bocor", "kelurahan": "Sukamaju"}
    key = {"Idempotency-Key": "kontrak-7c1e9a52-0001"}
    first, created = hub.call("POST", "/api/v1/complaints", json=body, headers=key, expect=201)
    assert "Idempotent-Replayed" not in first.headers
    again, replayed = hub.call("POST", "/api/v1/complaints", json=body, headers=key, expect=201)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert replayed["tracking_code"] == created["tracking_code"]
    assert again.headers["Location"] == first.headers["Location"]
    hub.call("POST", "/api/v1/complaints", json=dict(body, description="Atap kelas lain bocor"), headers=key,
             expect=422, code="idempotency_key_reused")
    for bad in ("", "dua kata", "k" * 201):
        hub.call("POST", "/api/v1/complaints", json=body, headers={"Idempotency-Key": bad}, expect=400,
                 code="invalid_idempotency_key")
    hub.call("POST", "/api/v1/complaints", json=body, headers={"Idempotency-Key": "k" * 200}, expect=201)


def test_idempotency_key_reused_with_another_photo_is_422(hub):
    """Another photo is another body, even when it happens to have the same size."""
    first, second = _png(255), _png(254)
    assert first != second and len(first) == len(second)
    body = {"category": "pendidikan", "description": "Kursi kelas patah", "photos": [b64(first)]}
    key = {"Idempotency-Key": "kontrak-7c1e9a52-0002"}
    hub.call("POST", "/api/v1/complaints", json=body, headers=key, expect=201)
    hub.call("POST", "/api/v1/complaints", json=dict(body, photos=[b64(second)]), headers=key, expect=422,
             code="idempotency_key_reused")


def test_body_above_the_limit_is_413(hub):
    with socket.create_connection(("127.0.0.1", hub.ports["gateway"]), timeout=10) as sock:
        sock.sendall(b"POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 2097152\r\n\r\n")
        data = b""
        while True:  # the server answers at once, from the head alone, and closes the connection
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, payload = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    response = requests.Response()
    response.status_code = int(lines[0].split()[1])
    response.headers = requests.structures.CaseInsensitiveDict(
        (line.split(":", 1)[0].strip(), line.split(":", 1)[1].strip()) for line in lines[1:])
    response._content = payload
    body = check_answer(response, "/api/v1/complaints", "post")
    assert response.status_code == 413 and body["error"]["code"] == "body_too_large"


# ----------------------------------------------------------------------------------------------
# Channels: the walk-in desk and the SMS webhook


def test_desk_submission(hub, tokens):
    desk = "/api/v1/staff/desk/complaints"
    response, created = hub.call("POST", desk, token=tokens["staff"], expect=201, json={
        "category": "kependudukan", "description": "KTP elektronik belum jadi", "anonymous": False,
        "contact": {"name": "Pengunjung Loket", "phone": "0812 3333 4444"}})
    assert created["tracking_url"] == f"/track/{created['tracking_code']}"
    _, case = hub.call("GET", CASE, {"code": created["tracking_code"]}, token=tokens["inspector"], expect=200)
    assert case["channel"] == "desk"
    hub.call("POST", desk, expect=401, code="unauthenticated", json={"category": "kesehatan", "description": "x"})
    hub.call("POST", desk, token=tokens["inspector"], expect=403, code="forbidden",
             json={"category": "kesehatan", "description": "x"})
    _, body = hub.call("POST", desk, token=tokens["staff"], expect=400, json={"category": "kesehatan"})
    assert body["error"]["code"] == "description_required" and body["error"]["fields"]
    hub.call("POST", desk, token=tokens["staff"], expect=400, code="invalid_field",
             json={"category": "kesehatan", "description": "x", "lat": "utara"})
    hub.call("POST", desk, token=tokens["staff"], data=b"{", headers={"Content-Type": "application/json"},
             expect=400, code="malformed_json")
    hub.call("POST", desk, token=tokens["staff"], data=b"x", headers={"Content-Type": "text/plain"}, expect=415)
    hub.call("GET", desk, token=tokens["staff"], expect=405)


def test_desk_intake_channels(hub, tokens):
    """The desk offers the intake channels of the table, and a desk submission records the one it names."""
    channels = "/api/v1/staff/desk/channels"
    _, listed = hub.call("GET", channels, token=tokens["staff"], expect=200)
    codes = [channel["code"] for channel in listed["channels"]]
    assert codes[:5] == ["tatap-muka-balai-kota", "tatap-muka-wali-kota", "tatap-muka-kecamatan", "tatap-muka-kelurahan",
                         "tatap-muka-inspektorat"]
    assert {"telepon", "surat", "lapor-1708", "aplikasi-jaki"} <= set(codes) and len(codes) == 16
    hub.call("GET", channels, expect=401, code="unauthenticated")
    hub.call("GET", channels, token=tokens["inspector"], expect=403, code="forbidden")

    desk = "/api/v1/staff/desk/complaints"
    _, created = hub.call("POST", desk, token=tokens["staff"], expect=201, json={
        "category": "kependudukan", "description": "Surat pindah belum terbit, disampaikan lewat telepon",
        "intake_channel": "telepon"})
    assert created["tracking_code"]
    hub.call("POST", desk, token=tokens["staff"], expect=400, code="unknown_intake_channel", json={
        "category": "kependudukan", "description": "Kanal yang tidak ada", "intake_channel": "merpati-pos"})
    hub.call("POST", desk, token=tokens["staff"], expect=400, code="invalid_field", json={
        "category": "kependudukan", "description": "Kanal bukan teks", "intake_channel": 7})
    # Absent or null: nothing recorded, as before the member existed.
    hub.call("POST", desk, token=tokens["staff"], expect=201, json={
        "category": "kependudukan", "description": "Tanpa kanal", "intake_channel": None})


def test_desk_idempotency_key(hub, tokens):
    """The desk honours Idempotency-Key as the JSON channel does, with keys of its own."""
    desk = "/api/v1/staff/desk/complaints"
    body = {"category": "kependudukan", "description": "Akta kelahiran belum terbit"}
    key = {"Idempotency-Key": "kontrak-loket-0001"}
    first, created = hub.call("POST", desk, token=tokens["staff"], json=body, headers=key, expect=201)
    again, replayed = hub.call("POST", desk, token=tokens["staff"], json=body, headers=key, expect=201)
    assert again.headers.get("Idempotent-Replayed") == "true" and replayed["tracking_code"] == created["tracking_code"]
    hub.call("POST", desk, token=tokens["staff"], json=dict(body, description="Akta kematian belum terbit"),
             headers=key, expect=422, code="idempotency_key_reused")
    hub.call("POST", desk, token=tokens["staff"], json=body, headers={"Idempotency-Key": "dua kata"}, expect=400,
             code="invalid_idempotency_key")
    _, elsewhere = hub.call("POST", "/api/v1/complaints", json=body, headers=key, expect=201)
    assert elsewhere["tracking_code"] != created["tracking_code"], "a desk key does not replay on the JSON channel"


def test_blank_description_is_refused_by_the_schema_and_the_server(hub, tokens):
    """Unicode whitespace alone is blank for both; any other character (a combining mark, U+FEFF) is text."""
    schema = {"$ref": "#/components/schemas/ComplaintSubmission"}
    for blank in ("", " ", "\t\n", "\u00a0\u3000", "\u0085", "\u2028\u205f"):
        body = {"category": "kesehatan", "description": blank}
        with pytest.raises(AssertionError):
            validate(body, schema, "blank description")
        for path, token in (("/api/v1/complaints", None), ("/api/v1/staff/desk/complaints", tokens["staff"])):
            hub.call("POST", path, token=token, json=body, expect=400, code="description_required")
    for text in (" \u0301", "\ufeff", "x"):
        body = {"category": "kesehatan", "description": text}
        validate(body, schema, "non-blank description")
        hub.call("POST", "/api/v1/complaints", json=body, expect=201)


def test_desk_refuses_a_photo_that_is_not_an_image_with_400(hub, tokens):
    """The desk takes the same body as a JSON submission, so a bad photo is a 400, not a 500."""
    desk = "/api/v1/staff/desk/complaints"
    base = {"category": "kesehatan", "description": "Foto rusak dari loket"}
    for photos, code in (([b64(b"bukan gambar")], "photo_not_an_image"), ([b64(PNG)] * 4, "too_many_photos")):
        _, body = hub.call("POST", desk, token=tokens["staff"], json=dict(base, photos=photos), expect=400, code=code)
        assert [(f["field"], f["code"]) for f in body["error"]["fields"]] == [("photos", code)], body


def test_sms_webhook(hub, tokens):
    sms = "/api/v1/inbound/sms"
    secret = {"X-Webhook-Secret": SMS_SECRET}
    _, receipt = hub.call("POST", sms, headers=secret, expect=201, json={
        "from": "+62 812 7000 1001", "text": "PU lampu jalan mati di gang mawar", "message_id": "sms-kontrak-1"})
    code = receipt["tracking_code"]
    assert f"{code[:4]}-{code[4:8]}-{code[8:]}" in receipt["reply"]
    _, case = hub.call("GET", CASE, {"code": code}, token=tokens["inspector"], expect=200)
    assert case["channel"] == "sms" and case["category"] == "pekerjaan-umum" and case["anonymous"] is True
    assert case["description"] == "lampu jalan mati di gang mawar"
    _, again = hub.call("POST", sms, headers=secret, expect=201, json={
        "from": "+62 812 7000 1001", "text": "PU lampu jalan mati di gang mawar", "message_id": "sms-kontrak-1"})
    assert again["tracking_code"] == code
    hub.call("POST", sms, headers=secret, expect=422, code="idempotency_key_reused", json={
        "from": "+62 812 7000 1001", "text": "PU lampu lain", "message_id": "sms-kontrak-1"})
    _, form = hub.call("POST", sms, headers=secret, expect=201,
                       data={"from": "081270001002", "text": "sehat puskesmas tutup siang hari"})
    _, case = hub.call("GET", CASE, {"code": form["tracking_code"]}, token=tokens["inspector"], expect=200)
    assert case["category"] == "kesehatan"

    for text in ("HALO apa kabar", "PU"):
        _, body = hub.call("POST", sms, headers=secret, expect=400, code="unknown_keyword",
                           json={"from": "081270001003", "text": text})
        assert "PU" in body["error"]["reply"] and "SEHAT" in body["error"]["reply"]
    _, body = hub.call("POST", sms, headers=secret, expect=400, code="invalid_phone",
                       json={"from": "bukan-nomor", "text": "PU jalan rusak"})
    assert body["error"]["reply"]
    hub.call("POST", sms, headers=secret, expect=400, code="invalid_request", json={"from": "081270001004"})
    hub.call("POST", sms, headers=secret, expect=400, code="invalid_request", json={"from": 81270001004, "text": "PU x"})
    hub.call("POST", sms, headers=dict(secret, **{"Content-Type": "application/json"}), data=b"{", expect=400,
             code="malformed_json")
    hub.call("POST", sms, headers=dict(secret, **{"Content-Type": "text/plain"}), data=b"PU x", expect=415)
    hub.call("POST", sms, headers={"X-Webhook-Secret": "salah"}, expect=403, code="forbidden",
             json={"from": "081270001005", "text": "PU jalan rusak"})
    hub.call("POST", sms, expect=403, code="forbidden", json={"from": "081270001005", "text": "PU jalan rusak"})
    hub.call("GET", sms, expect=405)


# ----------------------------------------------------------------------------------------------
# Staff sessions and queues


def test_login_me_and_logout(hub):
    login = "/api/v1/staff/login"
    response, body = hub.call("POST", login, json={"login": "PU.Petugas", "password": PASSWORD}, expect=200)
    token = body["token"]
    assert body["role"] == "staff" and body["module"] == "public-works" and body["categories"] == ["pekerjaan-umum"]
    assert response.headers["Set-Cookie"].startswith(f"hub_session={token};")
    hub.call("POST", login, json={"login": "pu.petugas"}, expect=400, code="invalid_request")
    hub.call("POST", login, json={"login": "pu.petugas", "password": 7}, expect=400, code="invalid_request")
    hub.call("POST", login, data=b"[]", headers={"Content-Type": "application/json"}, expect=400,
             code="malformed_json")
    hub.call("POST", login, json={"login": "pu.petugas", "password": "salah"}, expect=401,
             code="invalid_credentials")
    hub.call("POST", login, data=b"login=a&password=b",
             headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=415)
    hub.call("GET", login, expect=405)

    me = "/api/v1/staff/me"
    _, account = hub.call("GET", me, token=token, expect=200)
    assert account == {"login": "pu.petugas", "role": "staff", "module": "public-works",
                       "categories": ["pekerjaan-umum"], "area": None, "sub_unit": None}
    hub.call("GET", me, headers={"Cookie": f"hub_session={token}"}, expect=200)
    hub.call("GET", me, expect=401, code="unauthenticated")
    hub.call("GET", me, token="0" * 64, expect=401, code="unauthenticated")
    hub.call("POST", me, token=token, expect=405)

    assert len(body["csrf_token"]) >= 32 and body["csrf_token"] != token
    logout = "/api/v1/staff/logout"
    # A cookie alone changes no state: the session's CSRF token and this site's Origin must come with it.
    cookie = {"Cookie": f"hub_session={token}"}
    hub.call("POST", logout, headers=cookie, expect=403, code="csrf_token_required")
    hub.call("POST", logout, headers={**cookie, "X-CSRF-Token": body["csrf_token"]}, expect=403, code="origin_mismatch")
    hub.call("GET", me, headers=cookie, expect=200)
    response, _ = hub.call("POST", logout, token=token, expect=204)
    assert "Max-Age=0" in response.headers["Set-Cookie"]
    hub.call("GET", me, token=token, expect=401, code="unauthenticated")
    hub.call("POST", logout, expect=204)
    hub.call("GET", logout, expect=405)


def test_login_throttling(hub):
    """Too many failures for one account name, or from one address, refuse even the right password."""
    login = "/api/v1/staff/login"
    for _ in range(LOGIN_MAX_FAILURES):
        hub.call("POST", login, json={"login": "kontrak.terkunci", "password": "salah-lagi"}, expect=401,
                 code="invalid_credentials")
    for name in ("kontrak.terkunci", "KONTRAK.Terkunci"):
        response, _ = hub.call("POST", login, json={"login": name, "password": PASSWORD}, expect=429,
                               code="too_many_attempts")
        assert 1 <= int(response.headers["Retry-After"]) <= LOGIN_WINDOW_SECONDS
        assert "Set-Cookie" not in response.headers
    # Other names from the same address are not affected.
    hub.call("POST", login, json={"login": "pu.petugas", "password": PASSWORD}, expect=200)

    # Per address: failures for many names (none reaching the per-name limit) from another address.
    other = other_client(hub)
    with other:
        for number in range(LOGIN_MAX_FAILURES_PER_ADDRESS):
            hub.call("POST", login, session=other, json={"login": f"tamu.{number}", "password": "salah"},
                     expect=401, code="invalid_credentials")
        response, _ = hub.call("POST", login, session=other, json={"login": "pu.petugas", "password": PASSWORD},
                               expect=429, code="too_many_attempts")
        assert 1 <= int(response.headers["Retry-After"]) <= LOGIN_WINDOW_SECONDS
        # A malformed request is refused as such, and not counted.
        hub.call("POST", login, session=other, json={"login": "pu.petugas"}, expect=400, code="invalid_request")
    hub.call("POST", login, json={"login": "pu.petugas", "password": PASSWORD}, expect=200)


def test_staff_accounts(hub, tokens):
    admin = tokens["admin"]
    _, body = hub.call("GET", ACCOUNTS, token=admin, expect=200)
    logins = [account["login"] for account in body["accounts"]]
    assert logins == sorted(logins, key=str.lower)
    assert {"pu.petugas", "pu.kepala", "inspektur.1", "kontrak.admin"} <= set(logins)
    assert next(a for a in body["accounts"] if a["login"] == "pu.petugas") == {
        "login": "pu.petugas", "role": "staff", "module": "public-works", "categories": ["pekerjaan-umum"],
        "area": None, "sub_unit": None, "active": True}
    hub.call("HEAD", ACCOUNTS, token=admin, expect=200)
    hub.call("GET", ACCOUNTS, expect=401, code="unauthenticated")
    for who in ("staff", "lead"):
        hub.call("GET", ACCOUNTS, token=tokens[who], expect=403, code="forbidden")
    # Inspectors see the inspectorate's accounts only.
    _, seen = hub.call("GET", ACCOUNTS, token=tokens["inspector"], expect=200)
    assert seen["accounts"] and {account["role"] for account in seen["accounts"]} == {"inspector"}

    assert next(a for a in body["accounts"] if a["login"] == "pu.sukamaju")["area"] == "Sukamaju"

    new = {"login": "pu.kotabaru", "password": PASSWORD, "role": "staff", "module": "public-works",
           "categories": ["pekerjaan-umum"], "area": "Kotabaru"}
    _, created = hub.call("POST", ACCOUNTS, token=admin, json=new, expect=201)
    assert created == {"login": "pu.kotabaru", "role": "staff", "module": "public-works",
                       "categories": ["pekerjaan-umum"], "area": "Kotabaru", "sub_unit": None}
    _, created = hub.call("POST", ACCOUNTS, token=admin, expect=201, json={
        "login": "  Validator.Umum ", "password": PASSWORD, "role": "validator", "module": None, "categories": None,
        "area": " "})
    assert created == {"login": "Validator.Umum", "role": "validator", "module": None, "categories": [], "area": None,
                       "sub_unit": None}
    token = hub.login("pu.kotabaru")
    _, me = hub.call("GET", "/api/v1/staff/me", token=token, expect=200)
    assert me == {"login": "pu.kotabaru", "role": "staff", "module": "public-works", "categories": ["pekerjaan-umum"],
                  "area": "Kotabaru", "sub_unit": None}
    _, body = hub.call("GET", ACCOUNTS, token=admin, expect=200)
    assert {"pu.kotabaru", "Validator.Umum"} <= {account["login"] for account in body["accounts"]}

    hub.call("POST", ACCOUNTS, token=admin, json=dict(new, login="PU.KOTABARU"), expect=409, code="login_taken")
    hub.call("POST", ACCOUNTS, token=admin, json=dict(new, login="validator.umum", role="supervisor", module=None),
             expect=409, code="login_taken")
    # Only inspectors (and the operator) create inspector accounts; inspectors create nothing else.
    hub.call("POST", ACCOUNTS, token=admin, json=dict(new, login="inspektur.baru", role="inspector", module=None),
             expect=403, code="forbidden_role")
    refusals = [
        ({"password": PASSWORD, "role": "staff"}, "invalid_request"),
        ({"login": "tanpa.sandi", "role": "inspector"}, "invalid_request"),
        ({"login": "sandi.kosong", "password": "", "role": "inspector"}, "invalid_request"),
        ({"login": 42, "password": PASSWORD, "role": "inspector"}, "invalid_request"),
        (dict(new, login="kategori.teks", categories="pekerjaan-umum"), "invalid_request"),
        (dict(new, login="kategori.angka", categories=[1]), "invalid_request"),
        (dict(new, login="peran.raja", role="raja"), "invalid_role"),
        ({"login": "tanpa.peran", "password": PASSWORD}, "invalid_role"),
        (dict(new, login="modul.pajak", module="pajak"), "invalid_module"),
        (dict(new, login="kategori.asing", categories=["pekerjaan-umum", "tidak-ada"]), "unknown_category"),
        (dict(new, login="sandi.pendek", password="pendek"), "invalid_account"),
        (dict(new, login="staf.tanpa.modul", module=None), "invalid_account"),
        (dict(new, login="ada spasi"), "invalid_account"),
        (dict(new, login="ab"), "invalid_account"),
    ]
    for body, code in refusals:
        hub.call("POST", ACCOUNTS, token=admin, json=body, expect=400, code=code)
    hub.call("POST", ACCOUNTS, token=admin, data=b"{", headers={"Content-Type": "application/json"}, expect=400,
             code="malformed_json")
    hub.call("POST", ACCOUNTS, token=admin, data=b"login=x", headers={"Content-Type": "application/x-www-form-urlencoded"},
             expect=415, code="unsupported_media_type")
    hub.call("POST", ACCOUNTS, json=dict(new, login="tanpa.sesi"), expect=401, code="unauthenticated")
    # The role is checked before the body is read.
    hub.call("POST", ACCOUNTS, token=tokens["staff"], data=b"{", headers={"Content-Type": "application/json"},
             expect=403, code="forbidden")
    hub.call("POST", ACCOUNTS, token=tokens["inspector"], json=dict(new, login="bukan.admin"), expect=403,
             code="forbidden_role")
    _, created = hub.call("POST", ACCOUNTS, token=tokens["inspector"], expect=201, json={
        "login": "inspektur.kontrak", "password": PASSWORD, "role": "inspector"})
    assert created["role"] == "inspector"
    _, body = hub.call("GET", ACCOUNTS, token=admin, expect=200)
    assert not {login for login in ("tanpa.sesi", "bukan.admin", "sandi.pendek", "ada spasi", "modul.pajak",
                                    "inspektur.baru")} & {
        account["login"] for account in body["accounts"]}, "refused accounts must not be created"
    hub.call("DELETE", ACCOUNTS, token=admin, expect=405)



def test_reference_data_for_admins(hub, tokens):
    """Admins list, add and change reference data; other roles are refused; a bad change is a 4xx
    that stores nothing. Changes here touch nothing the other tests read."""
    admin = tokens["admin"]
    kinds = ADMIN + "/{kind}"
    one = kinds + "/{id}"
    for kind in ("categories", "subcategories", "routes", "agencies", "sub-units", "channels", "holidays", "deadlines",
                 "letter-types", "request-types", "request-parts"):
        _, body = hub.call("GET", kinds, {"kind": kind}, token=admin, expect=200)
        assert body["kind"] == kind and body["items"], body
    hub.call("GET", kinds, {"kind": "planets"}, token=admin, expect=404, code="unknown_kind")
    hub.call("GET", kinds, {"kind": "holidays"}, expect=401, code="unauthenticated")
    hub.call("GET", kinds, {"kind": "holidays"}, token=tokens["staff"], expect=403, code="forbidden")

    _, created = hub.call("POST", kinds, {"kind": "agencies"}, token=admin, expect=201,
                          json={"code": "kontrak-opd", "name_id": "Dinas Kontrak", "name_en": "Contract office"})
    assert created == {"id": "kontrak-opd", "code": "kontrak-opd", "name_id": "Dinas Kontrak", "name_en": "Contract office",
                       "time_zone": "WIB"}
    _, holiday = hub.call("POST", kinds, {"kind": "holidays"}, token=admin, expect=201,
                          json={"day": "2031-05-02", "name_id": "Cuti bersama", "name_en": "Collective leave", "kind": "cuti_bersama"})
    assert holiday["id"] == "2031-05-02" and holiday["active"] is True
    _, changed = hub.call("PATCH", one, {"kind": "holidays", "id": "2031-05-02"}, token=admin, expect=200,
                          json={"day": "2031-05-05", "active": False})
    assert changed["id"] == "2031-05-05" and changed["active"] is False
    _, agency = hub.call("PATCH", one, {"kind": "agencies", "id": "kontrak-opd"}, token=admin, expect=200, json={"time_zone": "WITA"})
    assert agency["time_zone"] == "WITA"

    letter_type = {"code": "kontrak-surat", "name_id": "Surat Kontrak", "name_en": "Contract letter", "classification": "474.2",
                   "fields": [{"key": "keperluan", "label_id": "Keperluan", "label_en": "Purpose", "type": "text", "required": True,
                               "max_length": 100, "min": None},
                              {"key": "status", "label_id": "Status", "label_en": "Status", "type": "choice", "choices": ["A", "B"]}],
                   "body_template": "Bahwa {{applicant.name}} ({{fields.status}}).\n\nUntuk {{fields.keperluan}}.",
                   "reaches_district": True, "deadline_days": 4}
    _, created_type = hub.call("POST", kinds, {"kind": "letter-types"}, token=admin, expect=201, json=letter_type)
    assert created_type["id"] == "kontrak-surat" and created_type["active"] is True
    assert created_type["fields"][0] == {"key": "keperluan", "label_id": "Keperluan", "label_en": "Purpose", "type": "text",
                                         "required": True, "max_length": 100}
    _, changed_type = hub.call("PATCH", one, {"kind": "letter-types", "id": "kontrak-surat"}, token=admin, expect=200,
                               json={"deadline_days": 6, "active": False})
    assert changed_type["deadline_days"] == 6 and changed_type["active"] is False
    _, offered = hub.call("GET", "/api/v1/letter-types", expect=200)
    assert "kontrak-surat" not in {t["code"] for t in offered["letter_types"]}, "a type switched off is not offered"
    _, types_before = hub.call("GET", kinds, {"kind": "letter-types"}, token=admin, expect=200)
    for method, path, values, body, status, code in [
        ("POST", kinds, {"kind": "letter-types"}, dict(letter_type, body_template="{{fields.alasan}}"), 422, "template_unknown_field"),
        ("POST", kinds, {"kind": "letter-types"}, dict(letter_type, body_template="{{nama}}"), 422, "invalid_template"),
        ("POST", kinds, {"kind": "letter-types"}, dict(letter_type, code="kontrak-surat-2", fields=[{"key": "x", "label_id": "X",
                                                                                                  "label_en": "X", "type": "uang"}]),
         400, "invalid_field"),
        ("POST", kinds, {"kind": "letter-types"}, letter_type, 409, "duplicate"),
        ("PATCH", one, {"kind": "letter-types", "id": "domisili"}, {"deadline_days": 61}, 400, "invalid_field"),
        ("PATCH", one, {"kind": "letter-types", "id": "domisili"}, {"fields": []}, 422, "template_unknown_field"),
    ]:
        hub.call(method, path, values, token=admin, json=body, expect=status, code=code)
    _, types_after = hub.call("GET", kinds, {"kind": "letter-types"}, token=admin, expect=200)
    assert types_after == types_before, "a refused letter type stores nothing"

    _, before = hub.call("GET", kinds, {"kind": "agencies"}, token=admin, expect=200)
    for method, path, values, body, status, code in [
        ("POST", kinds, {"kind": "agencies"}, {"code": "kontrak-opd", "name_id": "Lagi", "name_en": "Again"}, 409, "duplicate"),
        ("POST", kinds, {"kind": "routes"}, {"category": "sosial", "kecamatan": "Kontrak", "module": "social", "agency": "tidak-ada"},
         400, "unknown_reference"),
        ("POST", kinds, {"kind": "holidays"}, {"day": "2031-02-30", "name_id": "X", "name_en": "X"}, 400, "invalid_field"),
        ("POST", kinds, {"kind": "agencies"}, {"code": "opd-baru"}, 400, "missing_field"),
        ("POST", kinds, {"kind": "planets"}, {"code": "x"}, 404, "unknown_kind"),
        ("PATCH", one, {"kind": "deadlines", "id": "verify"}, {"working_days": 0}, 400, "invalid_field"),
        ("PATCH", one, {"kind": "deadlines", "id": "verify"}, {"working_days": -3}, 400, "invalid_field"),
        ("PATCH", one, {"kind": "deadlines", "id": "tidak-ada"}, {"working_days": 3}, 404, "not_found"),
        ("PATCH", one, {"kind": "categories", "id": "perizinan"}, {"keyword": "SEHAT"}, 409, "duplicate"),
        ("POST", kinds, {"kind": "request-parts"}, {"type": "bayi-baru-lahir", "agency": "rsud", "category": "kesehatan", "position": 4,
                                                    "name_id": "Lagi", "name_en": "Again"}, 409, "duplicate"),
        ("PATCH", one, {"kind": "request-parts", "id": "bayi-baru-lahir:rsud"}, {"agency": "dinsos"}, 400, "field_not_editable"),
        ("PATCH", one, {"kind": "subcategories", "id": "kependudukan:akta-kematian"}, {"request_type": "tidak-ada"},
         400, "unknown_reference"),
    ]:
        hub.call(method, path, values, token=admin, json=body, expect=status, code=code)
    for method, path, values in (("POST", kinds, {"kind": "holidays"}), ("PATCH", one, {"kind": "holidays", "id": "2031-05-05"})):
        hub.call(method, path, values, json={"name_id": "X"}, expect=401, code="unauthenticated")
        hub.call(method, path, values, token=tokens["inspector"], json={"name_id": "X"}, expect=403, code="forbidden")
        hub.call(method, path, values, token=admin, data=b"day=x", headers={"Content-Type": "application/x-www-form-urlencoded"},
                 expect=415)
    _, after = hub.call("GET", kinds, {"kind": "agencies"}, token=admin, expect=200)
    assert after == before, "a refused change stores nothing"
    _, categories = hub.call("GET", kinds, {"kind": "categories"}, token=admin, expect=200)
    assert next(c for c in categories["items"] if c["id"] == "perizinan")["keyword"] == "IZIN"


def test_staff_account_changes(hub, tokens):
    """Disabling, enabling, a new password and ending sessions, by admins and (for inspector
    accounts) inspectors; each change ends the sessions it should at once."""
    admin, inspector = tokens["admin"], tokens["inspector"]
    one = ACCOUNTS + "/{login}"
    password, revoke = one + "/password", one + "/revoke-sessions"
    hub.hubctl("user", "add", "kontrak.keluar", "--role", "staff", "--module", "social", stdin=PASSWORD + "\n")
    hub.hubctl("user", "add", "inspektur.keluar", "--role", "inspector", stdin=PASSWORD + "\n")
    target = {"login": "kontrak.keluar"}
    session = hub.login("kontrak.keluar")

    _, body = hub.call("PATCH", one, target, token=admin, json={"active": False}, expect=200)
    assert body == {"login": "kontrak.keluar", "role": "staff", "module": "social", "categories": [], "area": None,
                    "sub_unit": None, "active": False}
    hub.call("GET", "/api/v1/staff/me", token=session, expect=401, code="unauthenticated")
    hub.call("POST", "/api/v1/staff/login", json={"login": "kontrak.keluar", "password": PASSWORD}, expect=401,
             code="invalid_credentials")
    _, body = hub.call("PATCH", one, {"login": "KONTRAK.KELUAR"}, token=admin, json={"active": True}, expect=200)
    assert body["active"] is True
    session = hub.login("kontrak.keluar")
    _, body = hub.call("POST", revoke, target, token=admin, expect=200)
    assert body == {"login": "kontrak.keluar", "sessions_ended": 1}
    hub.call("POST", revoke, target, token=admin, json={}, expect=200)
    session = hub.login("kontrak.keluar")
    _, body = hub.call("POST", password, target, token=admin, json={"password": "sandi-kontrak-baru"}, expect=200)
    assert body == {"login": "kontrak.keluar", "sessions_ended": 1}
    hub.call("GET", "/api/v1/staff/me", token=session, expect=401)
    hub.call("POST", "/api/v1/staff/login", json={"login": "kontrak.keluar", "password": "sandi-kontrak-baru"}, expect=200)

    for path, body in ((one, {"active": False}), (password, {"password": PASSWORD}), (revoke, None)):
        kwargs = {} if body is None else {"json": body}
        hub.call(path == one and "PATCH" or "POST", path, target, expect=401, code="unauthenticated", **kwargs)
        hub.call(path == one and "PATCH" or "POST", path, target, token=tokens["staff"], expect=403, code="forbidden",
                 **kwargs)
        # Admins never manage an inspector; inspectors manage inspectors only.
        hub.call(path == one and "PATCH" or "POST", path, {"login": "inspektur.keluar"}, token=admin, expect=403,
                 code="forbidden_role", **kwargs)
        hub.call(path == one and "PATCH" or "POST", path, target, token=inspector, expect=403, code="forbidden_role",
                 **kwargs)
        hub.call(path == one and "PATCH" or "POST", path, {"login": "tidak.ada"}, token=admin, expect=404,
                 code="account_not_found", **kwargs)
        hub.call(path == one and "PATCH" or "POST", path, target, token=admin, data=b"{",
                 headers={"Content-Type": "application/json"}, expect=400, code="malformed_json")
        hub.call(path == one and "PATCH" or "POST", path, target, token=admin, data=b"active=false",
                 headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=415, code="unsupported_media_type")
    for body in ({}, {"active": "false"}, {"active": 0}, {"active": None}):
        hub.call("PATCH", one, target, token=admin, json=body, expect=400, code="invalid_request")
    for body in ({}, {"password": ""}, {"password": 12345678}):
        hub.call("POST", password, target, token=admin, json=body, expect=400, code="invalid_request")
    hub.call("POST", password, target, token=admin, json={"password": "pendek"}, expect=400, code="invalid_password")
    hub.call("PATCH", one, {"login": "kontrak.admin"}, token=admin, json={"active": False}, expect=409,
             code="own_account")
    _, body = hub.call("PATCH", one, {"login": "inspektur.keluar"}, token=inspector, json={"active": False}, expect=200)
    assert body["active"] is False and body["role"] == "inspector"
    hub.call("DELETE", one, target, token=admin, expect=405)

def test_queues(hub, tokens):
    code = hub.submit({"category": "pekerjaan-umum", "description": "Jalan berlubang dekat antrean"})["tracking_code"]
    other = hub.submit({"category": "perhubungan", "description": "Antrean uji KIR mengular"})["tracking_code"]
    hub.wait_status(code, "dispatched")
    hub.wait_status(other, "dispatched")
    queue = "/api/v1/staff/queue"
    _, body = hub.call("GET", queue, token=tokens["staff"], expect=200)
    assert body["count"] == len(body["cases"]) and code in [c["tracking_code"] for c in body["cases"]]
    assert {c["module"] for c in body["cases"]} == {"public-works"}
    _, body = hub.call("GET", queue, token=tokens["staff"], params={"status": "dispatched",
                                                                    "category": "pekerjaan-umum"}, expect=200)
    assert {c["status"] for c in body["cases"]} == {"dispatched"}
    hub.call("GET", queue, token=tokens["staff"], params={"status": "selesai"}, expect=400, code="invalid_status")
    hub.call("GET", queue, token=tokens["staff"], params={"category": "sosial"}, expect=403,
             code="forbidden_category")
    hub.call("GET", queue, token=tokens["staff"], params={"inspectorate": "true"}, expect=403, code="forbidden")
    hub.call("GET", queue, token=tokens["nomodule"], expect=403, code="no_module")
    hub.call("GET", queue, expect=401, code="unauthenticated")
    _, body = hub.call("GET", queue, token=tokens["inspector"], params={"module": "kir"}, expect=200)
    assert other in [c["tracking_code"] for c in body["cases"]] and {c["module"] for c in body["cases"]} == {"kir"}
    hub.call("GET", queue, token=tokens["inspector"], params={"module": "pajak"}, expect=400, code="invalid_module")
    hub.call("GET", queue, token=tokens["inspector"], params={"inspectorate": "true"}, expect=200)
    hub.call("POST", queue, token=tokens["staff"], expect=405)


def test_queue_search_holder_sort_and_total(hub, tokens):
    staff = tokens["staff"]
    words = hub.submit({"category": "pekerjaan-umum", "description": "Jembatan gantung bergoyang keras, papan lantainya lapuk",
                        "location": "Dusun Kalisari"})["tracking_code"]
    held = hub.submit({"category": "pekerjaan-umum", "description": "Aspal mengelupas di tikungan tajam"})["tracking_code"]
    for code in (words, held):
        hub.wait_status(code, "dispatched")
    hub.act(staff, held, "claim", {})

    def listed(**params):
        _, body = hub.call("GET", QUEUE, token=staff, params=params, expect=200)
        assert body["count"] == len(body["cases"]) <= body["total"] and body["total_capped"] is False
        assert body["counts"]["cap"] == 1000 and body["counts"]["capped"] == []
        return body

    # q: words of the description or the location, in any case; a tracking code however typed.
    found = listed(q="GANTUNG BERGOYANG")
    assert [c["tracking_code"] for c in found["cases"]] == [words] and found["total"] == 1
    item = found["cases"][0]
    assert item["snippet"] == "Jembatan gantung bergoyang keras, papan lantainya lapuk"
    assert item["holder"] is None and 0 <= item["age_seconds"] < 3600
    assert [c["tracking_code"] for c in listed(q="kalisari")["cases"]] == [words]
    typed = f"{words[:4].lower()}-{words[4:8]} {words[8:]}"
    assert [c["tracking_code"] for c in listed(q=typed)["cases"]] == [words]
    assert listed(q="tidak ada kata ini")["total"] == 0

    # assignee: the staff member's own cases (with their name as the holder), or nobody's.
    mine = listed(assignee="me")
    assert held in [c["tracking_code"] for c in mine["cases"]] and all(c["holder"] == "pu.petugas" for c in mine["cases"])
    nobody = listed(assignee="none")
    assert held not in [c["tracking_code"] for c in nobody["cases"]] and all(c["holder"] is None for c in nobody["cases"])
    everything = listed(page_size="1")
    assert everything["total"] == mine["total"] + nobody["total"] and everything["page_size"] == 1

    # sort: each order lists the same cases; age is oldest first; deadline is the default.
    assert listed()["sort"] == "deadline"
    by_age = listed(sort="age")
    assert by_age["sort"] == "age" and [c["created_at"] for c in by_age["cases"]] == sorted(c["created_at"] for c in by_age["cases"])
    by_priority = listed(sort="priority")
    ranks = ["urgent", "high", "normal", "low"]
    assert [ranks.index(c["priority"]) for c in by_priority["cases"]] == sorted(ranks.index(c["priority"]) for c in by_priority["cases"])
    assert {c["tracking_code"] for c in by_priority["cases"]} == {c["tracking_code"] for c in by_age["cases"]}

    for params, code in (({"q": "ab"}, "invalid_query"), ({"q": "x" * 201}, "invalid_query"),
                         ({"assignee": "saya"}, "invalid_assignee"), ({"sort": "newest"}, "invalid_sort"),
                         ({"page_size": "201"}, "invalid_page_size")):
        hub.call("GET", QUEUE, token=staff, params=params, expect=400, code=code)


def test_queue_filters_and_counts(hub, tokens):
    staff, inspector = tokens["staff"], tokens["inspector"]
    # Sukamaju is a desa of kecamatan Sukasari (add_letter_officials' regions): the names place it there.
    here = hub.submit({"category": "pekerjaan-umum", "description": "Got mampet di Sukamaju", "kelurahan": "sukamaju",
                       "kecamatan": "Sukasari"})["tracking_code"]
    there = hub.submit({"category": "pekerjaan-umum", "description": "Got mampet di Kotabaru",
                        "kelurahan": "Kotabaru", "kecamatan": "Kota Barat"})["tracking_code"]
    late = hub.submit({"category": "pekerjaan-umum", "description": "Trotoar rusak lama tak ditangani",
                       "kelurahan": "Kotabaru"})["tracking_code"]
    for code in (here, there, late):
        hub.wait_status(code, "dispatched")
    hub.act(inspector, there, "escalate", {"priority": "high"})
    # Past its deadline, and already escalated as far as the sweeper goes, so it stays overdue.
    hub.sql(f"update complaints set due_at = now() - interval '1 day', overdue_step = 2 where tracking_code = '{late}'")

    def listed(token, **params):
        _, body = hub.call("GET", QUEUE, token=token, params=params, expect=200)
        assert body["count"] == len(body["cases"])
        return body

    everything = listed(staff)
    assert sum(everything["counts"]["by_status"].values()) == everything["count"]
    assert everything["counts"]["overdue"] == sum(c["overdue"] for c in everything["cases"]) >= 1
    dispatched = listed(staff, status="dispatched")
    assert {c["status"] for c in dispatched["cases"]} == {"dispatched"}
    assert dispatched["counts"] == everything["counts"], "counts ignore the status asked for"
    assert dispatched["count"] == everything["counts"]["by_status"]["dispatched"]

    high = listed(staff, priority="high")
    assert there in [c["tracking_code"] for c in high["cases"]] and {c["priority"] for c in high["cases"]} == {"high"}
    overdue = listed(staff, overdue="true")
    assert late in [c["tracking_code"] for c in overdue["cases"]] and all(c["overdue"] for c in overdue["cases"])
    assert overdue["counts"]["overdue"] == overdue["count"]
    assert listed(staff, overdue="false")["count"] == everything["count"]
    assert listed(staff, overdue=" ", priority="", status="")["count"] == everything["count"], "blank means any"
    # The area is a region's code: a desa's lists the cases placed in it, a kecamatan's those in any of its desa.
    sukamaju = listed(staff, area="35.99.01.2001")
    assert here in [c["tracking_code"] for c in sukamaju["cases"]] and there not in [c["tracking_code"] for c in sukamaju["cases"]]
    assert all(c["kelurahan"] == "Sukamaju" and c["kecamatan"] == "Sukasari" for c in sukamaju["cases"])
    by_kecamatan = [c["tracking_code"] for c in listed(inspector, area="35.99.01", module="public-works")["cases"]]
    assert here in by_kecamatan and there not in by_kecamatan
    hub.call("GET", QUEUE, token=staff, params={"area": "Sukamaju"}, expect=400, code="invalid_area")

    hub.call("GET", QUEUE, token=staff, params={"priority": "sangat"}, expect=400, code="invalid_priority")
    hub.call("GET", QUEUE, token=staff, params={"overdue": "ya"}, expect=400, code="invalid_request")
    hub.call("GET", QUEUE, token=staff, params={"overdue": "TRUE"}, expect=400, code="invalid_request")
    # Staff may name their own module only; admins any, but the inspectorate queue is the inspectors' alone.
    assert listed(staff, module="public-works")["count"] == everything["count"]
    hub.call("GET", QUEUE, token=staff, params={"module": "kir"}, expect=403, code="forbidden_module")
    hub.call("GET", QUEUE, token=staff, params={"module": "pajak"}, expect=400, code="invalid_module")
    hub.call("GET", QUEUE, token=staff, params={"agency": "dinas-khayalan"}, expect=400, code="invalid_agency")
    assert listed(staff, agency="dpupr")["count"] == everything["count"]
    assert listed(staff, agency="dinsos")["count"] == 0
    by_agency = listed(tokens["inspector"], agency="dinsos")["cases"]
    assert all(c["agency"] == "dinsos" for c in by_agency)
    assert {c["module"] for c in listed(tokens["admin"], module="kir")["cases"]} <= {"kir"}
    hub.call("GET", QUEUE, token=tokens["admin"], params={"inspectorate": "true"}, expect=403, code="forbidden")
    assert not any(c["inspectorate"] for c in listed(tokens["admin"])["cases"])

    # An account bound to an area sees that area only: asking for another region's code narrows it to nothing.
    local = tokens["local"]
    own = listed(local)
    assert here in [c["tracking_code"] for c in own["cases"]]
    assert {there, late}.isdisjoint(c["tracking_code"] for c in own["cases"])
    assert here in [c["tracking_code"] for c in listed(local, area="35.99.01.2001")["cases"]]
    assert listed(local, area="35.99.01.2002")["count"] == 0
    hub.call("GET", CASE, {"code": there}, token=local, expect=404, code="case_not_found")
    hub.call("GET", CASE, {"code": here}, token=local, expect=200)

    # An account bound to a sub-unit sees what was disposed to it only, and may not ask for another.
    hub.call("GET", QUEUE, token=tokens["unit"], params={"sub_unit": "dpupr-jalan"}, expect=403, code="forbidden_sub_unit")
    assert all(c["sub_unit"] == "dpupr-pju" for c in listed(tokens["unit"])["cases"])
    hub.call("GET", CASE, {"code": here}, token=tokens["unit"], expect=404, code="case_not_found")


def test_case_detail(hub, tokens):
    open_report = hub.submit({"category": "pekerjaan-umum", "description": "Drainase meluap", "anonymous": False,
                              "contact": {"name": "Warga Terbuka", "email": "warga.terbuka@example.org"}})
    code = open_report["tracking_code"]
    hub.wait_status(code, "dispatched")
    _, case = hub.call("GET", CASE, {"code": code}, token=tokens["staff"], expect=200)
    assert case["reporter"] == {"name": "Warga Terbuka", "email": "warga.terbuka@example.org", "phone": None}
    assert case["channel"] == "api" and case["module"] == "public-works"
    assert [event["public"] for event in case["timeline"]] == [True, True]
    hub.call("GET", CASE, {"code": code.lower()}, headers={"Cookie": f"hub_session={tokens['staff']}"}, expect=200)
    social = hub.submit({"category": "sosial", "description": "Anak jalanan butuh bantuan"})["tracking_code"]
    hub.call("GET", CASE, {"code": social}, token=tokens["staff"], expect=404, code="case_not_found")
    hub.call("GET", CASE, {"code": social}, token=tokens["inspector"], expect=200)
    hub.call("GET", CASE, {"code": "ZZZZZZZZZZZZZ"}, token=tokens["staff"], expect=404, code="case_not_found")
    hub.call("GET", CASE, {"code": "bukan-kode"}, token=tokens["staff"], expect=404, code="case_not_found")
    hub.call("GET", CASE, {"code": code}, expect=401, code="unauthenticated")
    hub.call("POST", CASE, {"code": code}, token=tokens["staff"], expect=405, json={})


# ----------------------------------------------------------------------------------------------
# Case actions


def new_case(hub, description, category="pekerjaan-umum"):
    code = hub.submit({"category": category, "description": description})["tracking_code"]
    hub.wait_status(code, "dispatched")
    return code


def test_case_lifecycle_through_every_action(hub, tokens):
    staff, lead, inspector = tokens["staff"], tokens["lead"], tokens["inspector"]
    a = new_case(hub, "Jalan amblas di tikungan")
    assert hub.act(staff, a, "verify")["status"] == "verified"
    case = hub.act(staff, a, "claim", {})
    assert case["status"] == "in_progress" and case["assigned_to"] is not None and case["reporter"] is None
    claimed_by = case["assigned_to"]
    case = hub.act(staff, a, "assign", {"assignee": "PU.Kepala"})
    assert case["status"] == "in_progress" and case["assigned_to"] not in (None, claimed_by)
    assert {"kind": "assigned", "public": False, "actor_role": "staff", "status": "in_progress"}.items() <= \
        case["timeline"][-1].items()
    assert hub.act(lead, a, "assign", {"assignee": "pu.petugas"})["assigned_to"] == claimed_by
    case = hub.act(lead, a, "dispose", {"sub_unit": "dpupr-jalan"})
    assert case["sub_unit"] == "dpupr-jalan" and case["status"] == "in_progress" and case["assigned_to"] == claimed_by
    assert {"kind": "disposed", "public": True, "actor_role": "supervisor",
            "note": "UPT Pemeliharaan Jalan dan Jembatan"}.items() <= case["timeline"][-1].items()
    case = hub.act(inspector, a, "notes", {"note": "Dipantau inspektur", "public": True})
    assert case["timeline"][-1] == {**case["timeline"][-1], "kind": "note", "public": True,
                                    "note": "Dipantau inspektur", "actor_role": "inspector"}
    hub.act(staff, a, "notes", {"note": "Catatan internal"})
    # The same note with the session cookie alone is refused: a cookie never changes state by itself.
    hub.call("POST", f"{CASE}/notes", {"code": a}, headers={"Cookie": f"hub_session={staff}"},
             json={"note": "Catatan dari situs lain"}, expect=403, code="csrf_token_required")
    assert hub.act(staff, a, "request-validation", {"note": "Sudah ditambal"})["status"] == "awaiting_validation"
    assert hub.act(lead, a, "reject-follow-up", {"reason": "Tambalan belum rata"})["status"] == "in_progress"
    hub.act(staff, a, "request-validation", {"note": "Sudah diratakan", "photos": None})
    assert hub.act(lead, a, "validate")["status"] == "resolved"
    assert hub.act(staff, a, "close")["status"] == "closed"
    view = hub.public(a)
    kinds = [event["kind"] for event in view["timeline"]]
    assert "follow_up_rejected" not in kinds and "assigned" not in kinds and "Catatan internal" not in json.dumps(view)
    assert "Dipantau inspektur" in json.dumps(view)

    b = new_case(hub, "Lampu taman mati")
    hub.act(staff, b, "claim")
    case = hub.act(staff, b, "resolve", {"note": "Lampu diganti", "photos": []})
    assert case["status"] == "resolved" and case["due_at"] is not None

    c = new_case(hub, "Bukan kewenangan dinas")
    assert hub.act(staff, c, "reject", {"reason": "Bukan kewenangan PU"})["status"] == "rejected"

    d = new_case(hub, "Perbaikan menunggu anggaran")
    hub.act(staff, d, "verify")
    case = hub.act(staff, d, "postpone", {"reason": "Menunggu anggaran"})
    assert case["status"] == "postponed" and case["due_at"] is None

    e = new_case(hub, "Laporan ganda jalan amblas")
    assert hub.act(staff, e, "duplicate", {"duplicate_of": d.lower()})["status"] == "duplicate"

    f = new_case(hub, "Pungutan liar oleh petugas lapangan")
    case = hub.act(inspector, f, "escalate", {"priority": "urgent", "due_at": "2030-12-01T17:00:00+07:00",
                                              "inspectorate": True, "reason": "Dugaan pungli"})
    assert case["priority"] == "urgent" and case["inspectorate"] is True and case["escalation_level"] == 3
    assert [e["kind"] for e in case["timeline"]].count("escalated") == 3
    assert {"kind": "note", "public": False, "note": "Dugaan pungli"}.items() <= next(
        e for e in case["timeline"] if e.get("note") == "Dugaan pungli").items()
    hub.call("GET", CASE, {"code": f}, token=staff, expect=404, code="case_not_found")
    hub.call("GET", CASE, {"code": f}, token=tokens["admin"], expect=404, code="case_not_found")
    _, queue = hub.call("GET", "/api/v1/staff/queue", token=inspector, params={"inspectorate": "true"}, expect=200)
    assert f in [c["tracking_code"] for c in queue["cases"]]

    g = new_case(hub, "Salah kategori: bantuan sosial")
    case = hub.act(inspector, g, "escalate", {"category": "sosial"})
    assert case["module"] == "social" and case["status"] in pyhub.JUST_SUBMITTED and case["category"] == "sosial"
    hub.wait_status(g, "dispatched")
    _, case = hub.call("GET", CASE, {"code": g}, token=inspector, expect=200)
    assert case["module"] == "social"


def test_case_action_refusals(hub, tokens):
    staff, lead, inspector = tokens["staff"], tokens["lead"], tokens["inspector"]
    valid = {"assign": {"assignee": "pu.petugas"}, "dispose": {"sub_unit": "dpupr-pju"}, "notes": {"note": "n"}, "resolve": {"note": "n"},
             "request-validation": {"note": "n"}, "reject-follow-up": {"reason": "r"}, "reject": {"reason": "r"},
             "postpone": {"reason": "r"}, "duplicate": {"duplicate_of": "ZZZZZZZZZZZZY"},
             "escalate": {"priority": "high"}}
    dispatched = new_case(hub, "Kasus untuk penolakan aksi")
    rejected = new_case(hub, "Kasus yang akan ditolak")
    hub.act(staff, rejected, "reject", {"reason": "Tidak jelas"})

    for action in ACTIONS:
        path = f"{CASE}/{action}"
        body = valid.get(action)
        hub.call("POST", path, {"code": dispatched}, json=body, expect=401, code="unauthenticated")
        hub.call("POST", path, {"code": "ZZZZZZZZZZZZZ"}, token=staff, json=body, expect=404, code="case_not_found")
        hub.call("POST", path, {"code": dispatched}, token=staff, data=b"{oops",
                 headers={"Content-Type": "application/json"}, expect=400, code="malformed_json")
        hub.call("POST", path, {"code": dispatched}, token=staff, data=b"note=x",
                 headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=415,
                 code="unsupported_media_type")
        # A closed road: every action is refused on a rejected case.
        actor = lead if action in ("validate", "reject-follow-up") else inspector if action == "escalate" else staff
        if action == "duplicate":
            body = {"duplicate_of": dispatched}
        hub.act(actor, rejected, action, body, expect=409, error="invalid_transition")
        hub.call("GET", path, {"code": dispatched}, token=staff, expect=405)

    # Roles: inspectors escalate and annotate, they do not do the agency's work; staff do not validate.
    for action in ("claim", "verify", "assign", "dispose", "resolve", "request-validation", "reject", "postpone", "close",
                   "duplicate"):
        body = dict(valid.get(action) or {}, duplicate_of=rejected) if action == "duplicate" else valid.get(action)
        hub.act(inspector, dispatched, action, body, expect=403, error="forbidden_action")
    for action in ("validate", "reject-follow-up"):
        hub.act(staff, dispatched, action, valid.get(action), expect=403, error="forbidden_action")
    hub.act(staff, dispatched, "escalate", valid["escalate"], expect=403, error="forbidden_action")

    # Statuses and required texts.
    hub.act(staff, dispatched, "close", expect=409, error="invalid_transition")
    hub.act(staff, dispatched, "resolve", {"note": "  "}, expect=409, error="note_required")
    hub.act(staff, dispatched, "request-validation", {}, expect=409, error="note_required")
    hub.act(staff, dispatched, "notes", {"note": ""}, expect=409, error="note_required")
    hub.act(staff, dispatched, "reject", {}, expect=409, error="reason_required")
    hub.act(staff, dispatched, "postpone", {"reason": " "}, expect=409, error="reason_required")
    hub.act(lead, dispatched, "reject-follow-up", {"reason": ""}, expect=409, error="reason_required")
    hub.act(lead, dispatched, "validate", expect=409, error="invalid_transition")

    # Bodies the actions cannot read.
    hub.act(staff, dispatched, "duplicate", {}, expect=400, error="invalid_request")
    hub.act(staff, dispatched, "duplicate", {"duplicate_of": "bukan kode!"}, expect=400, error="invalid_request")
    hub.act(staff, dispatched, "duplicate", {"duplicate_of": "ZZZZZZZZZZZZY"}, expect=400, error="invalid_duplicate")
    hub.act(staff, dispatched, "duplicate", {"duplicate_of": dispatched.lower()}, expect=400, error="invalid_duplicate")
    for body in ({}, {"assignee": ""}, {"assignee": 7}):
        hub.act(staff, dispatched, "assign", body, expect=400, error="invalid_request")
    hub.act(staff, dispatched, "notes", {"note": "x" * 4001}, expect=400, error="note_too_long")
    hub.act(staff, dispatched, "escalate", {"priority": "high", "reason": "x" * 4001}, expect=403, error="forbidden_action")
    hub.act(inspector, dispatched, "escalate", {"priority": "high", "reason": "x" * 4001}, expect=400, error="note_too_long")
    for body in ({}, {"sub_unit": ""}, {"sub_unit": 7}):
        hub.act(staff, dispatched, "dispose", body, expect=400, error="invalid_request")
    # Only a sub-unit of the case's own agency (dpupr) takes it.
    for unit in ("dinsos-panti", "tidak-ada"):
        hub.act(staff, dispatched, "dispose", {"sub_unit": unit}, expect=400, error="invalid_sub_unit")
    # Only active staff and supervisors of the case's module take a case.
    for colleague in ("tidak.ada", "inspektur.1", "tanpa.modul", "kontrak.admin"):
        hub.act(staff, dispatched, "assign", {"assignee": colleague}, expect=400, error="invalid_assignee")
    for action in ("resolve", "request-validation"):
        for photos, error in (("foto", "invalid_field"), ([1], "invalid_field"), (["bukan base64!"], "invalid_field"),
                              ([b64(b"GIF89a-bukan")], "photo_not_an_image"), ([b64(PNG)] * 4, "too_many_photos")):
            body = hub.act(staff, dispatched, action, {"note": "n", "photos": photos}, expect=400, error=error)
            assert "fields" not in body["error"], body
        # Photos are checked before the case is looked up.
        hub.act(staff, "ZZZZZZZZZZZZZ", action, {"note": "n", "photos": [b64(b"bukan")]}, expect=400,
                error="photo_not_an_image")
    hub.act(inspector, dispatched, "escalate", {}, expect=400, error="invalid_request")
    hub.act(inspector, dispatched, "escalate", {"priority": "sangat"}, expect=400, error="invalid_priority")
    hub.act(inspector, dispatched, "escalate", {"due_at": "besok"}, expect=400, error="invalid_due_at")
    hub.act(inspector, dispatched, "escalate", {"category": ""}, expect=400, error="unknown_category")
    hub.act(inspector, dispatched, "escalate", {"category": "tidak-ada"}, expect=400, error="unknown_category")
    assert hub.public(dispatched)["status"] == "dispatched", "refused actions must change nothing"

    # An unknown action: 401 without a session, 404 unknown_action with one (outside the spec's paths).
    check_error_shape(hub.raw("POST", f"/api/v1/staff/cases/{dispatched}/lupakan", json={}), 401, "unauthenticated")
    check_error_shape(hub.raw("POST", f"/api/v1/staff/cases/{dispatched}/lupakan", json={},
                              headers={"Authorization": f"Bearer {staff}"}), 404, "unknown_action")


def test_answering_the_reporter(hub, tokens):
    """Ask, the reporter's replies (JSON, multipart, the text gateway's webhook) and their refusals."""
    staff, validator_less = tokens["staff"], tokens["inspector"]
    phone = "+62 812 7001 4455"
    code = hub.submit({"category": "pekerjaan-umum", "description": "Lubang jalan, petugas perlu bertanya",
                       "confidential": False, "contact": {"phone": phone}})["tracking_code"]
    hub.wait_status(code, "dispatched")
    ask = f"{CASE}/ask"
    question = {"question": "Di depan rumah nomor berapa?"}
    hub.call("POST", ask, {"code": code}, json=question, expect=401, code="unauthenticated")
    hub.call("POST", ask, {"code": "ZZZZZZZZZZZZZ"}, token=staff, json=question, expect=404, code="case_not_found")
    hub.call("POST", ask, {"code": code}, token=staff, data=b"{oops", headers={"Content-Type": "application/json"},
             expect=400, code="malformed_json")
    hub.call("POST", ask, {"code": code}, token=staff, data=b"question=x",
             headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=415, code="unsupported_media_type")
    hub.act(validator_less, code, "ask", question, expect=403, error="forbidden_action")
    hub.act(staff, code, "ask", {"question": "  "}, expect=409, error="question_required")
    hub.act(staff, code, "claim", {})
    case = hub.act(staff, code, "ask", question)
    assert case["status"] == "awaiting_reporter" and case["reporter_answered"] is False
    assert case["reporter_unanswered"] is False
    assert case["timeline"][-1]["kind"] == "question_asked" and case["timeline"][-1]["public"] is True
    hub.act(staff, code, "ask", question, expect=409, error="invalid_transition")
    hub.act(staff, code, "reject", {"reason": "Tidak jelas"}, expect=409, error="reporter_has_time")
    view = hub.public(code)
    assert view["status"] == "awaiting_reporter" and view["timeline"][-1]["note"] == question["question"]

    # The reporter's refused replies store nothing.
    reply = lambda target, **kwargs: hub.call("POST", REPLIES, {"code": target}, **kwargs)  # noqa: E731
    reply(code, json={"text": "  "}, expect=400, code="reply_required")
    reply(code, json={}, expect=400, code="reply_required")
    reply(code, json={"text": 5}, expect=400, code="invalid_field")
    reply(code, json={"text": "a" * 4001}, expect=400, code="note_too_long")
    reply(code, data=b"{oops", headers={"Content-Type": "application/json"}, expect=400, code="malformed_json")
    reply(code, data=b"text", headers={"Content-Type": "text/plain"}, expect=415, code="unsupported_media_type")
    reply(code, data={"text": "Foto"}, files=[("photos", ("a.gif", b"GIF89a-bukan", "image/gif"))], expect=400,
          code="photo_not_an_image")
    reply(code, data={"text": "Foto"}, files=[("photos", (f"{i}.png", PNG, "image/png")) for i in range(4)], expect=400,
          code="too_many_photos")
    reply("ZZZZZZZZZZZZZ", json={"text": "Halo"}, expect=404, code="complaint_not_found")
    assert hub.public(code)["status"] == "awaiting_reporter"
    staff_view = hub.call("GET", CASE, {"code": code}, token=staff, expect=200)[1]
    assert [e["kind"] for e in staff_view["timeline"]].count("reporter_replied") == 0

    # A multipart reply with a photo: the case resumes and the queue marks it.
    _, view = reply(code, data={"text": "Di depan nomor 12."}, files=[("photos", ("a.png", PNG, "image/png"))], expect=201)
    assert view["status"] == "in_progress" and view["due_at"] is not None
    assert all(event["kind"] != "reporter_replied" for event in view["timeline"]), "the reply stays internal"
    staff_view = hub.call("GET", CASE, {"code": code}, token=staff, expect=200)[1]
    assert staff_view["reporter_answered"] is True and staff_view["status"] == "in_progress"
    replied = [e for e in staff_view["timeline"] if e["kind"] == "reporter_replied"]
    assert len(replied) == 1 and replied[0]["note"] == "Di depan nomor 12." and replied[0]["public"] is False
    queue = hub.call("GET", QUEUE, token=staff, expect=200)[1]
    listed = [item for item in queue["cases"] if item["tracking_code"] == code]
    assert listed and listed[0]["reporter_answered"] is True

    # A JSON reply to an open case that is not waiting is taken too.
    _, view = reply(code, json={"text": "Tambahan: lubangnya makin lebar."}, expect=201)
    assert view["status"] == "in_progress"

    # The text gateway's inbound reply: the secret, the code, the sender.
    hub.act(staff, code, "ask", {"question": "Sejak kapan?"})
    text = lambda body, **kwargs: hub.call("POST", INBOUND_TEXT, json=body, **kwargs)  # noqa: E731
    secret = {"X-Webhook-Secret": TEXT_SECRET}
    text({"from": phone, "text": f"{code} Sejak Senin."}, expect=403, code="forbidden")
    text({"from": phone, "text": f"{code} Sejak Senin."}, headers={"X-Webhook-Secret": "salah"}, expect=403, code="forbidden")
    text({"from": "081299990000", "text": f"{code} Sejak Senin."}, headers=secret, expect=403, code="sender_not_reporter")
    text({"from": phone, "text": "Sejak Senin."}, headers=secret, expect=400, code="code_required")
    text({"from": phone}, headers=secret, expect=400, code="invalid_request")
    text({"from": phone, "text": 5}, headers=secret, expect=400, code="invalid_field")
    text({"from": phone, "text": code}, headers=secret, expect=400, code="reply_required")
    text({"from": phone, "text": "ZZZZZZZZZZZZZ Halo"}, headers=secret, expect=404, code="complaint_not_found")
    hub.call("POST", INBOUND_TEXT, data=b"from=x", headers={**secret, "Content-Type": "application/x-www-form-urlencoded"},
             expect=415, code="unsupported_media_type")
    assert hub.public(code)["status"] == "awaiting_reporter", "refused text replies change nothing"
    grouped = f"{code[:4]}-{code[4:8]}-{code[8:]}".lower()
    _, receipt = text({"from": "0812-7001-4455", "text": f"{grouped} Sejak Senin pagi."}, headers=secret, expect=201)
    assert receipt == {"tracking_code": code, "status": "in_progress"}

    # A case that is over takes no reply, by any way.
    closed = new_case(hub, "Laporan yang ditolak lalu dijawab", )
    hub.act(staff, closed, "reject", {"reason": "Bukan kewenangan"})
    reply(closed, json={"text": "Halo"}, expect=409, code="invalid_transition")
    other = hub.submit({"category": "pekerjaan-umum", "description": "Laporan ditutup, pelapor membalas",
                        "contact": {"phone": "081277001122"}})["tracking_code"]
    hub.wait_status(other, "dispatched")
    hub.act(staff, other, "reject", {"reason": "Bukan kewenangan"})
    text({"from": "081277001122", "text": f"{other} Halo"}, headers=secret, expect=409, code="invalid_transition")


def test_forwarding_and_the_inspectorates_work(hub, tokens):
    staff, inspector, admin = tokens["staff"], tokens["inspector"], tokens["admin"]
    valid = {"forward": {"agency": "dinsos", "reason": "Kewenangan dinas sosial"}, "return-forward": {"reason": "Bukan kewenangan"},
             "findings": {"note": "Saksi membenarkan"}, "decide": {"outcome": "substantiated", "public_note": "Terbukti"}}
    dispatched = new_case(hub, "Kasus untuk tindakan lintas instansi")
    for action in ("forward", "accept-forward", "return-forward", "investigate", "findings", "decide"):
        path = f"{CASE}/{action}"
        body = valid.get(action)
        hub.call("POST", path, {"code": dispatched}, json=body, expect=401, code="unauthenticated")
        hub.call("POST", path, {"code": "ZZZZZZZZZZZZZ"}, token=staff, json=body, expect=404, code="case_not_found")
        hub.call("POST", path, {"code": dispatched}, token=staff, data=b"{oops",
                 headers={"Content-Type": "application/json"}, expect=400, code="malformed_json")
        hub.call("POST", path, {"code": dispatched}, token=staff, data=b"note=x",
                 headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=415, code="unsupported_media_type")
        hub.call("GET", path, {"code": dispatched}, token=staff, expect=405)
    # Roles: the agencies forward and answer forwards; the inspectorate's work is the inspectors'.
    for action in ("forward", "accept-forward", "return-forward"):
        hub.act(inspector, dispatched, action, valid.get(action), expect=403, error="forbidden_action")
    for action in ("investigate", "findings", "decide"):
        hub.act(staff, dispatched, action, valid.get(action), expect=403, error="forbidden_action")
    # Roads: no forward to answer, no investigation of an agency's case.
    hub.act(staff, dispatched, "accept-forward", expect=409, error="invalid_transition")
    hub.act(staff, dispatched, "return-forward", valid["return-forward"], expect=409, error="invalid_transition")
    hub.act(inspector, dispatched, "investigate", expect=409, error="invalid_transition")
    hub.act(inspector, dispatched, "findings", valid["findings"], expect=409, error="invalid_transition")
    hub.act(inspector, dispatched, "decide", valid["decide"], expect=409, error="invalid_transition")
    # Bodies and names refused.
    hub.act(staff, dispatched, "forward", {"reason": "r"}, expect=400, error="invalid_request")
    hub.act(staff, dispatched, "forward", {"agency": "tidak-ada", "reason": "r"}, expect=400, error="unknown_agency")
    hub.act(staff, dispatched, "forward", {"agency": "inspektorat", "reason": "r"}, expect=400, error="unknown_agency")
    hub.act(staff, dispatched, "forward", {"agency": "dpupr", "reason": "r"}, expect=400, error="same_agency")
    hub.act(staff, dispatched, "forward", {"agency": "dinsos", "reason": " "}, expect=409, error="reason_required")
    hub.act(staff, dispatched, "forward", {"agency": "dinsos", "reason": "x" * 4001}, expect=400, error="note_too_long")
    hub.act(inspector, dispatched, "decide", {"outcome": "bersalah", "public_note": "n"}, expect=400, error="invalid_outcome")
    assert hub.public(dispatched)["status"] == "dispatched", "refused actions must change nothing"

    # A forward accepted, one returned.
    case = hub.act(staff, dispatched, "forward", valid["forward"])
    assert case["status"] == "forwarded" and case["module"] == "social" and case["forwarded_from"] == "dpupr"
    assert {"kind": "forwarded", "public": True, "note": "Dinas Sosial"}.items() <= case["timeline"][-2].items()
    case = hub.act(admin, dispatched, "accept-forward")
    assert case["status"] == "verified" and case["agency"] == "dinsos" and case["forwarded_from"] is None
    returned = new_case(hub, "Kasus yang dikembalikan")
    hub.act(staff, returned, "forward", valid["forward"])
    hub.act(admin, returned, "return-forward", {"reason": ""}, expect=409, error="reason_required")
    case = hub.act(admin, returned, "return-forward", valid["return-forward"])
    assert case["status"] == "verified" and case["agency"] == "dpupr" and case["module"] == "public-works"
    assert [e["kind"] for e in hub.public(returned)["timeline"]] == ["submitted", "dispatched", "forwarded", "forward_returned"]

    # A pungli report goes to the inspectorate, which works it to a public outcome.
    report = hub.submit({"category": "perizinan", "subcategory": "pungutan-liar", "description": "Diminta uang pelicin"})
    code = report["tracking_code"]
    hub.wait_status(code, "dispatched")
    hub.call("GET", CASE, {"code": code}, token=admin, expect=404, code="case_not_found")
    assert hub.act(inspector, code, "investigate")["status"] == "in_progress"
    hub.act(inspector, code, "findings", {"note": " "}, expect=409, error="note_required")
    hub.act(inspector, code, "findings", {"note": "x" * 4001}, expect=400, error="note_too_long")
    case = hub.act(inspector, code, "findings", valid["findings"])
    assert {"kind": "findings_recorded", "public": False}.items() <= case["timeline"][-1].items()
    hub.act(inspector, code, "decide", {"public_note": "n"}, expect=400, error="invalid_outcome")
    hub.act(inspector, code, "decide", {"outcome": "referred_ombudsman", "public_note": ""}, expect=409, error="note_required")
    case = hub.act(inspector, code, "decide", {"outcome": "referred_ombudsman", "public_note": "Diteruskan"})
    assert case["status"] == "closed"
    view = hub.public(code)
    assert view["timeline"][-1]["kind"] == "decided" and view["timeline"][-1]["note"] == "Diteruskan kepada Ombudsman: Diteruskan"
    assert "Saksi membenarkan" not in json.dumps(view)


def test_a_request_that_fans_out_answers_its_parts(hub, tokens):
    admin, inspector = tokens["admin"], tokens["inspector"]
    answer = hub.submit({"category": "kependudukan", "subcategory": "bayi-baru-lahir", "confidential": False,
                         "description": "Bayi lahir 1 Desember: akta, KK dan BPJS"})
    code = answer["tracking_code"]
    view = pyhub.wait_until(lambda: hub.public(code),
                            lambda view: [p["status"] for p in view.get("parts", [])] == ["dispatched"] * 3,
                            f"{code}'s three parts taken in")
    assert view["status"] == "dispatched"
    assert [p["agency"] for p in view["parts"]] == ["rsud", "disdukcapil", "bpjs-kesehatan"]
    assert all(p["due_at"] for p in view["parts"]), view["parts"]
    assert hub.public(code, params={"lang": "en"})["parts"][2]["agency_name"] == "BPJS Health (national health insurance)"
    assert [e["kind"] for e in view["timeline"]] == ["submitted", "parts_progressed"]
    # The parent is never worked: every action on it is refused, by staff and by the citizen.
    hub.act(admin, code, "claim", expect=409, error="parent_case")
    hub.act(inspector, code, "escalate", {"priority": "high"}, expect=409, error="parent_case")
    hub.feedback(code, {"rating": 5}, expect=409, error="parent_case")
    assert "parts" not in hub.public(new_case(hub, "Kasus biasa tanpa bagian"))


def test_after_photos_go_with_resolve_and_request_validation(hub, tokens):
    staff, lead = tokens["staff"], tokens["lead"]
    code = hub.submit({"category": "pekerjaan-umum", "description": "Gorong-gorong ambrol di depan sekolah",
                       "confidential": False})["tracking_code"]
    hub.wait_status(code, "dispatched")
    hub.act(staff, code, "claim")
    case = hub.act(staff, code, "request-validation", {"note": "Sudah diganti", "photos": [b64(WEBP), b64(JPEG)]})
    assert case["status"] == "awaiting_validation"
    hub.act(lead, code, "reject-follow-up", {"reason": "Foto kurang jelas"})
    assert hub.act(staff, code, "resolve", {"note": "Sudah diganti", "photos": [b64(PNG)]})["status"] == "resolved"
    view = hub.public(code)
    assert [(p["url"], p["purpose"], p["media_type"]) for p in view["photos"]] == [
        (f"/api/v1/complaints/{code}/resolution-photos/{n}", "resolution", kind)
        for n, kind in ((1, "image/webp"), (2, "image/jpeg"), (3, "image/png"))]
    after = "/api/v1/complaints/{code}/resolution-photos/{position}"
    response, _ = hub.call("GET", after, {"code": code, "position": 2}, expect=200)
    assert GPS_MARK not in response.content, "the JPEG's Exif segment must be stripped"
    response, _ = hub.call("GET", after, {"code": code, "position": 3}, expect=200)
    assert response.content == PNG
    # The citizen answers a resolution that carries photos like any other.
    assert hub.feedback(code, {"rating": 5})["status"] == "closed"


def test_after_photos_beyond_the_addresss_daily_allowance_are_429(hub, tokens):
    staff = tokens["staff"]
    other = other_client(hub)
    assert PHOTO_QUOTA // 2 < len(NOISE_PNG) <= PHOTO_QUOTA
    codes = [new_case(hub, f"Trotoar amblas di blok {block}") for block in "ABC"]
    for code in codes:
        hub.act(staff, code, "claim")
    body = {"note": "Sudah diperbaiki", "photos": [b64(NOISE_PNG)]}
    with other:
        hub.call("POST", f"{CASE}/resolve", {"code": codes[0]}, token=staff, session=other, json=body, expect=200)
        before = [hub.public(code)["status"] for code in codes[1:]]
        response, refusal = hub.call("POST", f"{CASE}/request-validation", {"code": codes[1]}, token=staff,
                                     session=other, json=body, expect=429, code="photo_quota_exceeded")
        assert "tomorrow" in refusal["error"]["message"]
        hub.call("POST", f"{CASE}/resolve", {"code": codes[2]}, token=staff, session=other, json=body, expect=429,
                 code="photo_quota_exceeded")
    # Nothing of a refused action is stored; the allowance is the address's, not the account's.
    assert [hub.public(code)["status"] for code in codes[1:]] == before
    hub.act(staff, codes[2], "resolve", body)


# ----------------------------------------------------------------------------------------------
# The citizen's answer to a resolution


def resolved_case(hub, staff, description, code=None):
    if code is None:
        code = new_case(hub, description)
    hub.act(staff, code, "claim")
    hub.act(staff, code, "resolve", {"note": "Sudah diperbaiki"})
    return code


def test_citizen_answers_a_resolution(hub, tokens):
    staff = tokens["staff"]
    code = new_case(hub, "Lampu jalan padam di gang melati")
    # Not resolved yet: nothing to answer.
    hub.feedback(code, {"rating": 5}, expect=409, error="invalid_transition")
    hub.feedback(code, {"rating": 1, "reason": "Belum dikerjakan"}, expect=409, error="invalid_transition")
    # The reason is checked before the status.
    hub.feedback(code, {"rating": 1}, expect=400, error="reason_required")
    resolved_case(hub, staff, None, code)

    for body in ({}, {"rating": None}, {"rating": "4"}, {"rating": 3.5}, {"rating": True}, {"rating": 0},
                 {"rating": 6}, {"rating": -1}, {"rating": 0, "reason": "Tidak puas"}):
        hub.feedback(code, body, expect=400, error="invalid_rating")
    for body in ({"rating": 2}, {"rating": 2, "reason": "   "}, {"rating": 1, "reason": ""}, {"rating": 2, "reason": None}):
        hub.feedback(code, body, expect=400, error="reason_required")
    for body in ({"rating": 4, "reason": "x" * 4001}, {"rating": 1, "reason": "x" * 4001}):
        hub.feedback(code, body, expect=400, error="note_too_long")
    for body in ({"rating": 1, "reason": 7}, {"rating": 4, "reason": False}, {"rating": 4, "reason": ["x"]}):
        hub.feedback(code, body, expect=400, error="invalid_request")
    hub.call("POST", FEEDBACK, {"code": code}, data=b"{oops", headers={"Content-Type": "application/json"},
             expect=400, code="malformed_json")
    hub.call("POST", FEEDBACK, {"code": code}, data=b"", headers={"Content-Type": "application/json"},
             expect=400, code="malformed_json")
    hub.call("POST", FEEDBACK, {"code": code}, data=b"rating=5", headers={"Content-Type": "application/x-www-form-urlencoded"},
             expect=415, code="unsupported_media_type")
    for unknown in ("ZZZZZZZZZZZZZ", "bukan-kode!"):
        hub.feedback(unknown, {"rating": 5}, expect=404, error="complaint_not_found")
    # An unknown case is 404 even with a rating off the scale (the case is looked up first).
    hub.feedback("ZZZZZZZZZZZZZ", {"rating": 9}, expect=404, error="complaint_not_found")
    assert hub.public(code)["status"] == "resolved", "refused answers must change nothing"

    # A low rating with a reason reopens the case, with the reason on the public timeline.
    messy = f"{code[:4].lower()}-{code[4:]}"
    view = hub.feedback(messy, {"rating": 2, "reason": "Lampu menyala semalam lalu mati lagi"}, params={"lang": "en"})
    assert view["tracking_code"] == code and view["status"] == "in_progress" and view["status_label"] == "In progress"
    assert view["due_at"] is not None
    assert view["timeline"][-1] == {"kind": "reopened", "at": view["timeline"][-1]["at"], "actor_role": "citizen",
                                    "status": "in_progress", "note": "Lampu menyala semalam lalu mati lagi"}
    hub.feedback(code, {"rating": 2, "reason": "Lagi"}, expect=409, error="invalid_transition")
    _, case = hub.call("GET", CASE, {"code": code}, token=staff, expect=200)
    assert case["status"] == "in_progress" and case["timeline"][-1]["kind"] == "reopened"
    assert case["timeline"][-1]["public"] is True

    # A rating of 3 or more accepts the resolution and closes the case, the reason kept as the
    # citizen's comment.
    hub.act(staff, code, "resolve", {"note": "Kabel diganti"})
    view = hub.feedback(code, {"rating": 4.0, "reason": "Terima kasih, sudah menyala"},
                        headers={"Accept-Language": "en"})
    assert view["status"] == "closed" and view["due_at"] is None and view["status_label"] == "Closed"
    assert view["timeline"][-1] == {"kind": "accepted", "at": view["timeline"][-1]["at"], "actor_role": "citizen",
                                    "status": "closed", "note": "Terima kasih, sudah menyala"}
    hub.feedback(code, {"rating": 5}, expect=409, error="invalid_transition")
    # Null is the same as no reason: accepted without a note.
    quiet = resolved_case(hub, staff, "Lampu taman padam")
    view = hub.feedback(quiet, {"rating": 5, "reason": None})
    assert view["status"] == "closed" and "note" not in view["timeline"][-1]

    # Every rating of the scale is taken.
    for rating in (1, 3, 5):
        other = resolved_case(hub, staff, f"Jalan berlubang nomor {rating}")
        view = hub.feedback(other, {"rating": rating, "reason": "Masih berlubang"})
        assert view["status"] == ("in_progress" if rating == 1 else "closed")


# ----------------------------------------------------------------------------------------------
# Methods, unknown paths, rate limits, disabled webhook, unreachable module


def test_module_details_kir_appointments_and_the_roster(hub, tokens):
    staff, lead, inspector, admin = tokens["staff"], tokens["lead"], tokens["inspector"], tokens["admin"]
    details = CASE + "/details"
    code = hub.submit({"category": "pekerjaan-umum", "description": "Usul PJU baru di ujung gang"})["tracking_code"]
    hub.wait_status(code, "dispatched")
    _, case = hub.call("POST", details, {"code": code}, token=staff, expect=200,
                       json={"fields": {"asset_kind": "streetlight", "proposal": "new", "feasibility": "pending"}})
    assert case["module_fields"] == {"asset_kind": "streetlight", "proposal": "new", "feasibility": "pending"}
    hub.call("POST", details, {"code": code}, token=staff, expect=400, code="invalid_field",
             json={"fields": {"programme": "accepted"}})
    hub.call("POST", details, {"code": code}, token=staff, expect=400, code="invalid_request", json={"fields": "x"})
    hub.call("POST", details, {"code": code}, expect=401, code="unauthenticated", json={"fields": {}})
    hub.call("POST", details, {"code": code}, token=inspector, expect=403, code="forbidden_action",
             json={"fields": {"asset_kind": "road"}})
    hub.call("POST", details, {"code": "0000000000000"}, token=staff, expect=404, code="case_not_found",
             json={"fields": {"asset_kind": "road"}})
    hub.call("POST", CASE + "/reject", {"code": code}, token=staff, expect=200, json={"reason": "Bukan kewenangan"})
    hub.call("POST", details, {"code": code}, token=staff, expect=409, code="invalid_transition",
             json={"fields": {"asset_kind": "road"}})

    for login, role in (("kir.petugas", "staff"), ("kir.kepala", "supervisor")):
        hub.call("POST", ACCOUNTS, token=admin, expect=201,
                 json={"login": login, "password": PASSWORD, "role": role, "module": "kir"})
    kir_staff, kir_lead = hub.login("kir.petugas"), hub.login("kir.kepala")
    slots, bookings = "/api/v1/staff/kir/slots", "/api/v1/staff/kir/bookings"
    _, slot = hub.call("POST", slots, token=kir_lead, expect=201, json={"starts_at": "2031-03-03T08:00:00+07:00", "capacity": 1})
    hub.call("POST", slots, token=kir_lead, expect=409, code="slot_exists",
             json={"starts_at": "2031-03-03T08:00:00+07:00", "capacity": 2})
    hub.call("POST", slots, token=kir_lead, expect=400, code="invalid_capacity",
             json={"starts_at": "2031-03-04T08:00:00+07:00", "capacity": 0})
    hub.call("POST", slots, expect=401, code="unauthenticated", json={})
    hub.call("POST", slots, token=kir_staff, expect=403, code="forbidden_action",
             json={"starts_at": "2031-03-04T08:00:00+07:00", "capacity": 1})
    _, listed = hub.call("GET", slots, token=kir_staff, expect=200)
    assert [item["id"] for item in listed["slots"]] == [slot["id"]]
    hub.call("GET", slots, expect=401, code="unauthenticated")
    hub.call("GET", slots, token=staff, expect=403, code="forbidden")
    first = hub.submit({"category": "perhubungan", "description": "Jadwal uji berkala bus sekolah"})["tracking_code"]
    second = hub.submit({"category": "perhubungan", "description": "Jadwal uji pertama mobil boks"})["tracking_code"]
    hub.wait_status(first, "dispatched")
    hub.wait_status(second, "dispatched")
    _, booked = hub.call("POST", bookings, token=kir_staff, expect=200, json={"tracking_code": first, "slot_id": slot["id"]})
    assert booked["slot_id"] == slot["id"]
    hub.call("POST", bookings, token=kir_staff, expect=409, code="slot_full",
             json={"tracking_code": second, "slot_id": slot["id"]})
    hub.call("POST", bookings, token=kir_staff, expect=404, code="slot_not_found",
             json={"tracking_code": second, "slot_id": 999999})
    hub.call("POST", bookings, token=kir_staff, expect=400, code="invalid_request", json={"tracking_code": "x", "slot_id": 1})
    hub.call("POST", bookings, expect=401, code="unauthenticated", json={})
    hub.call("POST", bookings, token=inspector, expect=403, code="forbidden_action",
             json={"tracking_code": second, "slot_id": slot["id"]})

    roster = "/api/v1/staff/roster"
    hub.call("POST", roster, token=lead, expect=201,
             json={"login": "pu.petugas", "starts_at": "2031-03-03T07:00:00+07:00", "ends_at": "2031-03-03T15:00:00+07:00"})
    hub.call("POST", roster, token=lead, expect=409, code="shift_overlaps",
             json={"login": "pu.petugas", "starts_at": "2031-03-03T14:00:00+07:00", "ends_at": "2031-03-03T20:00:00+07:00"})
    hub.call("POST", roster, token=lead, expect=400, code="invalid_shift",
             json={"login": "pu.petugas", "starts_at": "2031-03-04T07:00:00+07:00", "ends_at": "2031-03-04T06:00:00+07:00"})
    hub.call("POST", roster, expect=401, code="unauthenticated", json={})
    hub.call("POST", roster, token=staff, expect=403, code="forbidden_action",
             json={"login": "pu.petugas", "starts_at": "2031-03-05T07:00:00+07:00", "ends_at": "2031-03-05T15:00:00+07:00"})
    _, planned = hub.call("GET", roster, token=staff, expect=200)
    assert planned == {"on_duty": [], "upcoming": []}, "the shift is more than a week ahead"
    hub.call("GET", roster, expect=401, code="unauthenticated")
    hub.call("GET", roster, token=kir_staff, expect=403, code="forbidden")


# ----------------------------------------------------------------------------------------------
# Lost codes and followers (issue 14)

RESEND = "/api/v1/codes/resend"
FOLLOWERS = "/api/v1/complaints/{code}/followers"
CONFIRM_LINK = "/follow/confirm/{token}"
UNSUBSCRIBE_LINK = "/follow/unsubscribe/{token}"


def test_lost_codes_answer_alike_and_are_limited_across_intake_replicas(hub):
    reporter = {"email": "kontrak.lupa@example.org", "phone": "+6281299990301"}
    hub.submit({"category": "pekerjaan-umum", "description": "Jalan berlubang", "contact": reporter})
    known = hub.call("POST", RESEND, json={"email": reporter["email"]}, expect=202)[0]
    unknown = hub.call("POST", RESEND, json={"email": "tak.dikenal@example.org"}, expect=202)[0]
    assert known.content == unknown.content
    hub.call("POST", RESEND, json={"phone": "0812 9999 0301", "lang": "en"}, expect=202)
    for body, error in [({}, "contact_required"), ({"email": "x@example.org", "phone": "081299990301"}, "contact_required"),
                        ({"email": "bukan"}, "invalid_email"), ({"phone": "123"}, "invalid_phone"),
                        ({"email": 7}, "invalid_field")]:
        hub.call("POST", RESEND, json=body, expect=400, code=error)
    hub.call("POST", RESEND, data="[]", headers={"Content-Type": "application/json"}, expect=400, code="malformed_json")
    hub.call("POST", RESEND, data="email=a@example.org", headers={"Content-Type": "application/x-www-form-urlencoded"},
             expect=415)
    # Three an hour per contact, counted in PostgreSQL: the second gateway's intake (another
    # replica) counts the same requests.
    again = {"email": "kontrak.sering@example.org"}
    hub.call("POST", RESEND, json=again, expect=202)
    hub.call("POST", RESEND, json=again, base=hub.limited_base, expect=202)
    hub.call("POST", RESEND, json=again, expect=202)
    limited = hub.call("POST", RESEND, json=again, base=hub.limited_base, expect=429, code="rate_limited")[0]
    assert int(limited.headers["Retry-After"]) >= 1


def test_following_a_public_complaint_and_its_refusals(hub):
    public = hub.submit({"category": "pekerjaan-umum", "description": "Got mampet", "confidential": False})["tracking_code"]
    secret = hub.submit({"category": "pekerjaan-umum", "description": "Got mampet juga", "confidential": True})["tracking_code"]
    hub.call("POST", FOLLOWERS, {"code": public}, json={"email": "kontrak.ikut@example.org", "lang": "en"}, expect=202)
    hub.call("POST", FOLLOWERS, {"code": public}, json={"email": "Kontrak.Ikut@example.org"}, expect=409,
             code="already_following")
    hub.call("POST", FOLLOWERS, {"code": secret}, json={"email": "kontrak.ikut@example.org"}, expect=403,
             code="confidential_case")
    hub.call("POST", FOLLOWERS, {"code": "7K3M9Q2XRT5VA"}, json={"email": "kontrak.ikut@example.org"}, expect=404,
             code="complaint_not_found")
    hub.call("POST", FOLLOWERS, {"code": public}, json={"email": "bukan-email"}, expect=400, code="invalid_email")
    hub.call("POST", FOLLOWERS, {"code": public}, json={}, expect=400, code="invalid_email")
    hub.call("POST", FOLLOWERS, {"code": public}, data="email=a@example.org",
             headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=415)
    # Ten requests an hour for an address to follow with (the four well-formed ones above count).
    for _ in range(6):
        hub.call("POST", FOLLOWERS, {"code": public}, json={"email": "kontrak.ikut@example.org"}, expect=409)
    hub.call("POST", FOLLOWERS, {"code": public}, json={"email": "kontrak.ikut@example.org"}, expect=429, code="rate_limited")


def test_a_followers_links_act_only_by_their_buttons_post(hub):
    code = hub.submit({"category": "pekerjaan-umum", "description": "Got mampet di gang", "confidential": False})["tracking_code"]
    email = "kontrak.tautan@example.org"
    hub.call("POST", FOLLOWERS, {"code": code}, json={"email": email}, expect=202)
    confirm, unsubscribe = hub.sql(
        f"select confirm_token || ' ' || unsubscribe_token from complaint_followers where email = '{email}'").split()
    confirmed = f"select (confirmed_at is not null)::text from complaint_followers where email = '{email}'"
    page, _ = hub.call("GET", CONFIRM_LINK, {"token": confirm}, expect=200)
    assert 'id="follow-confirm"' in page.text and hub.sql(confirmed) == "false", "opening the link changes nothing"
    hub.call("GET", CONFIRM_LINK, {"token": confirm}, params={"lang": "en"}, expect=200)
    hub.call("POST", CONFIRM_LINK, {"token": confirm}, expect=200)
    assert hub.sql(confirmed) == "true"
    page, _ = hub.call("GET", UNSUBSCRIBE_LINK, {"token": unsubscribe}, expect=200)
    assert 'id="follow-unsubscribe"' in page.text and hub.sql(confirmed) == "true"
    hub.call("POST", UNSUBSCRIBE_LINK, {"token": unsubscribe}, data="List-Unsubscribe=One-Click",
             headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=200)
    assert hub.sql(confirmed) == ""
    for path, token in ((CONFIRM_LINK, "0" * 48), (UNSUBSCRIBE_LINK, unsubscribe), (UNSUBSCRIBE_LINK, "bukan-token")):
        for method in ("GET", "POST"):
            hub.call(method, path, {"token": token}, expect=404)
    # Limited like tracking lookups: the tight gateway's burst of two, from an address of its own (the
    # other tests' lookups through that gateway keep their bucket).
    with other_client(hub) as other:
        def status(method, path, token):
            return hub.call(method, path, {"token": token}, base=hub.limited_base, session=other)[0].status_code
        statuses = [status("GET", CONFIRM_LINK, confirm) for _ in range(3)]
        statuses += [status("POST", UNSUBSCRIBE_LINK, unsubscribe), status("GET", UNSUBSCRIBE_LINK, unsubscribe),
                     status("POST", CONFIRM_LINK, confirm)]
    assert statuses == [404, 404] + [429] * 4, statuses  # the follow ended above: its links name nothing now


def test_method_not_allowed_on_every_path(hub):
    sample = {"code": "7K3M9Q2XRT5VA", "position": "1", "id": "1", "login": "pu.petugas", "kind": "holidays",
              "number": "470-0001-35.99.01.2001-2026", "token": "0" * 48,
              "area_code": "35.99.01"}
    for path in SPEC["paths"]:
        # A path that answers pages refuses as a page (the status and Allow checked all the same).
        code = None if path.startswith("/follow/") else "method_not_allowed"
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
            if method not in spec_methods(path):
                hub.call(method, path, sample, expect=405, code=code)
    check_error_shape(hub.raw("BREW", "/api/v1/categories"), 501, "not_implemented")
    check_error_shape(hub.raw("GET", "/api/v1/tidak-ada"), 404, "not_found")
    check_error_shape(hub.raw("GET", "/api/v1/complaints/7K3M9Q2XRT5VA/videos/1"), 404, "not_found")


def test_rate_limits_disabled_webhook_and_unreachable_module(hub, tokens):
    limited = hub.limited_base
    # Submissions: a burst of 2 per address. The SMS webhook, off behind this intake, is not counted:
    # the provider is one address speaking for many citizens, and it authenticates with its secret.
    for _ in range(3):
        hub.call("POST", "/api/v1/inbound/sms", base=limited, headers={"X-Webhook-Secret": SMS_SECRET},
                 json={"from": "081299990001", "text": "PU jalan rusak"}, expect=404, code="not_found")
    hub.call("POST", "/api/v1/complaints", base=limited, expect=201,
             json={"category": "pariwisata", "description": "Parkir di pantai dipungut dua kali"})
    _, created = hub.call("POST", "/api/v1/complaints", base=limited, expect=201,
                          json={"category": "pariwisata", "description": "Tiket masuk pantai dinaikkan sepihak",
                                "confidential": False, "photos": [b64(PNG)]})
    code = created["tracking_code"]
    response, _ = hub.call("POST", "/api/v1/complaints", base=limited, expect=429, code="rate_limited",
                           json={"category": "pariwisata", "description": "Satu lagi"})
    assert int(response.headers["Retry-After"]) >= 1
    # The reporter's reply stores text and photos: it shares the submissions bucket.
    hub.call("POST", REPLIES, {"code": code}, base=limited, json={"text": "Jawaban"}, expect=429, code="rate_limited")
    # The main gateway keeps its own buckets.
    hub.call("POST", "/api/v1/complaints", expect=201, json={"category": "pariwisata", "description": "Toilet kotor"})

    # Lookups: a burst of 2 per address, shared by the public view and the photos.
    hub.call("GET", "/api/v1/complaints/{code}", {"code": code}, base=limited, expect=200)
    hub.call("GET", "/api/v1/complaints/{code}/photos/{position}", {"code": code, "position": 1}, base=limited,
             expect=200)
    for path in ("/api/v1/complaints/{code}", "/api/v1/complaints/{code}/photos/{position}",
                 "/api/v1/complaints/{code}/resolution-photos/{position}", "/api/v1/photos/{id}"):
        hub.call("GET", path, {"code": code, "position": 1, "id": 1}, base=limited, expect=429, code="rate_limited")
    # The citizen's answer to a resolution shares the lookups bucket.
    response, _ = hub.call("POST", FEEDBACK, {"code": code}, base=limited, json={"rating": 5}, expect=429,
                           code="rate_limited")
    assert int(response.headers["Retry-After"]) >= 1
    hub.call("POST", FEEDBACK, {"code": code}, json={"rating": 5}, expect=409, code="invalid_transition")
    hub.call("GET", "/api/v1/categories", base=limited, expect=200)

    # The tourism module cannot be reached from this gateway: 502, in the hub's error shape.
    hub.call("GET", CASE, {"code": code}, base=limited, token=tokens["inspector"], expect=502,
             code="upstream_unavailable")
    hub.call("GET", CASE, {"code": code}, token=tokens["inspector"], expect=200)


# ----------------------------------------------------------------------------------------------
# Letters between village and sub-district (after the rate limits: the limited gateway's lookups are spent)

LETTERS = "/api/v1/staff/letters"
LETTER = "/api/v1/staff/letters/{code}"
LETTER_APPLICANT = {"nik": "3599010101900001", "name": "Siti Kontrak", "address": "RT 01 RW 02 Krajan"}
DOMISILI = {"alamat_domisili": "Krajan RT 01", "sejak": "2015-06-01", "keperluan": "melamar kerja"}


def test_letters_through_the_chain_and_their_refusals(hub, tokens):
    letter_tokens = {login: hub.login(login) for login, _, _, _ in LETTER_OFFICIALS}
    fo, sekdes, kades = letter_tokens["surat.fo"], letter_tokens["surat.sekdes"], letter_tokens["surat.kades"]
    _, types = hub.call("GET", "/api/v1/letter-types", expect=200)
    assert {t["code"] for t in types["letter_types"]} >= {"domisili", "usaha", "tidak-mampu", "pengantar-skck", "kelahiran",
                                                           "kematian", "pindah"}

    def enter(token=fo, expect=201, code=None, **body):
        payload = {"type": "domisili", "applicant": LETTER_APPLICANT, "fields": DOMISILI} | body
        return hub.call("POST", LETTERS, token=token, json=payload, expect=expect, code=code)[1]

    def act(code, action, token, expect=200, error=None, **kwargs):
        return hub.call("POST", LETTER + "/" + action, {"code": code}, token=token, expect=expect, code=error, **kwargs)[1]

    # Entering: refusals first (nothing stored), then a letter.
    enter(expect=400, code="missing_field", fields={"sejak": "2015-06-01", "keperluan": "kerja"})
    enter(token=fo, expect=403, code="wrong_village", village="35.99.01.2002")
    enter(token=tokens["admin"], expect=403, code="forbidden_action")
    hub.call("POST", LETTERS, token=fo, data="type=domisili", headers={"Content-Type": "text/plain"}, expect=415)
    hub.call("POST", LETTERS, json={"type": "domisili"}, expect=401)
    created = enter()
    code = created["code"]
    assert created["status"] == "village_check" and created["desk"] == "village_secretary"

    hub.call("GET", LETTERS, token=sekdes, expect=200)
    hub.call("GET", LETTERS, token=fo, params={"all": "true"}, expect=200)
    hub.call("GET", LETTERS, token=fo, params={"all": "maybe"}, expect=400, code="invalid_request")
    hub.call("GET", LETTERS, token=tokens["admin"], expect=403)
    hub.call("GET", LETTERS, expect=401)
    hub.call("GET", LETTER, {"code": code}, token=sekdes, expect=200)
    hub.call("GET", LETTER, {"code": code}, token=letter_tokens["surat.fo2"], expect=404)
    hub.call("GET", LETTER, {"code": code}, token=tokens["admin"], expect=403)
    hub.call("GET", LETTER, {"code": code}, expect=401)

    # Every action's refusals, on the letter at the secretary's desk.
    for action in ("pass", "return", "sign", "reject"):
        act(code, action, kades, expect=403, error="not_your_step", json={"reason": "x"})
        act("0000000000000", action, sekdes, expect=404, error="letter_not_found", json={"reason": "x"})
        act(code, action, sekdes, expect=400, data="{", headers={"Content-Type": "application/json"})
        act(code, action, sekdes, expect=415, data="reason=x", headers={"Content-Type": "text/plain"})
        act(code, action, None, expect=401, json={"reason": "x"})
    act(code, "sign", sekdes, expect=409, error="action_not_allowed")
    act(code, "return", sekdes, expect=400, error="reason_required", json={})
    act(code, "reject", sekdes, expect=400, error="reason_required", json={"reason": " "})

    # Through the chain: a return, the redo, the village head's signature; the letter is ready.
    hub.call("GET", "/api/v1/letters/{code}/pdf", {"code": code}, expect=409, code="letter_not_ready")
    act(code, "return", sekdes, json={"reason": "NIK tidak terbaca"})
    act(code, "pass", fo, json={"applicant": LETTER_APPLICANT, "fields": DOMISILI})
    act(code, "pass", sekdes)
    done = act(code, "sign", kades)
    assert done["status"] == "ready" and done["number"] and len(done["pdf_digest"]) == 64
    for action in ("pass", "return", "reject"):
        act(code, action, fo, expect=409, error="letter_finished", json={"reason": "x"})
    _, view = hub.call("GET", "/api/v1/letters/{code}", {"code": code}, expect=200)
    assert view["ready"] and "Siti" not in json.dumps(view)
    response, _ = hub.call("GET", "/api/v1/letters/{code}/pdf", {"code": code}, expect=200)
    assert response.content.startswith(b"%PDF-")
    hub.call("GET", "/api/v1/letters/{code}", {"code": "0000000000000"}, expect=404, code="letter_not_found")
    hub.call("GET", "/api/v1/letters/{code}/pdf", {"code": "0000000000000"}, expect=404, code="letter_not_found")

    # A rejected letter, and a surat khusus the camat signs.
    rejected = enter()["code"]
    assert act(rejected, "reject", sekdes, json={"reason": "Bukan warga desa ini"})["status"] == "rejected"
    khusus = enter(type="pindah", fields={"alamat_tujuan": "Kota Malang", "alasan": "kerja", "jumlah_pengikut": 0})["code"]
    act(khusus, "pass", sekdes)
    act(khusus, "sign", kades)
    act(khusus, "pass", letter_tokens["surat.fokec"])
    act(khusus, "pass", letter_tokens["surat.kasi"])
    assert act(khusus, "sign", letter_tokens["surat.camat"])["status"] == "ready"

    # Verification: the check is pgcrypto's keyed digest, which the test cannot compute without the
    # database's key, so it is read from the PDF's verification link.
    link = response.content.decode("latin-1").split("/verify/", 1)[1].split(")", 1)[0]
    number, check = link.split("?c=")
    assert number == done["number"]
    _, verified = hub.call("GET", "/verify/{number}", {"number": number}, params={"c": check},
                           headers={"Accept": "application/json"}, expect=200)
    assert verified["digest"]["hex"] == done["pdf_digest"]
    page, _ = hub.call("GET", "/verify/{number}", {"number": number}, params={"c": check}, expect=200)
    assert number in page.text
    forged = check[:-1] + ("0" if check[-1] != "0" else "1")
    hub.call("GET", "/verify/{number}", {"number": number}, params={"c": forged}, headers={"Accept": "application/json"},
             expect=404, code="letter_not_verified")

    # Leave: by the district admin only, for their kecamatan, with a stand-in of the same village.
    leave = {"login": "surat.kades", "from": "2030-01-01", "to": "2030-01-05", "stand_in": "surat.sekdes"}
    admin = letter_tokens["surat.admin"]
    hub.call("POST", "/api/v1/staff/leave", token=admin, json=leave, expect=201)
    hub.call("POST", "/api/v1/staff/leave", token=admin, json=leave | {"to": "2029-12-31"}, expect=400, code="invalid_request")
    hub.call("POST", "/api/v1/staff/leave", token=admin, json=leave | {"stand_in": "surat.fo2"}, expect=400,
             code="invalid_stand_in")
    hub.call("POST", "/api/v1/staff/leave", token=admin, json=leave | {"login": "tidak.ada"}, expect=404)
    hub.call("POST", "/api/v1/staff/leave", token=letter_tokens["surat.camat"], json=leave, expect=403)
    hub.call("POST", "/api/v1/staff/leave", token=admin, data="x", headers={"Content-Type": "text/plain"}, expect=415)
    hub.call("POST", "/api/v1/staff/leave", json=leave, expect=401)

    # The district admin's organisation: leave listed and cancelled, positions, accounts of the kecamatan only.
    _, listed = hub.call("GET", "/api/v1/staff/leave", token=admin, expect=200)
    recorded = next(item for item in listed["leaves"] if item["login"] == "surat.kades" and not item["cancelled"])
    hub.call("GET", "/api/v1/staff/leave", token=fo, expect=403, code="forbidden_action")
    _, cancelled = hub.call("POST", "/api/v1/staff/leave/{id}/cancel", {"id": recorded["id"]}, token=admin, expect=200)
    assert cancelled["cancelled"] is True
    hub.call("POST", "/api/v1/staff/leave/{id}/cancel", {"id": recorded["id"]}, token=admin, expect=409, code="leave_over")
    hub.call("POST", "/api/v1/staff/leave/{id}/cancel", {"id": 999999}, token=admin, expect=404, code="leave_not_found")
    hub.call("POST", "/api/v1/staff/leave/{id}/cancel", {"id": recorded["id"]}, token=fo, expect=403)
    _, positions = hub.call("GET", "/api/v1/staff/district/positions", token=admin, expect=200)
    assert positions["district"] == "35.99.01"
    assert {p["login"] for p in positions["positions"]} >= {login for login, _, _, _ in LETTER_OFFICIALS}
    new = {"login": "surat.kaur", "password": "sandi-surat-baru", "role": "village_secretary", "region": "35.99.01.2002",
           "name": "Wati Sekdes", "nip": None}
    _, made = hub.call("POST", "/api/v1/staff/district/accounts", token=admin, json=new, expect=201)
    assert (made["role"], made["region"], made["name"]) == ("village_secretary", "35.99.01.2002", "Wati Sekdes")
    hub.call("POST", "/api/v1/staff/district/accounts", token=admin, json=new, expect=409, code="login_taken")
    hub.call("POST", "/api/v1/staff/district/accounts", token=admin, json=new | {"login": "surat.luar", "region": "35.98.01.2001"},
             expect=403, code="outside_district")
    hub.call("POST", "/api/v1/staff/district/accounts", token=admin, json=new | {"login": "surat.x", "region": "35.99.01"},
             expect=400, code="invalid_region")
    hub.call("POST", "/api/v1/staff/district/accounts", token=admin, json=new | {"login": "surat.y", "role": "admin"},
             expect=400, code="invalid_role")
    hub.call("POST", "/api/v1/staff/district/accounts", token=admin, json=new | {"login": "surat.z", "name": 5},
             expect=400, code="invalid_request")
    hub.call("POST", "/api/v1/staff/district/accounts", token=letter_tokens["surat.camat"], json=new, expect=403,
             code="forbidden_action")
    hub.call("GET", "/api/v1/staff/district/positions", token=fo, expect=403)
    hub.call("POST", "/api/v1/staff/district/accounts", token=admin, data="x", headers={"Content-Type": "text/plain"}, expect=415)
    for method, path, values in (("GET", "/api/v1/staff/leave", {}), ("POST", "/api/v1/staff/leave/{id}/cancel", {"id": recorded["id"]}),
                                 ("GET", "/api/v1/staff/district/positions", {}), ("POST", "/api/v1/staff/district/accounts", {})):
        hub.call(method, path, values, json={} if method == "POST" else None, expect=401)

    # The lookups bucket of the limited gateway, spent by the rate-limit test, covers the letters too.
    for path, values in (("/api/v1/letters/{code}", {"code": code}), ("/api/v1/letters/{code}/pdf", {"code": code}),
                         ("/verify/{number}", {"number": number})):
        for _ in range(4):
            response, _ = hub.call("GET", path, values, base=hub.limited_base, headers={"Accept": "application/json"})
            if response.status_code == 429:
                break
        assert response.status_code == 429, f"{path}: {response.status_code}"


# ----------------------------------------------------------------------------------------------
# Privacy, then coverage (keep these last)


def test_public_reports_as_open_data_and_feeds(hub, anonymous_reports):
    """The open data of issue 17: both exports page with a Link header, the feed of a known area, and
    every malformed filter refused before anything is read."""
    geojson, csv = "/api/v1/reports.geojson", "/api/v1/reports.csv"
    first, body = hub.call("GET", geojson, params={"limit": 1}, expect=200)
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 1, body
    assert first.headers["Link"].endswith('rel="next"') and body["links"][0]["href"] in first.headers["Link"]
    cursor = body["links"][0]["href"].split("after=", 1)[1].split("&", 1)[0]
    _, second = hub.call("GET", geojson, params={"after": cursor, "limit": 1}, expect=200)
    assert second["features"][0]["id"] < body["features"][0]["id"]
    rows, _ = hub.call("GET", csv, params={"limit": 1, "category": "pekerjaan-umum"}, expect=200)
    assert rows.text.startswith("id,category,") and rows.text.count("\r\n") == 2, rows.text
    hub.call("GET", csv, params={"area": "35.99.01.2001"}, expect=200)
    for name, value, code in [("area", "35.99", "invalid_area"), ("category", "tidak-ada", "unknown_category"),
                              ("status", "lenyap", "invalid_status"), ("after", "kemarin", "invalid_cursor"),
                              ("limit", "0", "invalid_limit"), ("limit", "5001", "invalid_limit")]:
        hub.call("GET", geojson, params={name: value}, expect=400, code=code)
        hub.call("GET", csv, params={name: value}, expect=400, code=code)
    feed, _ = hub.call("GET", "/feeds/{area_code}.atom", {"area_code": "35.99.01"}, expect=200)
    assert "<feed xmlns=\"http://www.w3.org/2005/Atom\"" in feed.text
    hub.call("GET", "/feeds/{area_code}.atom", {"area_code": "35.99.09"}, expect=404, code="area_not_found")
    hub.call("GET", "/feeds/{area_code}.atom", {"area_code": "bukan-kode"}, expect=404, code="area_not_found")


def test_reports_near_a_point(hub):
    """What the form lists before filing (issue 17): the open public report near the point with its
    distance, never the confidential one at the same place, and a point out of range refused."""
    near = hub.submit({"category": "pariwisata", "description": "Pagar pantai roboh di dekat dermaga",
                       "lat": -6.3401, "lon": 106.9401, "anonymous": True, "confidential": False})
    hub.submit({"category": "pariwisata", "description": "Rahasia: pungutan di dermaga", "lat": -6.3401, "lon": 106.9402,
                "anonymous": True, "confidential": True})
    hub.wait_status(near["tracking_code"], "dispatched")
    _, found = hub.call("GET", "/api/v1/reports/nearby", params={"lat": -6.34, "lon": 106.94, "category": "pariwisata"},
                        expect=200)
    assert found["radius_m"] == 200 and len(found["reports"]) == 1, found
    assert found["reports"][0]["report"]["description"] == "Pagar pantai roboh di dekat dermaga"
    assert 0 < found["reports"][0]["distance_m"] < 200
    _, none = hub.call("GET", "/api/v1/reports/nearby", params={"lat": -6.30, "lon": 106.94}, expect=200)
    assert none["reports"] == []
    hub.call("GET", "/api/v1/reports/nearby", params={"lat": -91, "lon": 106.94}, expect=400, code="invalid_point")
    hub.call("GET", "/api/v1/reports/nearby", params={"lat": -6.34}, expect=400, code="invalid_point")
    hub.call("GET", "/api/v1/reports/nearby", params={"lat": -6.34, "lon": 106.94, "category": "tidak-ada"},
             expect=400, code="unknown_category")


def test_no_json_answer_carries_an_anonymous_reporters_contact(hub, tokens, anonymous_reports):
    staff = tokens["staff"]
    for code in anonymous_reports.values():
        hub.wait_status(code, "dispatched")
        hub.public(code)
        hub.public(code, params={"lang": "en"})
        for who in ("staff", "inspector", "local", "admin"):
            response, case = hub.call("GET", CASE, {"code": code}, token=tokens[who])
            if who == "local" and response.status_code == 404:
                continue  # outside that account's area
            assert response.status_code == 200 and case["anonymous"] is True and case["reporter"] is None
        hub.act(tokens["inspector"], code, "notes", {"note": "Diperiksa", "public": True})
    # Every answer a case gives on its way: assigned, resolved, reopened and accepted by the citizen.
    code = anonymous_reports["api"]
    hub.act(staff, code, "claim")
    hub.act(tokens["lead"], code, "assign", {"assignee": "pu.sukamaju"})
    hub.act(staff, code, "request-validation", {"note": "Saluran dibersihkan"})
    hub.act(tokens["lead"], code, "validate")
    hub.feedback(code, {"rating": 1, "reason": "Masih tersumbat"})
    hub.act(tokens["local"], code, "resolve", {"note": "Saluran diganti"})
    hub.feedback(code, {"rating": 5}, params={"lang": "en"})
    for who, params in (("staff", {}), ("inspector", {}), ("local", {}), ("admin", {"area": "35.99.01.2001"}),
                        ("staff", {"area": "35.99.01", "overdue": "false", "priority": "normal"}),
                        ("inspector", {"module": "public-works", "status": "dispatched"})):
        hub.call("GET", QUEUE, token=tokens[who], params=params, expect=200)
    hub.call("GET", ACCOUNTS, token=tokens["admin"], expect=200)
    hub.call("GET", "/api/v1/staff/me", token=tokens["local"], expect=200)
    assert len(JSON_BODIES) > 50
    for label, text in JSON_BODIES:
        lowered = text.lower()
        for secret in SECRETS:
            assert secret.lower() not in lowered, f"{label} leaks {secret!r}"


def test_every_operation_was_exercised(request):
    names = {item.name for item in request.session.items}
    module_tests = {name for name, value in globals().items() if name.startswith("test_") and callable(value)}
    if not module_tests <= names:
        pytest.skip("coverage is only meaningful when the whole module runs")
    problems = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            seen = COVERED.get((path, method), set())
            if not any(status.startswith("2") for status in seen):
                problems.append(f"{method.upper()} {path}: no success seen")
            listed = {str(code) for code in operation["responses"]} & CLIENT_ERRORS
            missing = listed - seen - UNREACHABLE.get((path, method), set())
            if missing:
                problems.append(f"{method.upper()} {path}: never saw {sorted(missing)}")
    assert not problems, "\n".join(problems)

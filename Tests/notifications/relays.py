"""The two outside systems the hub tells reporters through, run by the test: a real SMTP server
(aiosmtpd) standing in for the region's mail relay, and a real HTTP server standing in for the text
gateway. Both record what they accepted, and either can be told to hold the next delivery open (the
message received, the answer not yet given) so a test can kill the sender in the middle of it."""

import email
import email.policy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


class Hold:
    """Holds the next delivery after it arrived and before it is answered, until released."""

    def __init__(self):
        self.armed = False
        self.arrived = threading.Event()
        self.released = threading.Event()

    def arm(self):
        self.armed, self.arrived, self.released = True, threading.Event(), threading.Event()

    def wait_if_armed(self):
        if self.armed:
            self.armed = False
            self.arrived.set()
            self.released.wait(60)


class MailRelay:
    """An SMTP server on 127.0.0.1 that keeps every message it accepted, parsed."""

    def __init__(self, port):
        self.port = port
        self.messages = []
        self.lock = threading.Lock()
        self.hold = Hold()
        self.delay = 0.0
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append({"to": list(envelope.rcpt_tos), "from": envelope.mail_from, "message": message,
                                  "subject": str(message["subject"]), "body": message.get_content(),
                                  "message_id": str(message["message-id"])})
        if self.delay or self.hold.armed:
            loop = __import__("asyncio").get_running_loop()
            await loop.run_in_executor(None, self._pause)
        return "250 Message accepted for delivery"

    def _pause(self):
        time.sleep(self.delay)
        self.hold.wait_if_armed()

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.hold.released.set()
        self.controller.stop()

    def to(self, address):
        with self.lock:
            return [m for m in self.messages if address in m["to"]]


class TextGateway:
    """An HTTP server that takes the hub's text messages: a POST of JSON with the shared secret."""

    def __init__(self, port, secret):
        self.port = port
        self.secret = secret
        self.messages = []
        self.refused = []
        # Numbers whose next messages are answered 503 (the gateway down for a moment), and how many.
        self.failing = {}
        self.failed = []
        self.lock = threading.Lock()
        self.hold = Hold()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.headers.get("X-Webhook-Secret") != gateway.secret:
                    with gateway.lock:
                        gateway.refused.append(body)
                    self.send_response(401)
                    self.end_headers()
                    return
                message = json.loads(body)
                with gateway.lock:
                    down = gateway.failing.get(message.get("to"), 0) > 0
                    if down:
                        gateway.failing[message["to"]] -= 1
                        gateway.failed.append(message)
                    else:
                        gateway.messages.append(dict(message, content_type=self.headers.get("Content-Type")))
                if down:
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                gateway.hold.wait_if_armed()
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/send"

    def fail(self, phone, times):
        """Answers the next `times` messages to `phone` with 503, sending nothing."""
        with self.lock:
            self.failing[phone] = times

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.hold.released.set()
        self.server.shutdown()
        self.server.server_close()

    def to(self, phone):
        with self.lock:
            return [m for m in self.messages if m["to"] == phone]


class CommandCentre:
    """An HTTP server standing in for the command centre (112) that takes each hazard report as a
    GeoJSON POST; it can be told to answer the next POSTs 503 (down for a moment)."""

    def __init__(self, port, secret):
        self.port = port
        self.secret = secret
        self.reports = []
        self.failed = []
        self.failing = 0
        self.lock = threading.Lock()
        centre = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.send_response(centre.take(body, self.headers))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def take(self, body, headers):
        """Keeps one POST and says the status to answer it with."""
        if headers.get("X-Webhook-Secret") != self.secret:
            return 401
        received = {"body": body.decode(), "feature": json.loads(body), "delivery": headers.get("X-Hub-Delivery"),
                    "content_type": headers.get("Content-Type")}
        with self.lock:
            if self.failing > 0:
                self.failing -= 1
                self.failed.append(received)
                return 503
            self.reports.append(received)
            return 202

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hazards"

    def fail(self, times):
        with self.lock:
            self.failing = times

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def about(self, words):
        """The reports whose description holds `words`."""
        with self.lock:
            return [r for r in self.reports if words in (r["feature"]["properties"].get("description") or "")]

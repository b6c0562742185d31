"""Two gateway replicas on one database share the rate limits (issue 18): a client whose requests a
load balancer sends to one gateway and then the other is refused at the count one gateway refuses,
for tracking lookups and for submissions. The gateways trust 127.0.0.1 as their proxy, so each test
is a client of its own by X-Forwarded-For, as behind HAProxy.

Run with: HUB_BIN_DIR=.build/debug python3 -m pytest -q Tests/deployment -k replica
"""

import os
import sys
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests"))
import pyhub  # noqa: E402

# One request a minute, so that the seconds a test takes refill nothing; bursts large enough that
# each gateway admits some requests on its own view before it asks the database.
LIMITS = {"HUB_TRACK_RATE_PER_MINUTE": "1", "HUB_TRACK_BURST": "6",
          "HUB_SUBMIT_RATE_PER_MINUTE": "1", "HUB_SUBMIT_BURST": "4",
          "HUB_TRUSTED_PROXIES": "127.0.0.1"}
GATEWAYS = ("gateway", "gateway-2")
LOOKUP = "/api/v1/complaints/ABCDEFGHJKMNP"


@pytest.fixture(scope="module")
def hub():
    bin_dir = pyhub.resolve_bin_dir(os.environ.get("HUB_BIN_DIR") or ".build/debug")
    with pyhub.Hub(bin_dir, services=["intake", "gateway"], extra_services=[pyhub.Service("gateway-2", "gateway")],
                   extra_env=LIMITS, prefix="hub-replica-limits-") as hub:
        yield hub


def ask(hub, gateway, client, method="GET", path=LOOKUP, **kwargs):
    return requests.request(method, hub.url_of(gateway) + path, headers={"X-Forwarded-For": client}, timeout=30,
                            **kwargs)


def refusals(hub, gateways, client, count, **kwargs):
    """Sends `count` requests of `client`, taking turns over `gateways`: each answer's status, and
    the Retry-After of the 429s."""
    answers = [ask(hub, gateways[i % len(gateways)], client, **kwargs) for i in range(count)]
    return [answer.status_code == 429 for answer in answers], {answer.headers.get("Retry-After") for answer in answers
                                                               if answer.status_code == 429}


def test_two_gateways_taking_turns_refuse_lookups_where_one_does(hub):
    one, waits = refusals(hub, GATEWAYS[:1], "203.0.113.11", 9)
    assert one == [False] * 6 + [True] * 3
    assert waits == {"60"}
    both, waits = refusals(hub, GATEWAYS, "203.0.113.12", 9)
    assert both == one, "the second gateway must not add a burst of its own"
    assert waits == {"60"}


def test_two_gateways_taking_turns_refuse_submissions_where_one_does(hub):
    body = {"category": "pariwisata", "description": "Retribusi parkir pantai ditarik dua kali"}
    one, _ = refusals(hub, GATEWAYS[:1], "203.0.113.21", 6, method="POST", path="/api/v1/complaints", json=body)
    assert one == [False] * 4 + [True] * 2
    both, waits = refusals(hub, GATEWAYS, "203.0.113.22", 6, method="POST", path="/api/v1/complaints", json=body)
    assert both == one
    assert waits == {"60"}
    accepted = ask(hub, "gateway-2", "203.0.113.23", method="POST", path="/api/v1/complaints", json=body)
    assert accepted.status_code == 201, accepted.text

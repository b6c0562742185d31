"""Deployment files checked without a Docker engine: docker-compose.yml against DESIGN.md's
contracts, and Schemas/openapi.yaml against the paths the gateway serves.

Run with: python3 -m pytest -q Tests/deployment
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

# DESIGN.md, "Contracts": every service's port variable and default port.
SERVICE_PORTS = {
    "gateway": ("HUB_GATEWAY_PORT", 8080),
    "intake": ("HUB_INTAKE_PORT", 8081),
    "public-works": ("HUB_PUBLIC_WORKS_PORT", 8082),
    "social": ("HUB_SOCIAL_PORT", 8083),
    "tourism": ("HUB_TOURISM_PORT", 8084),
    "kir": ("HUB_KIR_PORT", 8085),
}
MODULES = [name for name in SERVICE_PORTS if name != "gateway"]
EXECUTABLES = list(SERVICE_PORTS) + ["hubctl"]

ACTIONS = [
    "claim", "verify", "assign", "dispose", "details", "notes", "resolve", "request-validation", "validate",
    "reject-follow-up", "reject", "postpone", "close", "duplicate", "escalate",
    "forward", "accept-forward", "return-forward", "investigate", "findings", "decide",
    # Answering (issue 14).
    "ask",
]
LETTER_ACTIONS = ["pass", "return", "sign", "reject"]
# A follower's mailed links (issue 14): pages, errors included, that the document describes too, so
# that their GET (changing nothing) and their POST (acting, RFC 8058's one-click) are a contract.
GATEWAY_PAGE_OPERATIONS = [(method, path) for path in ("/follow/confirm/{token}", "/follow/unsubscribe/{token}")
                           for method in ("get", "post")]
# Every JSON path the gateway serves (Services/Gateway/GatewayRoutes.swift plus the health routes).
# Open311 (/open311/v2/...) follows the Open311 spec and is not part of the OpenAPI document.
GATEWAY_JSON_OPERATIONS = [
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("get", "/api/v1/categories"),
    ("post", "/api/v1/complaints"),
    ("get", "/api/v1/complaints/{code}"),
    ("get", "/api/v1/complaints/{code}/photos/{position}"),
    ("get", "/api/v1/complaints/{code}/resolution-photos/{position}"),
    ("get", "/api/v1/photos/{id}"),
    ("post", "/api/v1/staff/login"),
    ("post", "/api/v1/staff/logout"),
    ("get", "/api/v1/staff/me"),
    ("get", "/api/v1/staff/accounts"),
    ("post", "/api/v1/staff/accounts"),
    ("patch", "/api/v1/staff/accounts/{login}"),
    ("post", "/api/v1/staff/accounts/{login}/password"),
    ("post", "/api/v1/staff/accounts/{login}/revoke-sessions"),
    ("get", "/api/v1/staff/admin/{kind}"),
    ("post", "/api/v1/staff/admin/{kind}"),
    ("patch", "/api/v1/staff/admin/{kind}/{id}"),
    ("post", "/api/v1/complaints/{code}/feedback"),
    ("get", "/api/v1/staff/kir/slots"),
    ("post", "/api/v1/staff/kir/slots"),
    ("post", "/api/v1/staff/kir/bookings"),
    ("get", "/api/v1/staff/roster"),
    ("post", "/api/v1/staff/roster"),
    ("get", "/api/v1/staff/queue"),
    ("get", "/api/v1/staff/cases/{code}"),
    ("post", "/api/v1/staff/desk/complaints"),
    ("get", "/api/v1/staff/desk/channels"),
    ("post", "/api/v1/inbound/sms"),
    ("get", "/api/v1/letter-types"),
    ("get", "/api/v1/letters/{code}"),
    ("get", "/api/v1/letters/{code}/pdf"),
    ("get", "/verify/{number}"),
    ("get", "/api/v1/staff/letters"),
    ("post", "/api/v1/staff/letters"),
    ("get", "/api/v1/staff/letters/{code}"),
    ("post", "/api/v1/staff/leave"),
    # The district admin's organisation (issue 15: positions, accounts, leave listed and cancelled).
    ("get", "/api/v1/staff/leave"),
    ("post", "/api/v1/staff/leave/{id}/cancel"),
    ("get", "/api/v1/staff/district/positions"),
    ("post", "/api/v1/staff/district/accounts"),
    # Answering (issue 14): the reporter's reply, and the text gateway's inbound replies.
    ("post", "/api/v1/complaints/{code}/replies"),
    ("post", "/api/v1/inbound/text"),
    # Lost codes and followers (issue 14).
    ("post", "/api/v1/codes/resend"),
    ("post", "/api/v1/complaints/{code}/followers"),
    # The public statistics, reports, map data and feeds (issue 17).
    ("get", "/api/v1/stats"),
    ("get", "/api/v1/stats.csv"),
    ("get", "/api/v1/stats.geojson"),
    ("get", "/api/v1/reports.geojson"),
    ("get", "/api/v1/reports.csv"),
    ("get", "/api/v1/reports/nearby"),
    ("get", "/feeds/{area_code}.atom"),
] + [("post", f"/api/v1/staff/letters/{{code}}/{action}") for action in LETTER_ACTIONS] + [("post", f"/api/v1/staff/cases/{{code}}/{action}") for action in ACTIONS]


def url_variable(module):
    return "HUB_" + module.upper().replace("-", "_") + "_URL"


def load_yaml(relative):
    with open(ROOT / relative, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


# ----------------------------------------------------------------------------------------------
# docker-compose.yml


@pytest.fixture(scope="module")
def services():
    compose = load_yaml("docker-compose.yml")
    assert isinstance(compose, dict) and isinstance(compose.get("services"), dict)
    return compose["services"]


def environment(service):
    """The service's environment as a dict, whether written as a mapping or as KEY=VALUE items."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {key: (None if value is None else str(value)) for key, value in env.items()}


def depends_on(service):
    """The service's dependencies as {name: condition}, whether written as a list or a mapping."""
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: "service_started" for name in deps}
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def command(service):
    value = service.get("command")
    return value.split() if isinstance(value, str) else list(value or [])


def healthcheck_text(service):
    test = (service.get("healthcheck") or {}).get("test")
    return " ".join(test) if isinstance(test, list) else str(test or "")


DATABASE_NODES = ["pg1", "pg2"]
ENGINES = ["etcd", "haproxy"] + DATABASE_NODES


def test_compose_has_the_six_services_the_engines_and_migrate(services):
    assert set(SERVICE_PORTS) | set(ENGINES) | {"migrate"} <= set(services)


def test_only_haproxy_publishes_a_port_the_gateways(services):
    for name, service in services.items():
        if name == "haproxy":
            continue
        assert not service.get("ports"), f"{name} must not publish ports; only HAProxy is public"
        assert service.get("network_mode") != "host", f"{name} must not use the host network"
    published = [str(port) for port in services["haproxy"].get("ports") or []]
    assert published, "HAProxy must publish the gateway's port"
    assert all(re.search(r"(^|:)8080(/tcp)?$", port) for port in published), published


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_every_service_runs_as_two_replicas_at_least(services, name):
    assert int((services[name].get("deploy") or {}).get("replicas", 1)) >= 2


@pytest.mark.parametrize("node", DATABASE_NODES)
def test_database_nodes_are_patroni_on_postgres_15_with_a_healthcheck_and_named_volumes(node):
    compose = load_yaml("docker-compose.yml")
    service = compose["services"][node]
    assert service["image"].startswith("postgres:15")
    assert service.get("pull_policy") == "build", "the database image is built here, never pulled"
    assert command(service)[:1] == ["patroni"]
    assert environment(service).get("PATRONI_NAME") == node
    assert "pg_isready" in healthcheck_text(service)
    named = set(compose.get("volumes") or {})
    sources = [str(volume).split(":", 1)[0] if isinstance(volume, str) else volume.get("source")
               for volume in service.get("volumes") or []]
    assert sum(source in named for source in sources) >= 2, "data and WAL archive must live in named volumes"
    assert depends_on(service).get("etcd") is not None


def test_patroni_replicates_synchronously_archives_wal_and_asks_etcd():
    settings = load_yaml("deploy/patroni.yml")
    dcs = settings["bootstrap"]["dcs"]
    assert dcs["synchronous_mode"] is True, "an acknowledged commit must survive the primary's loss"
    assert dcs["ttl"] <= 10 and dcs["loop_wait"] + 2 * dcs["retry_timeout"] <= dcs["ttl"]
    parameters = dcs["postgresql"]["parameters"]
    assert parameters["archive_mode"] == "on" and "/var/lib/hub-wal/" in parameters["archive_command"]
    assert settings["etcd3"]["hosts"] == "etcd:2379"


def test_engine_image_adds_postgis_patroni_etcd_haproxy_and_pgbouncer_to_postgres_15(services):
    build = services["pg1"]["build"]
    text = (ROOT / build["context"] / build["dockerfile"]).read_text(encoding="utf-8")
    assert re.search(r"^ARG POSTGRES_IMAGE=postgres:15-bookworm$", text, flags=re.MULTILINE)
    assert re.search(r"^FROM \$\{POSTGRES_IMAGE\}$", text, flags=re.MULTILINE)
    assert "postgresql-${PG_MAJOR}-postgis-3" in text
    for package in ("patroni", "etcd-server", "haproxy", "pgbouncer"):
        assert re.search(rf"\b{package}\b", text), package
    for engine in ENGINES:
        assert services[engine].get("build") == build, f"{engine} runs from the engines' image"


def haproxy_sections():
    """HAProxy's configuration as {"backend gateway": [lines], ...}."""
    sections, current = {}, None
    for line in (ROOT / "deploy/haproxy.cfg").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            current = line.strip()
            sections[current] = []
        elif current and line.strip() and not line.strip().startswith("#"):
            sections[current].append(line.strip())
    return sections


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_haproxy_balances_every_services_replicas_checking_readyz(name):
    _, port = SERVICE_PORTS[name]
    sections = haproxy_sections()
    assert f"bind :{port}" in sections[f"frontend {name}"]
    backend = sections[f"backend {name}"]
    assert "option httpchk GET /readyz" in backend
    assert any(re.fullmatch(rf"server-template {re.escape(name)}- \d+ {re.escape(name)}:{port} check", line)
               for line in backend), backend


def test_haproxy_sends_postgresql_to_the_node_patroni_names_primary():
    sections = haproxy_sections()
    primary = sections["listen postgres-primary"]
    assert "bind :5432" in primary and "mode tcp" in primary
    assert "option httpchk OPTIONS /primary" in primary
    assert any("on-marked-down shutdown-sessions" in line for line in primary)
    for node in DATABASE_NODES:
        assert f"server {node} {node}:5432 check port 8008" in primary
    assert "option httpchk OPTIONS /replica" in sections["listen postgres-replica"]
    assert "errorfile 503 /etc/hub/503.http" in sections["defaults"]
    answer = (ROOT / "deploy/503.http").read_bytes()
    assert answer.startswith(b"HTTP/1.1 503 ") and b"\r\nRetry-After: 2\r\n" in answer


def test_migrate_runs_hubctl_migrate_then_db_roles_once_the_primary_answers(services):
    migrate = services["migrate"]
    script = " ".join(command(migrate))
    assert "hubctl migrate" in script and "hubctl db-roles" in script
    assert script.index("hubctl migrate") < script.index("hubctl db-roles")
    assert depends_on(migrate).get("haproxy") == "service_healthy"
    assert "@haproxy:5432/" in environment(migrate).get("HUB_MIGRATE_DATABASE_URL", "")
    assert str(migrate.get("restart", "no")) in ("no", "False", "false"), "migrate is a one-shot job"


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_service_runs_its_executable_from_the_shared_image(services, name):
    service = services[name]
    assert command(service)[:1] == [name]
    assert service.get("build"), f"{name} must be built from the Dockerfile"
    assert service.get("image") == services["migrate"].get("image"), "one image for every executable"


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_service_checks_healthz_on_its_own_port(services, name):
    _, port = SERVICE_PORTS[name]
    text = healthcheck_text(services[name])
    assert "curl" in text and f":{port}/healthz" in text, text


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_service_waits_for_migrate_to_complete(services, name):
    assert depends_on(services[name]).get("migrate") == "service_completed_successfully"


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_service_environment_follows_the_contracts(services, name):
    variable, port = SERVICE_PORTS[name]
    env = environment(services[name])
    assert env.get("HUB_DATABASE_URL", "").startswith("postgresql://"), env.get("HUB_DATABASE_URL")
    assert "@haproxy:5432/" in env["HUB_DATABASE_URL"], "the services reach PostgreSQL's leader through HAProxy"
    assert env.get(variable) == str(port), f"{name} must set {variable}={port}"
    assert env.get("HUB_LISTEN_HOST") == "0.0.0.0"


@pytest.mark.parametrize("name", list(SERVICE_PORTS))
def test_service_restarts(services, name):
    assert services[name].get("restart") in ("always", "unless-stopped", "on-failure")


@pytest.mark.parametrize("module", MODULES)
def test_gateway_reaches_every_module_by_its_url_variable(services, module):
    _, port = SERVICE_PORTS[module]
    url = environment(services["gateway"]).get(url_variable(module))
    assert url is not None, f"the gateway needs {url_variable(module)}"
    assert re.fullmatch(rf"http://haproxy:{port}/?", url), f"{url}: the module's replicas are behind HAProxy"


@pytest.mark.parametrize("module", MODULES)
def test_services_believe_forwarded_addresses_only_from_the_compose_network(services, module):
    """A service trusts loopback and HUB_TRUSTED_PROXIES only: compose names its own network's fixed
    range, where HAProxy (in front of every service) and the gateways are."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    subnets = [entry["subnet"] for entry in compose["networks"]["default"]["ipam"]["config"]]
    assert environment(services[module]).get("HUB_TRUSTED_PROXIES") == subnets[0]
    assert environment(services["gateway"]).get("HUB_TRUSTED_PROXIES") == subnets[0], "the gateway trusts HAProxy"


def test_no_password_has_a_default_and_a_missing_one_stops_compose_clearly(services):
    """Secrets come from the `.env` file the operator writes: `${VAR:?message}`, never `${VAR:-default}`."""
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    secrets = re.compile(r"PASSWORD|SECRET|TOKEN|KEY")
    for name, modifier in re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+]|)", text):
        if secrets.search(name):
            assert modifier == ":?", f"${{{name}}} must be required (${{{name}:?message}}), not {modifier or 'bare'}"
    assert "hub-example-password" not in text
    password = environment(services["pg1"]).get("PATRONI_SUPERUSER_PASSWORD", "")
    assert re.fullmatch(r"\$\{HUB_DB_PASSWORD:\?[^}]*\.env[^}]*\}", password), password
    assert "${HUB_DB_PASSWORD:?" in environment(services["migrate"])["HUB_MIGRATE_DATABASE_URL"]
    ignored = {line.strip() for line in (ROOT / ".gitignore").read_text().splitlines()}
    assert ".env" in ignored, "the operator's .env must not be committed"
    assert ".env" in {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}


def role_stem(name):
    return name.upper().replace("-", "_")


@pytest.mark.parametrize("name", list(SERVICE_PORTS) + ["migrate"])
def test_each_service_logs_in_as_its_own_role_with_a_password_from_the_env_file(services, name):
    stem = "HUBCTL" if name == "migrate" else role_stem(name)
    url = environment(services[name])["HUB_DATABASE_URL"]
    assert url.startswith(f"postgresql://hub_{stem.lower()}:"), url
    # No default: compose refuses to start without the variable, naming it.
    assert f"${{HUB_DB_PASSWORD_{stem}:?" in url, url


@pytest.mark.parametrize("name", ["gateway", "intake"])
def test_public_reads_go_to_haproxys_replica_port_as_the_services_own_role(services, name):
    env = environment(services[name])
    stem = role_stem(name)
    read = env.get("HUB_DATABASE_READ_URL", "")
    assert read == env["HUB_DATABASE_URL"].replace("@haproxy:5432/", "@haproxy:5433/"), read
    assert f"postgresql://hub_{stem.lower()}:${{HUB_DB_PASSWORD_{stem}:?" in read
    assert "bind :5433" in haproxy_sections()["listen postgres-replica"]


@pytest.mark.parametrize("name", ["public-works", "social", "tourism", "kir"])
def test_modules_read_only_from_the_primary(services, name):
    assert "HUB_DATABASE_READ_URL" not in environment(services[name])


def test_db_roles_gets_every_roles_password(services):
    env = environment(services["migrate"])
    for stem in [role_stem(name) for name in SERVICE_PORTS] + ["HUBCTL"]:
        assert f"${{HUB_DB_PASSWORD_{stem}:?" in env.get(f"HUB_DB_PASSWORD_{stem}", ""), stem


def test_dockerfile_builds_every_executable_into_a_slim_non_root_image():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"swift:6\.\d+(\.\d+)?-bookworm", text)
    assert "debian:bookworm-slim" in text
    assert "--static-swift-stdlib" in text
    for executable in EXECUTABLES:
        assert re.search(rf"(^|\s){re.escape(executable)}(\s|;|$)", text), executable
    for package in ("libpq-dev", "pkg-config", "libpq5", "ca-certificates", "curl"):
        assert package in text, package
    users = re.findall(r"^USER\s+(\S+)", text, flags=re.MULTILINE)
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert "HUB_LISTEN_HOST=0.0.0.0" in text


# ----------------------------------------------------------------------------------------------
# Schemas/openapi.yaml


@pytest.fixture(scope="module")
def openapi():
    return load_yaml("Schemas/openapi.yaml")


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def swift_enum_raw_values(relative, enum):
    """The raw values of a `String` enum, read from its Swift source."""
    text = (ROOT / relative).read_text(encoding="utf-8")
    match = re.search(rf"^public enum {enum}\b[^{{]*\{{\n(.*?)^\}}", text, flags=re.MULTILINE | re.DOTALL)
    assert match, f"enum {enum} not found in {relative}"
    values = []
    for line in match.group(1).splitlines():
        line = line.strip()
        if not line.startswith("case ") or line.startswith("case ."):
            continue
        for item in line[len("case "):].split(","):
            name, _, raw = item.partition("=")
            values.append(raw.strip().strip('"') if raw else name.strip())
    return values


def test_openapi_parses_and_is_openapi_3(openapi):
    assert isinstance(openapi, dict)
    assert str(openapi.get("openapi", "")).startswith("3.")
    assert openapi["info"]["title"] and openapi["info"]["version"]


@pytest.mark.parametrize("method,path", GATEWAY_JSON_OPERATIONS)
def test_openapi_documents_gateway_operation(openapi, method, path):
    assert path in openapi["paths"], path
    assert method in openapi["paths"][path], f"{method.upper()} {path}"


@pytest.mark.parametrize("method,path", GATEWAY_PAGE_OPERATIONS)
def test_openapi_documents_the_followers_link_pages(openapi, method, path):
    operation = openapi["paths"][path][method]
    for status, response in operation["responses"].items():
        assert set(resolve(openapi, response)["content"]) == {"text/html"}, f"{method.upper()} {path} {status}"


def test_openapi_documents_exactly_the_gateway_json_paths(openapi):
    assert set(openapi["paths"]) == {path for _, path in GATEWAY_JSON_OPERATIONS + GATEWAY_PAGE_OPERATIONS}


STRING_LITERAL = re.compile(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"')
ROUTE_CALL = re.compile(
    r'\b\w+\.(?:(?P<method>get|post|put|patch|delete)\(\s*(?:"(?P<path>[^"]*)"|(?P<variable>\w+)\b)'
    r'|add\(\s*"(?P<added_method>[A-Z]+)",\s*(?:"(?P<added_path>[^"]*)"|(?P<added_variable>\w+)\b)'
    r'|group\(\s*(?:"(?P<prefix>[^"]*)")?)'
    r'|\bfor\s+(?P<loop>\w+)\s+in\s+\[(?P<items>[^\]]*)\]'
    r'|\b(?P<install>install\w*)\(on:\s*&\w+'
)
FUNCTION = re.compile(r'\bfunc\s+(\w+)\s*\(')


class RouteSource:
    """Swift sources read for the routes they register: a group's prefix is followed through its
    braces, a route added for each path of a `for path in [...]` list counts each path, and a call of
    an `install…(on: &group)` function adds that function's routes under the caller's prefix."""

    def __init__(self, texts):
        self.functions = {}
        self.entries = []
        for text in texts:
            # Braces inside string literals ("/cases/{code}") are not the code's: blank the literals.
            blanked = STRING_LITERAL.sub(lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)
            for match in FUNCTION.finditer(blanked):
                body = self.body(blanked, match.end())
                if body is None:
                    continue
                self.functions.setdefault(match.group(1), []).append((text, blanked, body))
                if re.search(r"\bvar\s+router\s*=\s*Router\(\)", text[body[0]:body[1]]):
                    self.entries.append((text, blanked, body))

    @staticmethod
    def body(blanked, start):
        """The span of the function body whose signature starts at `start`, or nil for a declaration."""
        opening = blanked.find("{", start)
        if opening < 0:
            return None
        depth = 0
        for index in range(opening, len(blanked)):
            if blanked[index] == "{":
                depth += 1
            elif blanked[index] == "}":
                depth -= 1
                if depth == 0:
                    return opening, index + 1
        return None

    def routes(self):
        found = set()
        for text, blanked, span in self.entries:
            self.walk(text, blanked, span, "", found, set())
        return found

    def walk(self, text, blanked, span, base, found, visiting):
        events = [(m.start(), m.group()) for m in re.finditer(r"[{}]", blanked[span[0]:span[1]])]
        events = [(position + span[0], brace) for position, brace in events]
        events += [(m.start(), m) for m in ROUTE_CALL.finditer(text, span[0], span[1]) if blanked[m.start()] not in ' "']
        events.sort(key=lambda event: event[0])
        depth, prefixes, pending, loops = 0, [], None, {}
        for _, event in events:
            current = base + "".join(prefix for _, prefix in prefixes)
            if event == "{":
                depth += 1
                if pending is not None:
                    prefixes.append((depth, pending))
                    pending = None
            elif event == "}":
                if prefixes and prefixes[-1][0] == depth:
                    prefixes.pop()
                depth -= 1
            elif event.group("loop"):
                loops[event.group("loop")] = re.findall(r'"([^"]*)"', event.group("items"))
            elif event.group("install"):
                name = event.group("install")
                if name not in visiting:
                    for function in self.functions.get(name, []):
                        self.walk(*function, current, found, visiting | {name})
            elif ".group(" in event.group(0):
                pending = event.group("prefix") or ""
            else:
                method = (event.group("method") or event.group("added_method")).lower()
                literal = event.group("path") if event.group("method") else event.group("added_path")
                variable = event.group("variable") if event.group("method") else event.group("added_variable")
                for path in [literal] if literal is not None else loops.get(variable, []):
                    found.add((method, current + path))


def gateway_route_literals():
    """The (method, path) pairs the gateway serves under /api/v1, read from the sources: its own routes,
    and under the staff API it forwards by prefix, the routes the modules declare."""
    gateway = RouteSource([path.read_text(encoding="utf-8") for path in sorted((ROOT / "Services/Gateway").glob("*.swift"))])
    modules = RouteSource([path.read_text(encoding="utf-8")
                           for path in sorted((ROOT / "Sources/Casework").rglob("*.swift")) + sorted((ROOT / "Services").rglob("*.swift"))
                           if "Gateway" not in path.parts and "Hubctl" not in path.parts])
    own = {(method, path) for method, path in gateway.routes() if path.startswith("/api/v1/") and "*" not in path}
    return own | {(method, path) for method, path in modules.routes() if path.startswith("/api/v1/staff/") and "*" not in path}


def test_every_gateway_json_route_is_listed():
    routes = gateway_route_literals()
    # Both ways of registering a route were read (a direct literal and the shared `for path in` list).
    assert {("post", "/api/v1/complaints"), ("post", "/api/v1/staff/desk/complaints")} <= routes, routes
    listed = set(GATEWAY_JSON_OPERATIONS)
    for method, path in routes:
        if path == "/api/v1/staff/cases/{code}/{action}":
            assert all((method, f"/api/v1/staff/cases/{{code}}/{action}") in listed for action in ACTIONS)
        elif path == "/api/v1/staff/letters/{code}/{action}":
            assert all((method, f"/api/v1/staff/letters/{{code}}/{action}") in listed for action in LETTER_ACTIONS)
        else:
            assert (method, path) in listed, f"{method.upper()} {path} is served but not listed"


def test_openapi_errors_use_the_hub_error_shape(openapi):
    error_schema = openapi["components"]["schemas"]["Error"]
    assert error_schema["required"] == ["error"]
    assert set(error_schema["properties"]["error"]["required"]) == {"code", "message"}
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if not str(status).startswith(("4", "5")) or path == "/readyz" or (method, path) in GATEWAY_PAGE_OPERATIONS:
                    continue
                schema = resolve(openapi, response)["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}, f"{method.upper()} {path} {status}"


def test_openapi_declares_bearer_and_session_cookie(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert any(s["type"] == "http" and s["scheme"] == "bearer" for s in schemes.values())
    assert any(s["type"] == "apiKey" and s["in"] == "cookie" and s["name"] == "__Host-hub_session"
               for s in schemes.values())


def test_openapi_submission_answers_201_with_location(openapi):
    created = openapi["paths"]["/api/v1/complaints"]["post"]["responses"]["201"]
    assert "Location" in created["headers"]


@pytest.mark.parametrize("schema,source,enum", [
    ("ComplaintStatus", "Sources/Complaints/Case/ComplaintStatus.swift", "ComplaintStatus"),
    ("Priority", "Sources/Complaints/Routing/ModuleName.swift", "Priority"),
    ("ModuleCode", "Sources/Complaints/Routing/ModuleName.swift", "ModuleName"),
    ("Role", "Sources/Complaints/Accounts/Role.swift", "Role"),
])
def test_openapi_enums_match_the_swift_codes(openapi, schema, source, enum):
    assert openapi["components"]["schemas"][schema]["enum"] == swift_enum_raw_values(source, enum)


def test_openapi_is_valid_by_openapi_spec_validator(openapi):
    # A missing validator fails rather than skips: scripts/python-env installs it (Tests/requirements.txt).
    try:
        import openapi_spec_validator
    except ImportError:
        pytest.fail("openapi-spec-validator is not installed: run scripts/python-env and use .venv/bin/python")
    openapi_spec_validator.validate(openapi)

import HTTP
@testable import ServiceKit
import Testing

/// HUB_PUBLIC_URL, HUB_COOKIE_SECURE, HUB_METRICS_TOKEN and HUB_TRUSTED_PROXIES as read at start.
struct PublicEdgeTests {
    func edge(_ values: [String: String]) throws -> PublicEdge { try PublicEdge(environment: values) }

    func request(origin: String?, host: String = "127.0.0.1:8080") -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Host", host)
        if let origin { headers.add("Origin", origin) }
        return HTTPRequest(method: "POST", target: "/api/v1/staff/logout", pathSegments: ["api", "v1", "staff", "logout"],
                           rawQuery: nil, headers: headers)
    }

    @Test func defaultsAreSecureCookiesAndNoPublicURL() throws {
        let defaults = try edge([:])
        #expect(defaults.secureCookies)
        #expect(defaults.publicURL == nil && defaults.metricsToken == nil && defaults.strictTransportSecurity == nil)
        #expect(defaults.siteURL.absolute("/api/v1/photos/3") == "http://localhost:8080/api/v1/photos/3")
        #expect(try edge(["HUB_GATEWAY_PORT": "9090"]).siteURL.origin == "http://localhost:9090")
        #expect(try !edge(["HUB_COOKIE_SECURE": "0"]).secureCookies)
        #expect(try edge(["HUB_COOKIE_SECURE": "1"]).secureCookies)
    }

    @Test func thePublicURLMakesLinksAndTurnsOnHSTS() throws {
        let site = try edge(["HUB_PUBLIC_URL": "https://Lapor.Example.go.id/"])
        #expect(site.siteURL.absolute("/api/v1/photos/3") == "https://lapor.example.go.id/api/v1/photos/3")
        #expect(site.strictTransportSecurity == "max-age=31536000")
        #expect(try edge(["HUB_PUBLIC_URL": "https://lapor.example.go.id:443/hub"]).siteURL.absolute("/x") == "https://lapor.example.go.id/hub/x")
        #expect(try edge(["HUB_PUBLIC_URL": "http://10.1.2.3:8080"]).strictTransportSecurity == nil)
    }

    @Test func badValuesNameTheirVariable() {
        let cases: [([String: String], String)] = [
            (["HUB_PUBLIC_URL": "lapor.example.go.id"], "HUB_PUBLIC_URL"),
            (["HUB_PUBLIC_URL": "ftp://lapor.example.go.id"], "HUB_PUBLIC_URL"),
            (["HUB_PUBLIC_URL": "https://lapor.example.go.id/?x=1"], "HUB_PUBLIC_URL"),
            (["HUB_PUBLIC_URL": "https://user@lapor.example.go.id"], "HUB_PUBLIC_URL"),
            (["HUB_COOKIE_SECURE": "yes"], "HUB_COOKIE_SECURE"),
            (["HUB_METRICS_TOKEN": "short"], "HUB_METRICS_TOKEN"),
        ]
        for (values, variable) in cases {
            #expect { try edge(values) } throws: { "\($0)".contains(variable) }
        }
        #expect { try HubConfiguration.reading(["HUB_TRUSTED_PROXIES": "10.0.0.1,proxy.lan"]).trustedProxies(for: .gateway) }
            throws: { "\($0)".contains("HUB_TRUSTED_PROXIES") && "\($0)".contains("proxy.lan") }
    }

    @Test func theGatewayTrustsOnlyTheListAndModulesAlsoLoopback() throws {
        let none = try HubConfiguration.reading([:])
        #expect(!(try none.trustedProxies(for: .gateway)).contains("127.0.0.1"))
        #expect(try none.trustedProxies(for: .intake).contains("127.0.0.1"))
        #expect(!(try none.trustedProxies(for: .kir)).contains("172.18.0.4"), "a private network only when listed")
        #expect(!(try none.trustedProxies(for: .kir)).contains("203.0.113.4"))
        let listed = try HubConfiguration.reading(["HUB_TRUSTED_PROXIES": "203.0.113.4"])
        #expect(try listed.trustedProxies(for: .gateway).contains("203.0.113.4"))
        #expect(try listed.trustedProxies(for: .social).contains("203.0.113.4"))
    }

    @Test func sameOriginIsThePublicURLsOrElseTheHostAsked() throws {
        let site = try edge(["HUB_PUBLIC_URL": "https://lapor.example.go.id"])
        #expect(site.isSameOrigin(request(origin: "https://lapor.example.go.id")))
        #expect(!site.isSameOrigin(request(origin: "http://lapor.example.go.id")))
        #expect(!site.isSameOrigin(request(origin: "https://lapor.example.go.id.evil.test")))
        #expect(!site.isSameOrigin(request(origin: nil)))
        #expect(!site.isSameOrigin(request(origin: "null")))
        let plain = try edge([:])
        #expect(plain.isSameOrigin(request(origin: "http://127.0.0.1:8080")))
        #expect(!plain.isSameOrigin(request(origin: "http://127.0.0.1:8081")))
        #expect(plain.isSameOrigin(request(origin: "http://lapor.lan", host: "lapor.lan:80")),
                "without HUB_PUBLIC_URL the Host decides: a browser sends the Host of the page it is on")
        #expect(!plain.isSameOrigin(request(origin: "http://evil.test")))
    }
}

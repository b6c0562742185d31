import Complaints
import HTTP
@testable import ServiceKit
import Testing

struct ResponsePolicyTests {
    func request(_ path: String) -> HTTPRequest {
        HTTPRequest(method: "GET", target: path, pathSegments: path.split(separator: "/").map(String.init), rawQuery: nil)
    }

    @Test func staffJSONIsNeverCachedRefusalsIncluded() throws {
        let policy = try ResponsePolicy(edge: PublicEdge(environment: [:]))
        let ok = try policy.middleware { _ in .json(["cases": []]) }(request("/api/v1/staff/queue"))
        #expect(ok.headers["Cache-Control"] == "no-store")
        let refused = try policy.middleware { _ in throw HTTPError(403, "forbidden", "no") }(request("/api/v1/staff/cases/X"))
        #expect(refused.status == 403 && refused.headers["Cache-Control"] == "no-store")
        let publicList = try policy.middleware { _ in .json(["categories": []]) }(request("/api/v1/categories"))
        #expect(publicList.headers["Cache-Control"] == nil)
    }

    @Test func aRefusalIsAnsweredWithItsStatusCodeAndEnglishMessageAndNeverCached() throws {
        let policy = try ResponsePolicy(edge: PublicEdge(environment: [:]))
        let refused = try policy.middleware { _ in throw Refusal.wrongModule("ABC", handledBy: .kir, not: .social) }(request("/api/v1/staff/cases/ABC/claim"))
        #expect(refused.status == 409 && refused.headers["Cache-Control"] == "no-store")
        let body = String(decoding: refused.body, as: UTF8.self)
        #expect(body.contains("\"wrong_module\"") && body.contains("case ABC is handled by kir, not social"))
        #expect(Refusal.noteRequired.message(language: "id") == "Catatan wajib diisi.")
    }

    @Test func htmlCarriesHSTSOnlyForAnHTTPSSite() throws {
        let https = try ResponsePolicy(edge: PublicEdge(environment: ["HUB_PUBLIC_URL": "https://lapor.example.go.id"]))
        let plain = try ResponsePolicy(edge: PublicEdge(environment: [:]))
        let page: HTTPHandler = { _ in .html("<p>hai</p>") }
        #expect(try https.middleware(page)(request("/")).headers["Strict-Transport-Security"] == "max-age=31536000")
        #expect(try plain.middleware(page)(request("/")).headers["Strict-Transport-Security"] == nil)
        #expect(try https.middleware { _ in .json([:]) }(request("/api/v1/categories")).headers["Strict-Transport-Security"] == nil)
    }

    @Test func aHeaderTheHandlerSetIsKept() throws {
        let https = try ResponsePolicy(edge: PublicEdge(environment: ["HUB_PUBLIC_URL": "https://lapor.example.go.id"]))
        let own = try https.middleware { _ in
            var page = HTTPResponse.html("<p>hai</p>")
            page.headers.add("Strict-Transport-Security", "max-age=60")
            return page
        }(request("/"))
        #expect(own.headers.values("Strict-Transport-Security") == ["max-age=60"])
    }

    @Test func onlyTheStaffAPIsJSONIsMarkedNoStoreHere() throws {
        let policy = try ResponsePolicy(edge: PublicEdge(environment: [:]))
        #expect(try policy.middleware { _ in .html("<p>antrean</p>") }(request("/staff/")).headers["Cache-Control"] == nil,
                "the pages set their own")
        #expect(try policy.middleware { _ in .json([:]) }(request("/staffing/x")).headers["Cache-Control"] == nil)
        #expect(try policy.middleware { _ in .json([:]) }(request("/api/v1/complaints/7QK2M9XW4HNPA")).headers["Cache-Control"] == nil)
    }

    @Test func theGatewaysMetricsNeedTheToken() {
        func scrape(_ authorization: String?) -> HTTPRequest {
            var request = request("/metrics")
            if let authorization { request.headers.add("Authorization", authorization) }
            return request
        }
        let token = HealthRoutes.MetricsAccess.bearer("rahasia-prometheus-01")
        #expect(token.refusal(scrape("Bearer rahasia-prometheus-01")) == nil)
        #expect(token.refusal(scrape("bearer rahasia-prometheus-01")) == nil)
        #expect(token.refusal(scrape("Bearer rahasia-prometheus-02"))?.status == 401)
        #expect(token.refusal(scrape(nil))?.headers["WWW-Authenticate"] == "Bearer realm=\"metrics\"")
        #expect(HealthRoutes.MetricsAccess.bearer(nil).refusal(scrape("Bearer "))?.status == 404,
                "without a token configured the path does not exist")
        #expect(HealthRoutes.MetricsAccess.open.refusal(scrape(nil)) == nil)
    }
}

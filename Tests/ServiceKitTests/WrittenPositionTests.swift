import HTTP
import Postgres
@testable import ServiceKit
import Testing

/// The cookie that carries a citizen's own last write from the writer to the reader.
struct WrittenPositionTests {
    static func request(cookie: String) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Cookie", cookie)
        return HTTPRequest(method: "GET", target: "/track/X", pathSegments: ["track", "X"], rawQuery: nil, headers: headers)
    }

    @Test func aWriteIsRememberedForLongerThanTheLagAReplicaMayBeReadAt() throws {
        let response = HTTPResponse.redirect(to: "/track/ABC").remembering(WALPosition(0x16_B374_D848))
        let cookie = try #require(response.headers["Set-Cookie"])
        #expect(cookie.hasPrefix("\(WrittenPosition.cookie.name)=16/B374D848; Path=/; Max-Age=90; HttpOnly; SameSite=Strict"))
        #expect(WrittenPosition.lifetime > 60_000 / 1000, "HUB_DATABASE_READ_MAX_LAG_MS allows 60 s at most")
    }

    @Test func nothingIsRememberedWithoutAPosition() {
        #expect(HTTPResponse.redirect(to: "/track/ABC").remembering(nil).headers["Set-Cookie"] == nil)
    }

    @Test func theReaderFindsThePositionItWasGiven() {
        let name = WrittenPosition.cookie.name
        #expect(WrittenPosition.position(in: Self.request(cookie: "a=b; \(name)=1/2")) == WALPosition(0x1_0000_0002))
    }

    @Test(arguments: ["", "=1/2", "junk", "1/2/3", "ffffffffff/0"])
    func aCookieThatDoesNotReadIsNoPosition(_ value: String) {
        #expect(WrittenPosition.position(in: Self.request(cookie: "\(WrittenPosition.cookie.name)=\(value)")) == nil)
    }

    @Test func secureCookiesCarryTheHostPrefix() {
        #expect(WrittenPosition.cookie.secure(true).setting("1/2", maxAge: 90)
                == "__Host-hub_written=1/2; Path=/; Max-Age=90; HttpOnly; SameSite=Strict; Secure")
        #expect(WrittenPosition.cookie.secure(false).name == "hub_written")
    }
}

import HTTP
import Testing

@Suite struct HTTPHeadersTests {
    @Test(arguments: ["a\r\nSet-Cookie: x=1", "a\rb", "a\nb", "a\u{0}b", "\r\n"])
    func addDropsValuesThatCouldSplitAHeader(value: String) {
        var headers = HTTPHeaders()
        headers.add("X-Test", value)
        #expect(headers["X-Test"] == nil)
        #expect(headers.fields.isEmpty)
    }

    @Test(arguments: ["Bad Name", "X:Y", "X\r\nY", ""])
    func addDropsNamesThatAreNotTokens(name: String) {
        var headers = HTTPHeaders()
        headers.add(name, "v")
        #expect(headers.fields.isEmpty)
    }

    @Test func lookupIsCaseInsensitive() {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["CONTENT-TYPE"] == "text/plain")
        #expect(headers.contains("Content-type"))
        #expect(!headers.contains("Content-Types"))
    }

    @Test func valuesKeepArrivalOrder() {
        var headers = HTTPHeaders()
        headers.add("Via", "a")
        headers.add("X-Other", "x")
        headers.add("via", "b")
        #expect(headers.values("VIA") == ["a", "b"])
        #expect(headers["Via"] == "a")
    }

    @Test func setReplacesEveryValue() {
        var headers = HTTPHeaders([("Cache-Control", "a"), ("cache-control", "b")])
        headers.set("Cache-Control", "no-store")
        #expect(headers.values("Cache-Control") == ["no-store"])
    }

    @Test func removeDropsEveryValue() {
        var headers = HTTPHeaders([("A", "1"), ("B", "2"), ("a", "3")])
        headers.remove("a")
        #expect(headers.fields.map(\.name) == ["B"])
    }
}

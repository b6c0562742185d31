import HTTP
import Testing

private func request(contentType: String? = "application/json", body: String = "", cookies: [String] = []) -> HTTPRequest {
    var headers = HTTPHeaders()
    if let contentType { headers.add("Content-Type", contentType) }
    for cookie in cookies { headers.add("Cookie", cookie) }
    return HTTPRequest(method: "POST", target: "/", pathSegments: [], rawQuery: nil, headers: headers, body: Array(body.utf8))
}

@Suite struct HTTPRequestJSONTests {
    // MARK: cookies

    @Test func findsACookieAmongSeveral() {
        let request = request(cookies: ["theme=dark; session=abc123;lang=id"])
        #expect(request.cookie("session") == "abc123")
        #expect(request.cookie("theme") == "dark")
        #expect(request.cookie("lang") == "id")
    }

    @Test func cookieValueMayContainEquals() {
        #expect(request(cookies: ["token=a=b=="]).cookie("token") == "a=b==")
    }

    @Test func cookieNamesMatchExactly() {
        let request = request(cookies: ["xsession=1; session_old=2; Session=3"])
        #expect(request.cookie("session") == nil)
    }

    @Test func readsEveryCookieHeader() {
        let request = request(cookies: ["a=1", "session=xyz"])
        #expect(request.cookie("session") == "xyz")
    }

    @Test func missingCookieIsNil() {
        #expect(request(cookies: []).cookie("session") == nil)
        #expect(request(cookies: ["session"]).cookie("session") == nil)
    }

    // MARK: JSON bodies

    @Test func parsesAJSONObject() throws {
        let object = try request(body: #"{"category":"jalan","count":2}"#).jsonBody()
        #expect(try object.string("category") == "jalan")
        #expect(object.members.count == 2)
    }

    @Test(arguments: ["application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"])
    func acceptsJSONMediaTypes(contentType: String) throws {
        #expect(try request(contentType: contentType, body: #"{"a":1}"#).jsonBody().members.count == 1)
    }

    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", "", nil] as [String?])
    func refusesOtherMediaTypesWith415(contentType: String?) {
        let error = #expect(throws: HTTPError.self) {
            try request(contentType: contentType, body: #"{"a":1}"#).jsonBody()
        }
        #expect(error?.status == 415)
    }

    @Test(arguments: ["{", #"{"a":}"#, "not json", #"{"a":1}}"#])
    func refusesMalformedJSONWith400(body: String) {
        let error = #expect(throws: HTTPError.self) { try request(body: body).jsonBody() }
        #expect(error?.status == 400)
    }

    @Test(arguments: ["[1,2]", "42", #""text""#, "null", "true"])
    func refusesJSONThatIsNotAnObjectWith400(body: String) {
        let error = #expect(throws: HTTPError.self) { try request(body: body).jsonBody() }
        #expect(error?.status == 400)
    }

    @Test func refusesAnEmptyBodyWith400() {
        let error = #expect(throws: HTTPError.self) { try request(body: "").jsonBody() }
        #expect(error?.status == 400)
    }

    @Test func formFieldsDecodeTheBody() throws {
        let fields = try request(contentType: "application/x-www-form-urlencoded", body: "a=1&b=x+y").formFields()
        #expect(fields.map(\.value) == ["1", "x y"])
    }

    @Test func formFieldsRefuseBytesThatAreNotUTF8() {
        let request = HTTPRequest(method: "POST", target: "/", pathSegments: [], rawQuery: nil, body: [0x61, 0x3D, 0xFF])
        let error = #expect(throws: HTTPError.self) { try request.formFields() }
        #expect(error?.status == 400)
    }
}

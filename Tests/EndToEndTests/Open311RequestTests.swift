import Foundation
import HTTP
import Postgres
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Open311 service requests through the gateway: submitted and read back in both formats, filters
/// and paging, and no answer ever carrying the reporter's contact or a list carrying a tracking code.
@Suite(.serialized)
struct Open311RequestTests: Open311Testing {
    @Test func postedRequestsArePublicUnlessTheClientSaysOtherwiseAndStayAnonymous() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        let place = [("service_code", "pekerjaan-umum"), ("lat", "-6.1754"), ("long", "106.8272"), ("address_string", "Jl. Medan Merdeka")]
        func readBack(_ extra: [(String, String)], _ description: String) throws -> [String: Any] {
            let posted = try submit(hub, .json, place + [("description", description), ("phone", Self.reporter.phone)] + extra)
            #expect(posted.status == 201, "\(posted.text)")
            let id = try #require((posted.open311JSON as? [[String: Any]])?.first?["service_request_id"] as? String, "\(posted.text)")
            return try #require((try hub.get("/open311/v2/requests/\(id).json").open311JSON as? [[String: Any]])?.first)
        }

        let published = try readBack([], "Trotoar ambles di depan halte")
        #expect(published["description"] as? String == "Trotoar ambles di depan halte", "\(published)")
        #expect(published["address"] as? String == "Jl. Medan Merdeka")
        #expect(published["lat"] as? Double == -6.1754 && published["long"] as? Double == 106.8272)
        for extra in [[("confidential", "true")], [("attribute[confidential]", "true")], [("confidential", "1"), ("attribute[confidential]", "false")]] {
            let hidden = try readBack(extra, "Laporan rahasia \(extra)")
            #expect(hidden["description"] is NSNull && hidden["address"] is NSNull && hidden["lat"] is NSNull, "\(extra): \(hidden)")
        }
        try expectError(try submit(hub, .json, place + [("description", "x"), ("attribute[confidential]", "mungkin")]), 400, .json)

        let flags = try PostgresConnection(conninfo: url).query("select anonymous, confidential from complaints order by id")
        #expect(flags.map { $0["anonymous"] } == ["t", "t", "t", "t"], "anonymity stays on unless the client turns it off")
        #expect(flags.map { $0["confidential"] } == ["f", "t", "t", "t"])
    }

    @Test func submittedRequestsAreReadBackInBothFormatsWithoutTheReporter() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        var seen: [String] = []
        // The answers to submissions: they tell the submitter its tracking code, in the notice.
        var answers: [String] = []
        let connection = try PostgresConnection(conninfo: url)
        /// The tracking code behind a public request id, read where only the hub reads it.
        func trackingCode(_ requestID: String) throws -> String {
            try #require(try connection.query("select tracking_code from complaints where id = $1::bigint", [requestID]).first?["tracking_code"])
        }

        // A report the client marks confidential through the attribute, with a contact, in JSON.
        let first = try submit(hub, .json, [
            ("service_code", "pekerjaan-umum"), ("lat", "-6.2001"), ("long", "106.8166"),
            ("address_string", "Jl. Merdeka No. 5, depan SDN 3"),
            ("description", "Lampu PJU padam sejak tiga malam <gelap> & rawan"),
            ("attribute[subcategory]", "pju"), ("attribute[pole_id]", "pju 12-a"), ("attribute[kelurahan]", "Gambir"),
            ("attribute[confidential]", "true"),
            ("email", Self.reporter.email), ("first_name", Self.reporter.first), ("last_name", Self.reporter.last),
            ("phone", Self.reporter.phone), ("device_id", "dev-1"), ("account_id", "acc-1"),
            ("media_url", "http://example.org/x.jpg"),
        ])
        answers.append(first.text)
        #expect(first.status == 201, "\(first.text)")
        #expect(first.headers["Content-Type"] == "application/json; charset=utf-8")
        let created = try #require((first.open311JSON as? [[String: Any]])?.first)
        let code = try #require(created["service_request_id"] as? String)
        #expect(Set(created.keys) == ["service_request_id", "service_notice", "account_id"],
                "GeoReport v2: the id alone, no token, when the id is known at once: \(created)")
        let token = try trackingCode(code)
        #expect(Int(code) != nil, "public request ids are plain numbers, never tracking codes")
        #expect(created["account_id"] is NSNull)
        #expect((created["service_notice"] as? String)?.contains(token) == true)
        #expect(first.headers["Location"] == "/open311/v2/requests/\(code).json")

        // A public report (our extensions), in XML, with UTF-8 text and only an address_id.
        let second = try submit(hub, .xml, [
            ("service_code", "kesehatan"), ("address_id", "ALAMAT-77"),
            ("description", "Antrean puskesmas terlalu lama — pasien lansia menunggu ±4 jam"),
            ("anonymous", "false"), ("confidential", "false"), ("email", Self.reporter.email),
        ])
        answers.append(second.text)
        #expect(second.status == 201, "\(second.text)")
        #expect(second.headers["Content-Type"] == "text/xml; charset=utf-8")
        let secondTree = try XMLNode.parse(second)
        #expect(secondTree.name == "service_requests")
        let secondCode = try #require(secondTree.child("request")?.child("service_request_id")?.text)
        #expect(secondTree.child("request")?.child("token") == nil)
        let secondToken = try trackingCode(secondCode)
        #expect(Int(secondCode) != nil)
        #expect(secondTree.child("request")?.child("account_id")?.text == "")

        // What was stored: the channel, the privacy flags, the contact (privately), pole and address id.
        let stored = try connection.query("""
            select c.channel_code, c.anonymous, c.confidential, c.pole_id, c.subcategory_code, c.kelurahan, c.location,
                   r.email, r.name, e.details::text as details
              from complaints c left join complaint_reporters r on r.complaint_id = c.id
              join complaint_events e on e.complaint_id = c.id and e.kind = 'submitted'
             where c.tracking_code = $1
            """, [token])[0]
        #expect(stored["channel_code"] == "open311")
        #expect(stored["anonymous"] == "t" && stored["confidential"] == "t", "anonymous by default, confidential as the attribute asked")
        #expect(stored["pole_id"] == "PJU12A")
        #expect(stored["subcategory_code"] == "pju" && stored["kelurahan"] == "Gambir")
        #expect(stored["email"] == Self.reporter.email && stored["name"] == "\(Self.reporter.first) \(Self.reporter.last)")
        let storedSecond = try connection.query("""
            select c.anonymous, c.confidential, e.details::text as details from complaints c
              join complaint_events e on e.complaint_id = c.id and e.kind = 'submitted' where c.tracking_code = $1
            """, [secondToken])[0]
        #expect(storedSecond["anonymous"] == "f" && storedSecond["confidential"] == "f")
        #expect(storedSecond["details"]?.contains("ALAMAT-77") == true)

        // One request, both formats; the confidential one shows neither description nor address.
        let oneJSON = try hub.get("/open311/v2/requests/\(code).json")
        seen.append(oneJSON.text)
        #expect(oneJSON.status == 200)
        let one = try #require((oneJSON.open311JSON as? [[String: Any]])?.first)
        #expect(one["service_request_id"] as? String == code)
        #expect(one["status"] as? String == "open")
        #expect((one["status_notes"] as? String)?.hasPrefix("received: ") == true
                || (one["status_notes"] as? String)?.hasPrefix("dispatched: ") == true)
        #expect(one["service_code"] as? String == "pekerjaan-umum" && one["service_name"] as? String == "Pekerjaan Umum")
        #expect(one["agency_responsible"] as? String == "dpupr")
        #expect(one["description"] is NSNull && one["address"] is NSNull, "confidential")
        for field in ["address_id", "zipcode", "lat", "long", "media_url", "expected_datetime", "service_notice"] {
            #expect(one.keys.contains(field), "\(field) is present")
        }
        let requested = try #require(one["requested_datetime"] as? String)
        #expect(requested.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"#, options: .regularExpression) != nil,
                "W3C datetime with a timezone: \(requested)")
        let createdInWIB = try connection.query("""
            select to_char(created_at at time zone '+07:00'::interval, 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00' as local
              from complaints where tracking_code = $1
            """, [token])[0]["local"]
        #expect(requested == createdInWIB, "the moment it was stored, to the second, in WIB")
        let oneXML = try hub.get("/open311/v2/requests/\(code).xml")
        seen.append(oneXML.text)
        let oneTree = try XMLNode.parse(oneXML)
        #expect(oneTree.name == "service_requests" && oneTree.children.count == 1)
        #expect(oneTree.child("request")?.child("service_request_id")?.text == code)
        #expect(oneTree.child("request")?.child("description")?.text == "")

        let publicOne = try #require((try hub.get("/open311/v2/requests/\(secondCode).json").open311JSON as? [[String: Any]])?.first)
        #expect(publicOne["description"] as? String == "Antrean puskesmas terlalu lama — pasien lansia menunggu ±4 jam")
        #expect(publicOne["address"] as? String == "ID alamat ALAMAT-77")
        let publicXML = try hub.get("/open311/v2/requests/\(secondCode).xml")
        seen.append(publicXML.text)
        #expect(try XMLNode.parse(publicXML).child("request")?.child("description")?.text
                == "Antrean puskesmas terlalu lama — pasien lansia menunggu ±4 jam")

        // Tokens, both formats.
        let tokenJSON = try #require((try hub.get("/open311/v2/tokens/\(token.lowercased()).json").open311JSON as? [[String: Any]])?.first)
        #expect(tokenJSON["service_request_id"] as? String == code && tokenJSON["token"] as? String == token,
                "tokens are read case-insensitively")
        let tokenXML = try XMLNode.parse(try hub.get("/open311/v2/tokens/\(token).xml"))
        #expect(tokenXML.child("request")?.child("service_request_id")?.text == code)
        try expectError(try hub.get("/open311/v2/tokens/ABCDEFGHJKMNP.json"), 404, .json)
        try expectError(try hub.get("/open311/v2/tokens/ABCDEFGHJKMNP.xml"), 404, .xml)
        try expectError(try hub.get("/open311/v2/requests/ABCDEFGHJKMNP.json"), 404, .json)
        try expectError(try hub.get("/open311/v2/requests/not-a-code.xml"), 404, .xml)

        // More requests for the filters: three more, one resolved, one 100 days old. They are public,
        // and their text needs escaping in both formats (a control character XML cannot carry at all).
        var codes = [code, secondCode]
        var tokens = [token, secondToken]
        let awkward = "Warga \"terlantar\" <kolong> & 'jembatan' \u{7}"
        for index in 0..<3 {
            let response = try submit(hub, .json, [("service_code", "sosial"), ("address_string", "Kolong jembatan \(index)"),
                                                   ("description", "\(awkward) \(index)"), ("confidential", "false")])
            let answer = try #require((response.open311JSON as? [[String: Any]])?.first)
            codes.append(try #require(answer["service_request_id"] as? String))
            tokens.append(try trackingCode(codes.last!))
        }
        let awkwardJSON = try #require((try hub.get("/open311/v2/requests/\(codes[4]).json").open311JSON as? [[String: Any]])?.first)
        #expect(awkwardJSON["description"] as? String == "\(awkward) 2")
        #expect(awkwardJSON["address"] as? String == "Kolong jembatan 2")
        let awkwardXML = try XMLNode.parse(try hub.get("/open311/v2/requests/\(codes[4]).xml"))
        #expect(awkwardXML.child("request")?.child("description")?.text == "Warga \"terlantar\" <kolong> & 'jembatan' \u{FFFD} 2")

        // media_url points at the first photo anyone may see; a confidential complaint shows none.
        for photoCode in [tokens[1], tokens[0]] {
            try connection.query("""
                insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
                select id, 1, 'report', 'image/png', $2::bytea, digest($2::bytea, 'sha256') from complaints where tracking_code = $1
                """, [photoCode, Data([0x89, 0x50, 0x4E, 0x47])])
        }
        let withPhoto = (try hub.get("/open311/v2/requests/\(codes[1]).json").open311JSON as? [[String: Any]])?.first
        let mediaURL = try #require(withPhoto?["media_url"] as? String)
        // Without HUB_PUBLIC_URL the site is the gateway on this machine, whatever Host the client sent.
        let site = "http://localhost:\(hub.ports["gateway"]!)"
        #expect(mediaURL.hasPrefix("\(site)/api/v1/photos/") && !mediaURL.contains(tokens[1]))
        #expect(try hub.get(String(mediaURL.dropFirst(site.count))).body == [0x89, 0x50, 0x4E, 0x47])
        let hiddenPhoto = (try hub.get("/open311/v2/requests/\(codes[0]).json").open311JSON as? [[String: Any]])?.first
        #expect(hiddenPhoto?["media_url"] is NSNull)
        // Let the social module take the case first, so its dispatch does not race the change.
        try hub.waitForStatus(tokens[2])
        try connection.query("update complaints set status = 'resolved' where tracking_code = $1", [tokens[2]])
        try connection.query("update complaints set created_at = now() - interval '100 days' where tracking_code = $1", [tokens[3]])

        func list(_ query: String, _ format: Open311Format = .json) throws -> [String] {
            let response = try hub.get("/open311/v2/requests.\(format.rawValue)\(query)")
            seen.append(response.text)
            #expect(response.status == 200, "\(query): \(response.text)")
            if format == .xml {
                return try XMLNode.parse(response).children.compactMap { $0.child("service_request_id")?.text }
            }
            return (response.open311JSON as? [[String: Any]] ?? []).compactMap { $0["service_request_id"] as? String }
        }
        let recent = [codes[4], codes[2], codes[1], codes[0]]
        #expect(try list("") == recent, "the last 90 days, newest first")
        #expect(try list("", .xml) == recent)
        #expect(try list("?service_code=sosial") == [codes[4], codes[2]])
        #expect(try list("?service_code=sosial,kesehatan", .xml) == [codes[4], codes[2], codes[1]])
        #expect(try list("?status=closed") == [codes[2]])
        #expect(try list("?status=open") == [codes[4], codes[1], codes[0]])
        #expect(try list("?status=open,closed") == recent)
        let closed = try #require((try hub.get("/open311/v2/requests/\(codes[2]).json").open311JSON as? [[String: Any]])?.first)
        #expect(closed["status"] as? String == "closed")
        #expect(closed["status_notes"] as? String == "resolved: Selesai ditindaklanjuti")
        #expect(try list("?service_request_id=\(codes[3]),\(codes[0]),999999999&status=closed") == [codes[0], codes[3]],
                "named ids override every other argument, even the 90-day window")
        let old = Date().addingTimeInterval(-100 * 86_400)
        let start = w3c(old.addingTimeInterval(-86_400)), end = w3c(old.addingTimeInterval(86_400))
        #expect(try list("?start_date=\(start)&end_date=\(end)") == [codes[3]])
        #expect(try list("?start_date=\(start)") == [codes[3]], "a start alone spans 90 days")
        let hourAgo = w3c(Date().addingTimeInterval(-3600))
        #expect(try list("?start_date=\(hourAgo)", .xml) == recent)
        #expect(try list("?end_date=\(hourAgo)") == [], "an end alone spans the 90 days before it")
        #expect(try list("?start_date=\(w3c(Date().addingTimeInterval(-3600), offset: "+07:00"))") == recent)
        #expect(try list("?start_date=\(w3c(Date().addingTimeInterval(-3600), offset: "Z"))") == recent)
        #expect(try list("?start_date=\(hourAgo.replacingOccurrences(of: "%2B", with: "+"))") == recent,
                "an unencoded + (read as a space) is still understood")
        #expect(try list("?page_size=2") == [codes[4], codes[2]])
        #expect(try list("?page_size=2&page=2", .xml) == [codes[1], codes[0]])
        #expect(try list("?page_size=2&page=3") == [])

        // The reporter's name, email and phone appear in no answer at all, and lists carry no tracking code.
        for text in seen where !text.contains("\"token\"") && !text.contains("<token>") {
            for code in tokens { #expect(!text.contains(code), "a tracking code leaked into a public list") }
        }
        for text in seen + answers {
            for secret in [Self.reporter.email, Self.reporter.phone, Self.reporter.first, Self.reporter.last] {
                #expect(!text.contains(secret), "\(secret) leaked")
            }
        }
    }
}

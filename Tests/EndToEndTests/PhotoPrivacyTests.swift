import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// An anonymous reporter's phone writes their name and where they stood into the photo's metadata;
/// the hub stores and publishes the picture without it, and refuses a photo it cannot read.
@Suite(.serialized)
struct PhotoPrivacyTests {
    static let secrets = ["Siti Rahayu", "-6.2088", "106.8456"]

    /// The sample JPEG with an IPTC segment (APP13) and a comment carrying the secrets after its APP0.
    static let jpegWithIPTC: [UInt8] = {
        let secret = Array("Siti Rahayu GPS -6.2088,106.8456".utf8)
        let iptc = Array("Photoshop 3.0\08BIM\u{4}\u{4}\0\0".utf8) + [0x1C, 0x02, 0x50] + secret
        let segments = [0xFF, 0xED, 0x00, UInt8(iptc.count + 2)] + iptc + [0xFF, 0xFE, 0x00, UInt8(secret.count + 2)] + secret
        return Array(SamplePhotos.jpeg.prefix(20)) + segments + SamplePhotos.jpeg.dropFirst(20)
    }()

    /// The sample PNG with a tEXt chunk (Author: the secrets) after its IHDR.
    static let pngWithText: [UInt8] = Array(SamplePhotos.png.prefix(33)) + SamplePhotos.bytes(hex: """
        0000002774455874417574686f7200536974692052616861797520475053202d362e323038382c3130362e383435360b2d012b
        """) + SamplePhotos.png.dropFirst(33)

    func leaks(_ bytes: [UInt8]) -> [String] {
        Self.secrets.filter { secret in
            let needle = Array(secret.utf8)
            return bytes.indices.contains { bytes[$0...].starts(with: needle) }
        }
    }

    func complaintCount(_ url: String) throws -> Int {
        try PostgresConnection(conninfo: url).query("select count(*)::int as n from complaints")[0].decode("n", as: Int.self)
    }

    @Test func publishedPhotosCarryNoNameOrPlace() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        #expect(leaks(Self.jpegWithIPTC) == Self.secrets && leaks(Self.pngWithText) == Self.secrets)
        let answer = try hub.post("/api/v1/complaints", json: [
            "category": "pekerjaan-umum", "description": "Jalan berlubang di depan rumah", "confidential": false,
            "photos": [Data(Self.jpegWithIPTC).base64EncodedString(), Data(Self.pngWithText).base64EncodedString()],
        ])
        #expect(answer.status == 201, "\(answer.text)")
        let code = try #require(answer.jsonObject["tracking_code"] as? String)
        let photos = try #require(try hub.get("/api/v1/complaints/\(code)").jsonObject["photos"] as? [[String: Any]])
        #expect(photos.count == 2)
        let stored = try photos.map { try hub.get(try #require($0["url"] as? String)) }
        #expect(stored.map(\.status) == [200, 200])
        #expect(stored.map { $0.headers["Content-Type"] } == ["image/jpeg", "image/png"])
        #expect(stored.map { leaks($0.body) } == [[], []])
        #expect(stored.map(\.body) == [SamplePhotos.jpeg, SamplePhotos.png], "the pictures themselves are kept as they were")
    }

    @Test func unreadablePhotoIsRefusedAndNothingStored() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        let truncated = Array(Self.jpegWithIPTC.dropLast(10))
        let json = try hub.post("/api/v1/complaints", json: [
            "category": "pekerjaan-umum", "description": "Lampu jalan mati", "confidential": false,
            "photos": [Data(truncated).base64EncodedString()],
        ])
        #expect(json.status == 400)
        let error = try #require(json.jsonObject["error"] as? [String: Any])
        #expect(error["code"] as? String == "photo_unreadable")

        let boundary = "----WebKitFormBoundaryPhotoPrivacy"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nkesehatan\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nAntrean panjang\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
        body += Self.jpegWithIPTC.dropLast(2) + Array("\r\n--\(boundary)--\r\n".utf8)
        let form = try hub.request("POST", "/complaints", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
        #expect(form.status == 400)
        #expect(form.text.contains("Foto rusak atau tidak lengkap"))
        #expect(try complaintCount(url) == 0)
    }
}

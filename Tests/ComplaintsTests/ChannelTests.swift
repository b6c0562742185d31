import Complaints
import Foundation
import Testing

/// Channels and photo purposes are codes the schema's seed data and checks own: each of them has a
/// case, and each case is one of them.
struct ChannelTests {
    static let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Schemas/migrations").standardized

    static func migration(_ name: String) throws -> String {
        try String(contentsOf: migrations.appendingPathComponent(name), encoding: .utf8)
    }

    /// The codes of `insert into channels (code, …) values ('web', …), …`.
    static func seededChannels() throws -> [String] {
        let sql = try migration("002_reference_data.sql")
        guard let start = sql.range(of: "insert into channels"), let end = sql[start.upperBound...].range(of: ";") else { return [] }
        return sql[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("('") else { return nil }
            return String(trimmed.dropFirst(2).prefix { $0 != "'" })
        }
    }

    @Test func everySeededChannelHasACaseAndBack() throws {
        let seeded = try Self.seededChannels()
        #expect(seeded.count == 5)
        for code in seeded {
            #expect(Channel(rawValue: code)?.rawValue == code, "channel \(code) has no case")
        }
        #expect(Set(Channel.allCases.map(\.rawValue)) == Set(seeded))
    }

    @Test func everyPhotoPurposeTheSchemaAdmitsHasACaseAndBack() throws {
        let sql = try Self.migration("004_citizen_intake.sql")
        let check = try #require(sql.range(of: "check (purpose in (")).upperBound
        let list = sql[check...].prefix { $0 != ")" }
        let admitted = list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
        #expect(admitted == ["report", "resolution"])
        // Migration 026 admits the reporter's photos with a reply.
        let answering = try Self.migration("026_reporter_answers.sql")
        let widened = try #require(answering.range(of: "check (purpose in (")).upperBound
        let now = answering[widened...].prefix { $0 != ")" }.split(separator: ",")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " '")) }
        #expect(now == ["report", "resolution", "reply"])
        for code in now {
            #expect(PhotoPurpose(rawValue: code)?.rawValue == code)
        }
        #expect(Set(PhotoPurpose.allCases.map(\.rawValue)) == Set(now))
    }

    @Test func unknownCodesHaveNoCase() {
        #expect(Channel(rawValue: "fax") == nil)
        #expect(PhotoPurpose(rawValue: "before") == nil)
    }

    @Test func resolutionPhotosLiveInTheirOwnPublicFolder() {
        #expect(PublicPhoto(position: 2, purpose: .resolution, mediaType: "image/png").path(code: "ABC")
            == "/api/v1/complaints/ABC/resolution-photos/2")
        #expect(PublicPhoto(position: 1, purpose: .report, mediaType: "image/png").path(code: "ABC") == "/api/v1/complaints/ABC/photos/1")
    }
}

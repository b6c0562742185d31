import Complaints
import Foundation
import HubStore
import Postgres

/// Stores demo complaints with COPY, in batches, in one transaction: the demo's regions with their
/// synthetic boundaries (`DemoRegions`), the complaints with ids reserved from their sequence and the
/// codes of the kelurahan they lie in, then their reporters, timelines and photos. Writes no queue
/// message (`DemoTimeline` leaves no case waiting for its module).
enum DemoDataWriter {
    /// How many complaints were stored, by status.
    struct Summary {
        var byStatus: [ComplaintStatus: Int] = [:]
        var events = 0
        var photos = 0
        var firstID: Int64 = 0
    }

    static let batchSize = 10_000

    /// - Parameter until: the end of the two years the complaints spread over (now, for the command).
    /// - Throws: `PostgresError` (a unique violation on a tracking code when this seed was loaded
    ///   into this database before); nothing is stored then.
    static func write(count: Int, seed: UInt64, until: Date, on connection: PostgresConnection) throws -> Summary {
        let summary = try connection.transaction { connection -> Summary in
            let generator = DemoCaseGenerator(seed: seed, count: count, until: until, reference: try reference(on: connection))
            var summary = Summary()
            try DemoRegions.write(on: connection)
            summary.firstID = try reserveIDs(count, on: connection)
            for start in stride(from: 0, to: count, by: batchSize) {
                let batch = (start..<min(start + batchSize, count)).map(generator.demoCase)
                try copy(batch, firstID: summary.firstID, on: connection, into: &summary)
            }
            return summary
        }
        try connection.execute("analyze regions, complaints, complaint_reporters, complaint_events, complaint_photos, staff_accounts")
        return summary
    }

    /// Takes `count` ids from the complaints' identity sequence, with the table locked against
    /// intake meanwhile. - Returns: the first.
    private static func reserveIDs(_ count: Int, on connection: PostgresConnection) throws -> Int64 {
        try connection.execute("lock table complaints in exclusive mode")
        let first = try connection.query("select nextval(pg_get_serial_sequence('complaints', 'id')) as id")[0].decode("id", as: Int64.self)
        if count > 1 { try connection.query("select setval(pg_get_serial_sequence('complaints', 'id'), $1::bigint)", [first + Int64(count) - 1]) }
        return first
    }

    private static func copy(_ batch: [DemoCase], firstID: Int64, on connection: PostgresConnection, into summary: inout Summary) throws {
        func id(_ index: Int) -> String { String(firstID + Int64(index)) }
        try connection.copyIn("""
            copy complaints (id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code, status,
                             priority, description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential,
                             escalation_level, assigned_to, due_at, created_at, updated_at, resolved_at, closed_at,
                             duplicate_of, pole_id, overdue_step, citizen_rating, kecamatan_code, kelurahan_code) from stdin
            """) { rows in
            for demo in batch {
                try rows.row([id(demo.index), demo.trackingCode, demo.category, demo.subcategory, demo.module, demo.agency,
                              demo.channel.rawValue, demo.status.rawValue, demo.priority, demo.description, demo.location,
                              demo.kelurahan.name, demo.kelurahan.kecamatan, String(demo.lat), String(demo.lon),
                              flag(demo.anonymous), flag(demo.confidential), String(demo.escalationLevel),
                              demo.assignedTo.map(String.init), demo.dueAt.map(CopyTimestamp.text), CopyTimestamp.text(demo.createdAt),
                              CopyTimestamp.text(demo.updatedAt), demo.resolvedAt.map(CopyTimestamp.text),
                              demo.closedAt.map(CopyTimestamp.text), demo.duplicateOf.map(id), demo.poleID,
                              String(demo.overdueStep), demo.citizenRating.map(String.init), demo.kelurahan.kecamatanCode.value,
                              demo.kelurahan.code.value])
                summary.byStatus[demo.status, default: 0] += 1
            }
        }
        try connection.copyIn("copy complaint_reporters (complaint_id, name, email, phone) from stdin") { rows in
            for demo in batch { if let reporter = demo.reporter { try rows.row([id(demo.index), reporter.name, reporter.email, reporter.phone]) } }
        }
        summary.events += try connection.copyIn("""
            copy complaint_events (complaint_id, kind, at, actor_role, actor_id, public, note, from_status, to_status, details) from stdin
            """) { rows in
            for demo in batch {
                for event in demo.events {
                    try rows.row([id(demo.index), event.kind.rawValue, CopyTimestamp.text(event.at), event.actorRole.rawValue, event.actorID.map(String.init),
                                  flag(event.isPublic), event.note, event.from?.rawValue, event.to?.rawValue, event.details])
                }
            }
        }
        summary.photos += try connection.copyIn("""
            copy complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256, created_at) from stdin
            """) { rows in
            for demo in batch where demo.hasPhoto {
                try rows.row([id(demo.index), "1", PhotoPurpose.report.rawValue, "image/png", DemoPhoto.bytes, DemoPhoto.sha256,
                              CopyTimestamp.text(demo.createdAt)])
            }
        }
    }

    private static func flag(_ value: Bool) -> String { value ? "t" : "f" }
}

/// The photo demo reports carry: a valid 2×2 PNG, as bytea text, with its SHA-256.
enum DemoPhoto {
    static let bytes = "\\x89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001149444154789c636800030687090640040026ae05017044273a0000000049454e44ae426082"
    static let sha256 = "\\x3befd112bf92004f22bf44364593c5a13d9e3b6fcb72f7ff963c5e0b8ec22f0b"
}

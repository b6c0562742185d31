import Complaints
import Foundation
import Postgres

/// Stores submissions: the complaint, its reporter, its photos, and what the lifecycle decides for
/// it (`Lifecycle.receive`: the first timeline event and the message to the owning module, or the
/// link to the open case it repeats), all in the caller's one transaction.
public enum ComplaintStore {
    /// The stored result of a submission.
    public struct Receipt: Sendable {
        public let id: Int64
        public let trackingCode: TrackingCode
        public let module: ModuleName
        /// The open case this report was linked to as a duplicate, if any.
        public let joined: String?
        /// True when an earlier submission with the same idempotency key created this complaint.
        public let replayed: Bool
    }

    /// A client's promise that two submissions with the same key are the same submission.
    public struct IdempotencyKey: Sendable {
        public let scope: String
        public let key: String

        /// - Returns: nil when the key is empty, longer than 200 characters, or not visible ASCII.
        public init?(scope: String, key: String?) {
            guard let key, IdempotencyKeyRule.admits(key) else { return nil }
            self.scope = scope
            self.key = key
        }
    }

    /// Why a submission could not be stored (besides `InvalidSubmission`, for a category that lost
    /// its route after the submission was checked).
    public enum SubmitError: Error {
        /// The idempotency key was used before for a different submission.
        case idempotencyKeyReused
    }

    /// Stores a checked submission. Call inside a transaction: the complaint, its reporter,
    /// photos and first event exist if and only if its message to the owning module does (or, for a
    /// duplicate, its link to the open case it joined, by `DuplicateRule.standard`).
    /// - Parameter open311Details: what an Open311 client sent beyond the complaint's own fields
    ///   (attribute answers, address_id), kept on the `submitted` event.
    /// - Throws: `InvalidSubmission`, `SubmitError`, or `PostgresError` (a unique violation on the idempotency key means a
    ///   concurrent twin committed first: retry the transaction and the replay is found).
    public static func submit(_ valid: ValidSubmission, idempotency: IdempotencyKey? = nil,
                              open311Details: [String: String] = [:], on connection: PostgresConnection) throws -> Receipt {
        let submission = valid.submission
        let fingerprint = Self.fingerprint(submission)
        if let idempotency, let replay = try replay(idempotency, fingerprint: fingerprint, on: connection) { return replay }
        guard let route = try CategoryStore.route(of: submission.category, on: connection) else {
            throw InvalidSubmission(problems: [.unknownCategory])
        }
        let joined = try openDuplicate(of: submission, on: connection)

        var attempt = 0
        while true {
            let code = TrackingCode.generate()
            do {
                let stored = try connection.savepoint("tracking_code") { connection -> Case in
                    try Case(row: connection.query(SQL.insertComplaint, [
                        code.value, submission.category, submission.subcategory, route.module.rawValue, route.agency, submission.channel,
                        submission.trimmedDescription,
                        submission.location.nonEmpty, submission.kelurahan.nonEmpty, submission.kecamatan.nonEmpty,
                        submission.lat, submission.lon, submission.anonymous, submission.confidential,
                        submission.poleID, joined?.id,
                    ])[0])
                }
                if let contact = submission.contact, !contact.isEmpty {
                    try connection.query(SQL.insertReporter, [stored.id, contact.name.nonEmpty, contact.email.nonEmpty, contact.phone.nonEmpty,
                                                              submission.language.rawValue])
                }
                for (position, photo) in submission.photos.enumerated() {
                    try connection.query(SQL.insertPhoto, [stored.id, position + 1, PhotoPurpose.report, photo.format.rawValue, Data(photo.bytes)])
                }
                // The first event, and the message to the module or the link to the open case, as the lifecycle decides.
                try CaseStore.write(try Lifecycle.receive(stored, joining: joined, open311Details: open311Details, at: Date()).get(),
                                   on: connection)
                if let idempotency {
                    try connection.query(SQL.insertIdempotencyKey, [idempotency.scope, idempotency.key, fingerprint, stored.id])
                }
                return Receipt(id: stored.id, trackingCode: code, module: route.module, joined: joined?.code, replayed: false)
            } catch let error as PostgresError where error.kind == .uniqueViolation && attempt < 3
                        && error.constraintName?.hasPrefix("complaints_tracking_code") == true {
                attempt += 1  // 65 random bits make this practically unreachable; retry rather than fail
            }
        }
    }

    /// The complaint an earlier submission with this key created, or nil when the key is new.
    private static func replay(_ idempotency: IdempotencyKey, fingerprint: String, on connection: PostgresConnection) throws -> Receipt? {
        guard let row = try connection.query(SQL.findIdempotencyKey, [idempotency.scope, idempotency.key, fingerprint]).first else {
            return nil
        }
        guard try row.decode("same", as: Bool.self) else { throw SubmitError.idempotencyKeyReused }
        guard let code = TrackingCode(parsing: try row.decode("tracking_code")),
              let module = ModuleName(rawValue: try row.decode("module_code")) else { return nil }
        return Receipt(id: try row.decode("id"), trackingCode: code, module: module, joined: try row.decode("joined"), replayed: true)
    }

    /// The open report this submission repeats by `rule`, the oldest first.
    private static func openDuplicate(of submission: ComplaintSubmission, by rule: DuplicateRule = .standard,
                                      on connection: PostgresConnection) throws -> (id: Int64, code: String)? {
        guard rule.applies(to: submission) else { return nil }
        let point = rule.point(of: submission)
        return try connection.query(SQL.findDuplicate, [submission.category, point?.lat, point?.lon, rule.pole(of: submission),
                                                        rule.radius, rule.window])
            .first.map { (try $0.decode("id", as: Int64.self), try $0.decode("tracking_code", as: String.self)) }
    }

    /// FNV-1a, 64 bits: enough to tell two photos apart for idempotency (not a security measure;
    /// the key is the client's own promise).
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    /// What makes two submissions "the same" for idempotency: every field and the photos' sizes.
    static func fingerprint(_ submission: ComplaintSubmission) -> String {
        JSONText.encode([
            "category": submission.category, "subcategory": submission.subcategory ?? "", "description": submission.description,
            "location": submission.location ?? "", "kelurahan": submission.kelurahan ?? "", "kecamatan": submission.kecamatan ?? "",
            "lat": submission.lat.map { String($0) } ?? "", "lon": submission.lon.map { String($0) } ?? "",
            "anonymous": submission.anonymous, "confidential": submission.confidential, "pole": submission.poleID ?? "",
            "contact": [submission.contact?.name ?? "", submission.contact?.email ?? "", submission.contact?.phone ?? ""],
            "photos": submission.photos.map { "\($0.bytes.count):\(fnv1a($0.bytes))" },
        ])
    }

    enum SQL {
        static let insertComplaint = """
            insert into complaints (tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code,
                                    description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential,
                                    pole_id, duplicate_of)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            returning \(Case.columns)
            """
        static let insertReporter = """
            insert into complaint_reporters (complaint_id, name, email, phone, language) values ($1, $2, $3, $4, $5)
            """
        static let insertPhoto = """
            insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
            values ($1, $2, $3, $4, $5::bytea, digest($5::bytea, 'sha256'))
            """
        static let insertIdempotencyKey = """
            insert into idempotency_keys (scope, key, request_hash, complaint_id) values ($1, $2, digest($3, 'sha256'), $4)
            """
        static let findIdempotencyKey = """
            select c.id, c.tracking_code, c.module_code, j.tracking_code as joined, k.request_hash = digest($3, 'sha256') as same
              from idempotency_keys k
              join complaints c on c.id = k.complaint_id
              left join complaints j on j.id = c.duplicate_of
             where k.scope = $1 and k.key = $2
            """
        /// The candidate for `DuplicateRule`: $1 the category, $2 and $3 the latitude and longitude (null
        /// without a point: ST_MakePoint is strict, so that branch is false), $4 the pole (or null), $5 the
        /// radius in metres, $6 the window in seconds. The distance is on the sphere (`use_spheroid`
        /// false), as `DuplicateRule.distance` reckons it; the place branch is answered by the partial
        /// GiST index complaints_open_geo_point (migration 018), the pole branch by complaints_pole.
        static let findDuplicate = """
            select id, tracking_code from complaints
             where category_code = $1 and duplicate_of is null
               and \(ComplaintStatus.openCondition)
               and created_at > now() - make_interval(secs => $6::float8)
               and (ST_DWithin(geo_point, ST_SetSRID(ST_MakePoint($3::float8, $2::float8), 4326)::geography, $5::float8, false)
                    or pole_id = $4::text)
             order by created_at
             limit 1
            """
    }
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or whitespace-only text; trimmed text otherwise.
    var nonEmpty: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}

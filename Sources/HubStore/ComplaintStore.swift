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

    /// What storing a submission needs to read first, read in one round trip (`lookup`).
    public struct Lookup: Sendable {
        /// The submission's category with its subcategories, if routed: what it is checked against.
        public let knownCategories: [String: Set<String>]
        let route: CategoryRoute?
        /// The open case it repeats by `DuplicateRule.standard`.
        let duplicate: (id: Int64, code: String)?
        /// What the idempotency key found: nil for a new key.
        let earlier: Result<Receipt, SubmitError>?
        /// The identity the complaint will have.
        let reservedID: Int64
        /// The parts of the request its subcategory asks for, when it fans out (FanOutStore).
        let parts: [FanOutStore.ReservedPart]
        /// Where it lies among the known regions, as `AreaPlacement.place` decides from the candidates read.
        public let placement: AreaPlacement
        /// The category's subcategories marked as hazards.
        let hazards: Set<String>
    }

    /// Reads what storing `submission` needs, in one round trip: its category and route, the regions
    /// its point or typed names may place it in, the open case it may repeat, what its idempotency key
    /// found, and an identity for it. Call inside the
    /// transaction that then `submit`s it.
    /// - Throws: `PostgresError`.
    public static func lookup(_ submission: ComplaintSubmission, idempotency: IdempotencyKey?,
                              on connection: PostgresConnection) throws -> Lookup {
        let rule = DuplicateRule.standard
        let point = rule.point(of: submission)
        let results = try connection.pipeline { batch in
            batch.query(CategoryStore.SQL.knownCategory, [submission.category])
            batch.query(CategoryStore.SQL.route, [submission.category, submission.subcategory, nil as String?])
            batch.query(SQL.reserveID)
            RegionStore.queueCandidates(for: submission, into: &batch)
            if rule.applies(to: submission) {
                batch.query(SQL.findDuplicate, [submission.category, point?.lat, point?.lon, rule.pole(of: submission),
                                                rule.radius, rule.window])
            }
            if let idempotency {
                batch.query(SQL.findIdempotencyKey, [idempotency.scope, idempotency.key, fingerprint(submission)])
            }
            FanOutStore.queueParts(of: submission, into: &batch)
        }
        var next = 4
        var duplicate: (id: Int64, code: String)? = nil
        if rule.applies(to: submission) {
            duplicate = try results[next].first.map { (try $0.decode("id", as: Int64.self), try $0.decode("tracking_code", as: String.self)) }
            next += 1
        }
        let placement = AreaPlacement.place(hasPoint: submission.lat != nil && submission.lon != nil, kelurahan: submission.kelurahan,
                                            kecamatan: submission.kecamatan, candidates: try RegionStore.candidates(from: results[3]))
        let route = try CategoryStore.route(from: results[1], category: submission.category, placed: placement.kecamatan,
                                            typed: submission.kecamatan)
        let parts = try FanOutStore.parts(from: results[results.count - 1])
        return Lookup(knownCategories: try CategoryStore.knownCategories(from: results[0]), route: route,
                      // A report of misconduct is the inspectorate's alone, and a request that fans out
                      // is worked in its parts: neither joins another case.
                      duplicate: route?.inspectorate == true || !parts.isEmpty ? nil : duplicate,
                      earlier: idempotency == nil ? nil : try earlier(from: results[next]),
                      reservedID: try results[2][0].decode("id"), parts: parts,
                      placement: placement,
                      hazards: try CategoryStore.hazardSubcategories(from: results[0]))
    }

    /// Stores a checked submission with what `lookup` read for it. Call inside the transaction of
    /// the lookup: the complaint, its reporter, photos and first event exist if and only if its
    /// message to the owning module does (or, for a duplicate, its link to the open case it joined).
    /// Nothing is sent before the transaction's COMMIT (`PostgresConnection.write`).
    /// - Parameter open311Details: what an Open311 client sent beyond the complaint's own fields
    ///   (attribute answers, address_id), kept on the `submitted` event.
    /// - Throws: `InvalidSubmission`, `SubmitError`; at the COMMIT, a `PostgresError` that
    ///   `mayRetry` recognises when a concurrent twin took the idempotency key first (or, practically
    ///   never, another case the tracking code): the transaction is then worth running again.
    public static func submit(_ valid: ValidSubmission, lookup: Lookup, idempotency: IdempotencyKey? = nil,
                              open311Details: [String: String] = [:], on connection: PostgresConnection) throws -> Receipt {
        if let earlier = lookup.earlier { return try earlier.get() }
        let submission = valid.submission
        guard let route = lookup.route else { throw InvalidSubmission(problems: [.unknownCategory]) }
        let stored = Case(submitted: valid, id: lookup.reservedID, trackingCode: TrackingCode.generate(), route: route,
                          requestType: lookup.parts.first?.part.requestType, placement: lookup.placement, at: Date())
        try connection.write(SQL.insertComplaint, insertParameters(stored, poleID: submission.poleID, duplicateOf: lookup.duplicate?.id))
        if let contact = submission.contact, !contact.isEmpty {
            try connection.write(SQL.insertReporter, [stored.id, contact.name.trimmedText, contact.email.trimmedText, contact.phone.trimmedText,
                                                      submission.language.rawValue, contact.textChannel?.rawValue])
        }
        for (position, photo) in submission.photos.enumerated() {
            try connection.write(SQL.insertPhoto, [stored.id, position + 1, PhotoPurpose.report, photo.format.rawValue, Data(photo.bytes)])
        }
        // The first event, and the message to the module or the link to the open case, as the lifecycle
        // decides; for a request that fans out, its parts' cases with theirs.
        if lookup.parts.isEmpty {
            let hazard = stored.subcategory.map(lookup.hazards.contains) ?? false
            try CaseStore.write(try Lifecycle.receive(stored, joining: lookup.duplicate, open311Details: open311Details, hazard: hazard,
                                                      at: Date()).get(), on: connection)
        } else {
            try FanOutStore.receive(stored, parts: lookup.parts, open311Details: open311Details, on: connection)
        }
        if let idempotency {
            try connection.write(SQL.insertIdempotencyKey, [idempotency.scope, idempotency.key, fingerprint(submission), stored.id])
        }
        guard let code = TrackingCode(parsing: stored.trackingCode) else { preconditionFailure("a generated code parses") }
        return Receipt(id: stored.id, trackingCode: code, module: route.module, joined: lookup.duplicate?.code, replayed: false)
    }

    /// `lookup` and `submit` for a submission already checked: two round trips with the COMMIT.
    public static func submit(_ valid: ValidSubmission, idempotency: IdempotencyKey? = nil,
                              open311Details: [String: String] = [:], on connection: PostgresConnection) throws -> Receipt {
        let lookup = try lookup(valid.submission, idempotency: idempotency, on: connection)
        return try submit(valid, lookup: lookup, idempotency: idempotency, open311Details: open311Details, on: connection)
    }

    /// The parameters of `SQL.insertComplaint` for a case as `Case(submitted:)` or `Case.parts(_:)` made it.
    static func insertParameters(_ stored: Case, poleID: String? = nil, duplicateOf: Int64? = nil) -> [any PostgresEncodable] {
        [stored.id, stored.trackingCode, stored.category, stored.subcategory, stored.module.rawValue, stored.agency,
         stored.channel, stored.status.rawValue, stored.priority.rawValue, stored.description, stored.location,
         stored.kelurahan, stored.kecamatan, stored.lat, stored.lon, stored.anonymous, stored.confidential,
         poleID, duplicateOf, stored.inspectorate, stored.requestType, stored.parentID, stored.kecamatanCode?.value,
         stored.kelurahanCode?.value]
    }

    /// True when a submission's transaction failed only because a concurrent one committed first
    /// with the same idempotency key (running it again finds and replays that one), or, with 65
    /// random bits practically never, took the same tracking code (running it again draws another).
    public static func mayRetry(after error: PostgresError) -> Bool {
        error.constraintName == "idempotency_keys_pkey"
            || error.kind == .uniqueViolation && error.constraintName?.hasPrefix("complaints_tracking_code") == true
    }

    /// The complaint an earlier submission with this key created, or that the key was used for
    /// another submission; nil when the key is new.
    private static func earlier(from rows: PostgresRows) throws -> Result<Receipt, SubmitError>? {
        guard let row = rows.first else { return nil }
        guard try row.decode("same", as: Bool.self) else { return .failure(.idempotencyKeyReused) }
        guard let code = TrackingCode(parsing: try row.decode("tracking_code")),
              let module = ModuleName(rawValue: try row.decode("module_code")) else { return nil }
        return .success(Receipt(id: try row.decode("id"), trackingCode: code, module: module, joined: try row.decode("joined"),
                                replayed: true))
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
        /// The case as `Case(submitted:)` made it, under the identity `reserveID` gave; its moments by
        /// the database's clock, as its first event's.
        static let insertComplaint = """
            insert into complaints (id, tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code,
                                    status, priority, description, location, kelurahan, kecamatan, lat, lon, anonymous,
                                    confidential, pole_id, duplicate_of, inspectorate, request_type, parent_id,
                                    kecamatan_code, kelurahan_code)
            overriding system value
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                    $23, $24)
            """
        static let reserveID = "select nextval(pg_get_serial_sequence('complaints', 'id')) as id"
        static let insertReporter = """
            insert into complaint_reporters (complaint_id, name, email, phone, language, text_channel) values ($1, $2, $3, $4, $5, $6)
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
        /// GiST index complaints_open_geo_point (migration 018), the pole branch by complaints_pole. A
        /// request that fans out (its parent or one of its parts) is one family's, never another's problem.
        static let findDuplicate = """
            select id, tracking_code from complaints
             where category_code = $1 and duplicate_of is null and not inspectorate
               and request_type is null and parent_id is null
               and \(ComplaintStatus.openCondition)
               and created_at > now() - make_interval(secs => $6::float8)
               and (ST_DWithin(geo_point, ST_SetSRID(ST_MakePoint($3::float8, $2::float8), 4326)::geography, $5::float8, false)
                    or pole_id = $4::text)
             order by created_at
             limit 1
            """
    }
}

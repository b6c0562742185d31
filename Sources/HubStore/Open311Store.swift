import Complaints
import Foundation
import Postgres

/// A complaint as Open311 clients may see it: read from the public projection (`public_complaints`,
/// `public_photos`) and the routing table only, so it holds no reporter data and no staff identity. A confidential
/// complaint arrives here already without its description and location.
public struct Open311Case: Sendable {
    /// The public request id (`service_request_id`); never the tracking code, which lists would leak.
    public let requestID: Int64
    /// The citizen's tracking code: only for the answer to the submission and the tokens endpoint.
    public let trackingCode: String
    public let category: String
    public let categoryNameID: String
    public let status: ComplaintStatus
    public let confidential: Bool
    public let description: String?
    public let location: String?
    public let kelurahan: String?
    public let kecamatan: String?
    /// The agency (OPD) the routing table gives the case's category.
    public let agency: String?
    public let agencyNameID: String?
    public let dueAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    /// Coordinates, only for complaints that are not confidential.
    public let lat: Double?
    public let lon: Double?
    /// The id of the first of the citizen's photos anyone may see (none when confidential).
    public let photoID: Int64?

    init(row: PostgresRow) throws {
        let statusCode: String = try row.decode("status")
        guard let status = ComplaintStatus(rawValue: statusCode) else {
            throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: statusCode)
        }
        self.status = status
        requestID = try row.decode("request_id")
        trackingCode = try row.decode("tracking_code")
        category = try row.decode("category_code")
        categoryNameID = try row.decode("category_name_id")
        confidential = try row.decode("confidential")
        description = try row.decode("description")
        location = try row.decode("location")
        kelurahan = try row.decode("kelurahan")
        kecamatan = try row.decode("kecamatan")
        agency = try row.decode("agency_code")
        agencyNameID = try row.decode("agency_name_id")
        dueAt = try row.decode("due_at")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        lat = try row.decode("lat")
        lon = try row.decode("lon")
        photoID = try row.decode("photo_id")
    }
}

/// What `GET requests` asks for when it does not name the requests: a window of request times,
/// optional categories and statuses, and a page.
public struct Open311Filter: Sendable {
    public var categories: [String]
    public var statuses: [ComplaintStatus]
    public var from: Date
    public var until: Date
    public var limit: Int
    public var offset: Int
    /// Only requests whose point lies in this box (`bbox`); requests without a point, confidential
    /// ones among them, never match one.
    public var bounds: GeoBounds?

    public init(categories: [String] = [], statuses: [ComplaintStatus] = [], from: Date, until: Date,
                limit: Int, offset: Int = 0, bounds: GeoBounds? = nil) {
        self.categories = categories
        self.statuses = statuses
        self.from = from
        self.until = until
        self.limit = limit
        self.offset = offset
        self.bounds = bounds
    }
}

/// The SQL behind the Open311 API. Reads go to the public projection only; the one write adds the
/// client's attribute answers to the submission's own (internal) timeline event.
public enum Open311Store {
    /// Requests by public id, newest first; unknown ids are simply absent.
    public static func cases(ids: [Int64], on connection: PostgresConnection) throws -> [Open311Case] {
        guard !ids.isEmpty else { return [] }
        return try connection.query(SQL.select + """
             where p.request_id = any($1::bigint[])
             order by p.created_at desc, p.request_id desc
            """, [ids.map(String.init)]).map(Open311Case.init)
    }

    /// The request a tracking code (Open311's token) belongs to.
    public static func find(token code: String, on connection: PostgresConnection) throws -> Open311Case? {
        try found(in: connection.query(SQL.byToken, [code]))
    }

    /// Queues `find(token:)` in a batch (e.g. after a COMMIT: `PostgresConnection.transaction(_:thenReading:)`).
    public static func queueFind(token code: String, into batch: inout PostgresBatch) {
        batch.query(SQL.byToken, [code])
    }

    /// The request in the rows of `queueFind`, or nil.
    public static func found(in rows: PostgresRows) throws -> Open311Case? {
        try rows.first.map(Open311Case.init)
    }

    /// Requests matching a filter, newest first.
    public static func cases(matching filter: Open311Filter, on connection: PostgresConnection) throws -> [Open311Case] {
        var parameters: [any PostgresEncodable] = [filter.categories, filter.statuses.map(\.rawValue), filter.from, filter.until,
                                                   filter.limit, filter.offset]
        guard let box = filter.bounds else { return try connection.query(SQL.matching, parameters).map(Open311Case.init) }
        parameters += [box.west, box.south, box.east, box.north]
        return try connection.query(SQL.matchingInBox, parameters).map(Open311Case.init)
    }

    /// One request by public id, or nil.
    public static func find(id: Int64, on connection: PostgresConnection) throws -> Open311Case? {
        try cases(ids: [id], on: connection).first
    }

    /// The modules' Indonesian names by code (the `group` of each Open311 service).
    public static func moduleNames(on connection: PostgresConnection) throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try connection.query("select code, name_id from modules") {
            names[try row.decode("code")] = try row.decode("name_id")
        }
        return names
    }

    enum SQL {
        static let select = """
            select p.request_id, p.tracking_code, p.category_code, p.category_name_id, p.status, p.confidential,
                   p.description, p.location, p.lat, p.lon, p.kelurahan, p.kecamatan, p.due_at, p.created_at, p.updated_at,
                   r.agency_code, a.name_id as agency_name_id,
                   (select min(ph.id) from public_photos ph
                     where ph.request_id = p.request_id and ph.purpose = 'report') as photo_id
              from public_complaints p
              left join category_routes r on r.category_code = p.category_code
              left join agencies a on a.code = r.agency_code

            """
        static let byToken = select + " where p.tracking_code = $1"
        /// A page of `Open311Filter`: newest first, walking complaints_newest_first (migration 032).
        static let matching = select + filtered + page
        /// `matching` within a box of longitude and latitude ($7 to $10: west, south, east, north);
        /// the view's point is null for confidential requests, so they never match.
        static let matchingInBox = select + filtered + """
               and p.lon between $7::float8 and $9::float8 and p.lat between $8::float8 and $10::float8
            """ + page
        private static let filtered = """
             where (cardinality($1::text[]) = 0 or p.category_code = any($1::text[]))
               and (cardinality($2::text[]) = 0 or p.status = any($2::text[]))
               and p.created_at >= $3::timestamptz and p.created_at <= $4::timestamptz

            """
        private static let page = """

             order by p.created_at desc, p.request_id desc
             limit $5 offset $6
            """
    }
}

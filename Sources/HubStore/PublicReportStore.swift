import Complaints
import Foundation
import Postgres

/// The public's reads of the reports (migration 041's views, granted to the gateway's public
/// role): pages of listed reports newest first, the count of those only counted, one report's
/// public page, the map's outlines, points and hotspots. Nothing here reads `complaints` itself.
public enum PublicReportStore {
    /// A page of listed reports matching the query, newest first, and the cursor of the next page
    /// (nil on the last).
    public static func page(_ query: PublicReportQuery, on connection: PostgresConnection) throws
        -> (reports: [PublicReport], next: PublicReportCursor?) {
        var conditions = Conditions(query)
        if let after = query.after {
            conditions.add("(created_at, request_id) < (\(conditions.bind(after.createdAt))::timestamptz, \(conditions.bind(after.id))::bigint)")
        }
        let limit = conditions.bind(query.limit + 1)
        let rows = try connection.query(SQL.columns + " from public_reports where listed and " + conditions.sql
            + "\n order by created_at desc, request_id desc limit \(limit)::int", conditions.parameters)
        var reports = try rows.map(PublicReport.init(row:))
        guard reports.count > query.limit else { return (reports, nil) }
        reports.removeLast()
        return (reports, reports.last.map(PublicReportCursor.init(after:)))
    }

    /// Counts of unlisted reports stop here: the count is read from an index, and a page need not
    /// walk half a million entries to say "more than 10,000".
    public static let unlistedCountCap = 10_000

    /// How many reports matching the query's filters are only counted (confidential or with the
    /// inspectorate), read from their index alone; `unlistedCountCap + 1` stands for more than the cap.
    public static func unlistedCount(_ query: PublicReportQuery, on connection: PostgresConnection) throws -> Int {
        var conditions = Conditions(query)
        let cap = conditions.bind(unlistedCountCap + 1)
        return try connection.query("select count(*)::bigint as n from (select 1 from public_report_tallies where not listed and "
                                    + conditions.sql + " limit \(cap)::int) counted", conditions.parameters)[0]
            .decode("n", as: Int64.self).asInt
    }

    /// The newest listed reports of the query's filters that have a point and are still open.
    public static func openPoints(_ query: PublicReportQuery, on connection: PostgresConnection) throws -> [PublicReport] {
        var conditions = Conditions(query)
        conditions.add("lat is not null and lon is not null and " + ComplaintStatus.openCondition)
        let limit = conditions.bind(query.limit)
        return try connection.query(SQL.columns + " from public_reports where listed and " + conditions.sql
            + "\n order by created_at desc, request_id desc limit \(limit)::int", conditions.parameters).map(PublicReport.init(row:))
    }

    /// A listed report's public page, or nil (unknown, confidential, with the inspectorate, or a part).
    public static func detail(id: Int64, on connection: PostgresConnection) throws -> PublicReportDetail? {
        let rows = try connection.pipeline { batch in
            batch.inOneSnapshot { reads in
                reads.query(SQL.columns + " from public_reports where listed and request_id = $1", [id])
                reads.query(SQL.timeline + " where request_id = $1 order by at, event_id", [id])
                reads.query("select photo_id, purpose from public_report_photos where request_id = $1 order by purpose desc, position", [id])
            }
        }.dropFirst()
        guard let row = rows[rows.startIndex].first else { return nil }
        let photos = try rows[rows.startIndex + 2].compactMap { photo -> PublicReportDetail.Photo? in
            let id: Int64 = try photo.decode("photo_id")
            return PhotoPurpose(rawValue: try photo.decode("purpose")).map { .init(id: id, purpose: $0) }
        }
        return PublicReportDetail(report: try PublicReport(row: row), timeline: try rows[rows.startIndex + 1].map(PublicEvent.init(row:)),
                                  photos: photos)
    }

    /// The status changes (and the submission) of listed reports, oldest first per report.
    public static func statusChanges(of ids: [Int64], on connection: PostgresConnection) throws -> [Int64: [PublicEvent]] {
        guard !ids.isEmpty else { return [:] }
        var changes: [Int64: [PublicEvent]] = [:]
        for row in try connection.query(SQL.timeline + """
             where request_id = any($1::bigint[]) and (to_status is not null or kind = 'submitted') order by at, event_id
            """, [ids.map(String.init)]) {
            changes[try row.decode("request_id"), default: []].append(try PublicEvent(row: row))
        }
        return changes
    }

    /// The outlines of every region with a boundary, simplified to `tolerance` degrees (a projection's
    /// `degreesPerUnit`: nothing smaller than a unit of the drawing is kept), kecamatan first.
    public static func outlines(tolerance: Double, on connection: PostgresConnection) throws -> [AreaOutline] {
        try connection.query("""
            select code, kind, name,
                   ST_AsGeoJSON(ST_SimplifyPreserveTopology(boundary, $1::float8), 6) as shape
              from public_regions where boundary is not null
             order by kind = 'kecamatan' desc, code
            """, [tolerance]).compactMap(AreaOutline.init(row:))
    }

    /// The whole extent of the regions' boundaries, or nil when none has one.
    public static func extent(on connection: PostgresConnection) throws -> GeoBounds? {
        guard let row = try connection.query("""
            select ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
              from (select ST_Extent(boundary)::geometry as e from public_regions) x where e is not null
            """).first else { return nil }
        return GeoBounds(west: try row.decode("west"), south: try row.decode("south"), east: try row.decode("east"),
                         north: try row.decode("north"))
    }

    /// Open reports per desa/kelurahan and category (confidential ones counted), with their hazards:
    /// tallied per subcategory from an index alone, then marked by the subcategories' hazard flag.
    public static func hotspots(category: String?, on connection: PostgresConnection) throws -> [Hotspot] {
        let filter = category == nil ? "" : " and category_code = $1"
        return try connection.query("""
            select t.kelurahan_code, t.category_code, sum(t.n)::bigint as n,
                   coalesce(sum(t.n) filter (where s.hazard), 0)::bigint as hazards
              from (select kelurahan_code, category_code, subcategory_code, count(*) as n from public_report_tallies
                     where kelurahan_code is not null and \(ComplaintStatus.openCondition)\(filter)
                     group by kelurahan_code, category_code, subcategory_code) t
              left join subcategories s on s.category_code = t.category_code and s.code = t.subcategory_code
             group by t.kelurahan_code, t.category_code order by t.kelurahan_code, t.category_code
            """, category.map { [$0] } ?? []).compactMap { row in
            guard let code = RegionCode(try row.decode("kelurahan_code")) else { return nil }
            return Hotspot(kelurahan: code, category: try row.decode("category_code"), count: try row.decode("n", as: Int64.self).asInt,
                           hazards: try row.decode("hazards", as: Int64.self).asInt)
        }
    }

    /// The conditions a query's filters set over `public_reports`, from `$1` on: only those it sets,
    /// so each shape is a statement of its own whose generic plan keeps migration 041's indexes.
    struct Conditions {
        private(set) var text: [String] = ["true"]
        private(set) var parameters: [any PostgresEncodable] = []

        init(_ query: PublicReportQuery) {
            if let area = query.area {
                if area.isVillage {
                    // The desa's kecamatan too, so the count of unlisted reports walks its index by both.
                    add("kecamatan_code = \(bind(area.district.value)) and kelurahan_code = \(bind(area.value))")
                } else {
                    add("kecamatan_code = \(bind(area.value))")
                }
            }
            if let category = query.category { add("category_code = \(bind(category))") }
            if let status = query.status { add("status = \(bind(status.rawValue))") }
        }

        mutating func bind(_ value: any PostgresEncodable) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }

        mutating func add(_ condition: String) { text.append(condition) }

        var sql: String { text.joined(separator: " and ") }
    }

    enum SQL {
        static let columns = """
            select request_id, category_code, category_name_id, category_name_en, subcategory_code, subcategory_name_id,
                   subcategory_name_en, hazard, status, kecamatan_code, kecamatan_name, kelurahan_code, kelurahan_name,
                   created_at, updated_at, resolved_at, description, location, lat, lon
            """
        static let timeline = "select request_id, kind, at, actor_role, to_status, note, note_en from public_report_events"
    }
}

private extension Int64 {
    var asInt: Int { Int(self) }
}

extension PublicReport {
    init(row: PostgresRow) throws {
        let statusCode: String = try row.decode("status")
        guard let status = ComplaintStatus(rawValue: statusCode) else {
            throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: statusCode)
        }
        func area(_ code: String, _ name: String) -> NamedRegion? {
            guard let code = row[code].flatMap(RegionCode.init), let name = row[name] else { return nil }
            return NamedRegion(code: code, name: name)
        }
        let lat: Double? = try row.decode("lat"), lon: Double? = try row.decode("lon")
        self.init(id: try row.decode("request_id"), category: try row.decode("category_code"),
                  categoryNameID: try row.decode("category_name_id"), categoryNameEN: try row.decode("category_name_en"),
                  subcategory: try row.decode("subcategory_code"), subcategoryNameID: try row.decode("subcategory_name_id"),
                  subcategoryNameEN: try row.decode("subcategory_name_en"), hazard: try row.decode("hazard"), status: status,
                  kecamatan: area("kecamatan_code", "kecamatan_name"), kelurahan: area("kelurahan_code", "kelurahan_name"),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
                  resolvedAt: try row.decode("resolved_at"), description: try row.decode("description"),
                  location: try row.decode("location"),
                  point: lat.flatMap { lat in lon.map { GeoPoint(lon: $0, lat: lat) } })
    }
}

extension PublicEvent {
    init(row: PostgresRow) throws {
        self.init(kind: try row.decode("kind"), at: try row.decode("at"), actorRole: try row.decode("actor_role"),
                  toStatus: try row.decode("to_status"), note: try row.decode("note"), noteEN: try row.decode("note_en"))
    }
}

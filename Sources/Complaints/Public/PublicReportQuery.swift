import Foundation

/// What a reader of the public reports asks for: an area (a kecamatan covers its desa/kelurahan), a
/// category, a status, and a page newest first that starts after a cursor (keyset paging, so the
/// millionth report costs what the first does). The list, the exports and the map read the same.
public struct PublicReportQuery: Sendable, Equatable {
    public var area: RegionCode?
    public var category: String?
    public var status: ComplaintStatus?
    /// Start after this report (exclusive); nil for the newest.
    public var after: PublicReportCursor?
    public var limit: Int

    public init(area: RegionCode? = nil, category: String? = nil, status: ComplaintStatus? = nil,
                after: PublicReportCursor? = nil, limit: Int) {
        self.area = area
        self.category = category
        self.status = status
        self.after = after
        self.limit = limit
    }

    /// Reads `area`, `category`, `status`, `after` and `limit` from a query string's items; empty
    /// values count as absent (a form's "all" choice).
    /// - Parameters:
    ///   - categories: the known category codes, to refuse unknown ones.
    ///   - defaultLimit: the page size without `limit`; `maxLimit` the largest allowed.
    /// - Throws: `Refusal` 400 for a malformed area, an unknown category or status, a malformed
    ///   cursor or a limit out of range.
    public static func parse(_ items: [(name: String, value: String)], categories: Set<String>, defaultLimit: Int,
                             maxLimit: Int) throws -> PublicReportQuery {
        func value(_ name: String) -> String? {
            guard let text = items.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespaces),
                  !text.isEmpty else { return nil }
            return text
        }
        var query = PublicReportQuery(limit: defaultLimit)
        if let text = value("area") {
            guard let area = RegionCode(text) else { throw Refusal.invalidArea }
            query.area = area
        }
        if let text = value("category") {
            guard categories.contains(text) else { throw Refusal.unknownCategory(text) }
            query.category = text
        }
        if let text = value("status") {
            guard let status = ComplaintStatus(rawValue: text) else { throw Refusal.unknownStatus }
            query.status = status
        }
        if let text = value("after") {
            guard let cursor = PublicReportCursor(text) else { throw Refusal.invalidCursor }
            query.after = cursor
        }
        if let text = value("limit") {
            guard let limit = Int(text), (1...maxLimit).contains(limit) else { throw Refusal.invalidLimit(maxLimit) }
            query.limit = limit
        }
        return query
    }

    /// The query string of this query's filters (no cursor, no limit), `&`-joined, percent-encoded.
    public var filterItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let area { items.append(("area", area.value)) }
        if let category { items.append(("category", category)) }
        if let status { items.append(("status", status.rawValue)) }
        return items
    }
}

/// Where a page of reports ended: the last report's creation moment and id, as text
/// (`<microseconds since 1970>.<id>`, opaque to readers).
public struct PublicReportCursor: Sendable, Equatable, CustomStringConvertible {
    public let createdAt: Date
    public let id: Int64

    public init(createdAt: Date, id: Int64) {
        // Microseconds, PostgreSQL's precision, so the next page starts exactly after this report.
        self.createdAt = Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
        self.id = id
    }

    /// The cursor after `report`.
    public init(after report: PublicReport) { self.init(createdAt: report.createdAt, id: report.id) }

    /// - Returns: nil unless the text is two integers joined by a dot.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), let id = Int64(parts[1]), id > 0,
              abs(micros) < 10_000_000_000_000_000 else { return nil }
        self.createdAt = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        self.id = id
    }

    public var description: String { "\(Int64((createdAt.timeIntervalSince1970 * 1_000_000).rounded())).\(id)" }
}

/// The public lists' refusals (400), worded for the page and the JSON alike.
extension Refusal {
    public static let unknownArea = Refusal(status: 404, code: "area_not_found", id: "Wilayah tidak ditemukan.",
                                            en: "No area has that code.")
    public static let invalidCursor = Refusal(status: 400, code: "invalid_cursor",
                                              id: "Penanda halaman tidak sah; mulai lagi dari halaman pertama.",
                                              en: "The page marker is not valid; start again from the first page.")
    public static func invalidLimit(_ max: Int) -> Refusal {
        Refusal(status: 400, code: "invalid_limit", id: "Jumlah per halaman harus 1 sampai \(max).",
                en: "The page size must be from 1 to \(max).")
    }
    public static let reportNotFound = Refusal(status: 404, code: "report_not_found", id: "Laporan publik tidak ditemukan.",
                                               en: "No public report has that id.")
}

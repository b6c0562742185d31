import Complaints
import Foundation
import HubStore

/// What `GET requests` asks for: named requests (`service_request_id`, which overrides every other
/// argument), or a filter by service_code, status and a window of requested_datetime of at most
/// 90 days (the last 90 days by default) and a bounding box (`bbox=min_lon,min_lat,max_lon,max_lat`,
/// as OGC and several Open311 servers take it), paged by the common `page`/`page_size` extension.
enum Open311RequestQuery: Sendable {
    case ids([Int64])
    case filter(Open311Filter)

    static let maxResults = 1000
    static let maxWindow: TimeInterval = 90 * 86_400

    /// - Parameters:
    ///   - serviceCodes: the known service codes, to refuse unknown ones.
    /// - Throws: `Open311Error` 400 naming every malformed argument.
    static func parse(_ items: [(name: String, value: String)], serviceCodes: Set<String>, now: Date,
                      dateTime: Open311DateTime) throws -> Open311RequestQuery {
        func value(_ name: String) -> String? {
            guard let text = items.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespaces),
                  !text.isEmpty else { return nil }
            return text
        }
        func list(_ name: String) -> [String] {
            (value(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var problems: [String] = []

        if value("service_request_id") != nil {
            let ids = list("service_request_id")
            guard ids.count <= maxResults else {
                throw Open311Error(400, "service_request_id may name at most \(maxResults) requests")
            }
            // A malformed id cannot name a request; it simply matches nothing, like an unknown one.
            return .ids(ids.compactMap { Int64($0) })
        }

        let categories = list("service_code")
        for code in categories where !serviceCodes.contains(code) {
            problems.append("service_code \(code) is not a service of this endpoint")
        }

        var statuses: [ComplaintStatus] = []
        for status in list("status") {
            switch status.lowercased() {
            case "open": statuses += Open311Status.open
            case "closed": statuses += Open311Status.closed
            default: problems.append("status must be open or closed, not \(status)")
            }
        }

        func date(_ name: String) -> Date? {
            guard let text = value(name) else { return nil }
            guard let date = dateTime.parse(text) else {
                problems.append("\(name) must be a W3C datetime with a timezone, such as 2026-11-01T00:00:00+07:00")
                return nil
            }
            return date
        }
        let start = date("start_date")
        let end = date("end_date")
        let from: Date, until: Date
        switch (start, end) {
        case let (start?, end?): (from, until) = (start, end)
        case let (start?, nil): (from, until) = (start, start.addingTimeInterval(maxWindow))
        case let (nil, end?): (from, until) = (end.addingTimeInterval(-maxWindow), end)
        case (nil, nil): (from, until) = (now.addingTimeInterval(-maxWindow), now)
        }
        if until < from {
            problems.append("end_date must not be before start_date")
        } else if until.timeIntervalSince(from) > maxWindow {
            problems.append("start_date and end_date may not span more than 90 days")
        }

        var bounds: GeoBounds?
        if let text = value("bbox") {
            bounds = GeoBounds(parsing: text)
            if bounds == nil {
                problems.append("bbox must be min_lon,min_lat,max_lon,max_lat in degrees, such as 106.7,-6.6,106.9,-6.4")
            }
        }

        func positive(_ name: String, default fallback: Int, max: Int) -> Int {
            guard let text = value(name) else { return fallback }
            guard let number = Int(text), (1...max).contains(number) else {
                problems.append("\(name) must be an integer from 1 to \(max)")
                return fallback
            }
            return number
        }
        let pageSize = positive("page_size", default: maxResults, max: maxResults)
        let page = positive("page", default: 1, max: 1_000_000)

        guard problems.isEmpty else { throw Open311Error(400, problems) }
        return .filter(Open311Filter(categories: categories, statuses: statuses, from: from, until: until,
                                     limit: pageSize, offset: (page - 1) * pageSize, bounds: bounds))
    }
}

import Complaints
import JSON

/// The statistics as open data: the JSON of `GET /api/v1/stats` and the CSV of `GET /api/v1/stats.csv`
/// (Schemas/openapi.yaml describes both).
extension StatisticsReport {
    var json: JSONValue {
        [
            "period": ["from": .string(query.from.description), "to": .string(query.to.description)],
            "filters": ["area": JSONValue(query.area?.value), "category": JSONValue(query.category)],
            "total": Self.json(total),
            "agencies": .array(agencies.map(Self.json)),
            "categories": .array(categories.map(Self.json)),
            "weeks": .array(weeks.map { ["week_start": .string($0.start.description), "received": .integer($0.received),
                                         "resolved": .integer($0.resolved)] }),
        ]
    }

    static func json(_ row: Row) -> JSONValue {
        guard case .object(var members) = json(row.figures) else { return .null }
        members["kind"] = .string(row.kind.rawValue)
        members["code"] = .string(row.code)
        members["name_id"] = .string(row.nameID)
        members["name_en"] = .string(row.nameEN)
        return .object(members)
    }

    static func json(_ figures: StatisticsFigures) -> JSONValue {
        [
            "received": .integer(figures.received), "resolved": .integer(figures.resolved),
            "median_hours_to_verify": figures.medianHoursToVerify.map(JSONValue.number) ?? .null,
            "median_hours_to_resolve": figures.medianHoursToResolve.map(JSONValue.number) ?? .null,
            "within_deadline_share": figures.withinDeadlineShare.map(JSONValue.number) ?? .null,
            "mean_rating": figures.meanRating.map(JSONValue.number) ?? .null,
            "confidential_count": .integer(figures.confidentialCount),
        ]
    }

    /// The CSV's columns, in order.
    static let csvColumns = ["kind", "code", "name_id", "name_en", "from", "to", "area", "category", "received", "resolved",
                             "median_hours_to_verify", "median_hours_to_resolve", "within_deadline_share", "mean_rating",
                             "confidential_count"]

    /// One line per agency, then per category (`kind` says which), an empty cell for null.
    var csv: [UInt8] {
        var text = CSVText(columns: Self.csvColumns)
        for row in rows {
            let figures = row.figures
            let cells: [String?] = [
                row.kind.rawValue, row.code, row.nameID, row.nameEN, query.from.description, query.to.description, query.area?.value,
                query.category, String(figures.received), String(figures.resolved), figures.medianHoursToVerify.map(Self.number),
                figures.medianHoursToResolve.map(Self.number), figures.withinDeadlineShare.map(Self.number),
                figures.meanRating.map(Self.number), String(figures.confidentialCount),
            ]
            text.line(cells.map { $0 ?? "" })
        }
        return text.bytes
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

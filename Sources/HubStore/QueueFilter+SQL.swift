import Complaints
import Foundation
import Postgres

extension QueueFilter {
    /// The conditions over `complaints` that this filter sets, and their parameters from `$1` on. Only
    /// the conditions a filter sets are written, so each shape of filter is a statement of its own
    /// whose plan (prepared, generic after a few runs) can use the open cases' indexes: a condition
    /// such as `($1 is null or module_code = $1)` hid the index from a generic plan, and a staff
    /// queue read a million rows.
    struct Conditions {
        /// What every queue asks, whatever its filter: open cases, and never the parent of a request
        /// that fans out, whose parts are the work (FanOutStore).
        static let always = [ComplaintStatus.openCondition, "request_type is null"]

        private(set) var text: [String] = always
        private(set) var parameters: [any PostgresEncodable] = []

        /// The placeholder of the next parameter.
        mutating func bind(_ value: any PostgresEncodable) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }

        mutating func add(_ condition: String) { text.append(condition) }

        var sql: String { text.joined(separator: "\n   and ") }
    }

    /// The text the search box searches: migration 031's trigram index (complaints_open_text) is on
    /// this very expression, so it must not change without the index.
    static let searchedText = "(description || ' ' || coalesce(location, ''))"

    /// The filter's conditions at `now`; `ignoringStatus` leaves out the status it asks for (the
    /// counts per status).
    func conditions(now: Date, ignoringStatus: Bool = false) -> Conditions {
        var conditions = Conditions()
        if let module { conditions.add("module_code = \(conditions.bind(module.rawValue))") }
        if !categories.isEmpty { conditions.add("category_code = any(\(conditions.bind(categories))::text[])") }
        if let status, !ignoringStatus { conditions.add("status = \(conditions.bind(status.rawValue))") }
        if let priority { conditions.add("priority = \(conditions.bind(priority.rawValue))") }
        if let area {
            conditions.add("\(area.isVillage ? "kelurahan_code" : "kecamatan_code") = \(conditions.bind(area.value))")
        }
        if let boundArea {
            let name = conditions.bind(boundArea)
            conditions.add("(lower(kelurahan) = lower(\(name)) or lower(kecamatan) = lower(\(name)))")
        }
        if overdueOnly { conditions.add("due_at < \(conditions.bind(now))::timestamptz") }
        switch inspectorate {
        case .exclude: conditions.add("not inspectorate")
        case .include: break
        case .only: conditions.add("inspectorate")
        }
        if let subUnit { conditions.add("sub_unit_code = \(conditions.bind(subUnit))") }
        if let agency { conditions.add("agency_code = \(conditions.bind(agency))") }
        if let search {
            let text = "\(Self.searchedText) ilike \(conditions.bind(search.containsPattern))"
            conditions.add(search.code.map { "(tracking_code = \(conditions.bind($0)) or \(text))" } ?? text)
        }
        switch assignee {
        case nil: break
        case .account(let id): conditions.add("assigned_to = \(conditions.bind(id))")
        case .nobody: conditions.add("assigned_to is null")
        }
        return conditions
    }
}

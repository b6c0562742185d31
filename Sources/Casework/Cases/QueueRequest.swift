import Complaints
import HubStore

/// Turns a queue request's query (`status`, `priority`, `area`, `overdue`, `category`, `agency`, `sub_unit`, `q`,
/// `assignee`, and for inspectors and admins `module` and `inspectorate`) into the filter, within what the account
/// may see; `sort`, `page` and `page_size` into the order and the page.
enum QueueRequest {
    /// A code kept in the schema that a query may name.
    enum Reference {
        case agency(String), subUnit(String)
    }

    /// - Parameter exists: whether a named agency or sub-unit exists, asked only when the query names one.
    /// - Throws: `Refusal` 400 for unknown values, 403 for asking beyond the account's reach (`QueueFilterRefusals`).
    static func filter(for account: Account, query: (String) -> String?, exists: (Reference) throws -> Bool) throws -> QueueFilter {
        let seesAll = account.role.seesEveryModule
        guard seesAll || account.module != nil else {
            throw Refusal.noModule
        }
        var filter = QueueFilter(module: seesAll ? nil : account.module, categories: seesAll ? [] : account.categories,
                                 boundArea: seesAll ? nil : account.area, inspectorate: account.role == .inspector ? .include : .exclude,
                                 subUnit: seesAll ? nil : account.subUnit)
        if let text = query("status").nonBlank {
            guard let status = ComplaintStatus(rawValue: text) else { throw Refusal.unknownStatus }
            filter.status = status
        }
        if let text = query("priority").nonBlank {
            guard let priority = Priority(rawValue: text) else { throw Refusal.invalidPriority }
            filter.priority = priority
        }
        // The area an account is bound to (a name) applies whatever is asked: a code only narrows it.
        if let text = query("area").nonBlank {
            guard let area = RegionCode(text) else { throw Refusal.invalidArea }
            filter.area = area
        }
        if let subUnit = query("sub_unit").nonBlank {
            if let own = account.subUnit, own != subUnit {
                throw Refusal.forbiddenSubUnit
            }
            guard try exists(.subUnit(subUnit)) else { throw Refusal.unknownSubUnit }
            filter.subUnit = subUnit
        }
        switch query("overdue").nonBlank {
        case nil, "false": break
        case "true": filter.overdueOnly = true
        case _?: throw Refusal.invalidOverdueFilter
        }
        if query("inspectorate") == "true" {
            guard account.role == .inspector else { throw Refusal.inspectorsOnlyQueue }
            filter.inspectorate = .only
        }
        if let text = query("module").nonBlank {
            guard let module = ModuleName(rawValue: text) else { throw Refusal.unknownModule }
            guard seesAll || module == account.module else { throw Refusal.forbiddenModule }
            filter.module = module
        }
        // An agency only narrows what the account sees anyway: one it has no cases of lists nothing.
        if let agency = query("agency").nonBlank {
            guard try exists(.agency(agency)) else { throw Refusal.unknownAgency }
            filter.agency = agency
        }
        if let category = query("category").nonBlank {
            guard filter.categories.isEmpty || filter.categories.contains(category) else { throw Refusal.forbiddenCategory }
            filter.categories = [category]
        }
        if let text = query("q").nonBlank { filter.search = try QueueSearch(text) }
        switch query("assignee").nonBlank {
        case nil: break
        case "me": filter.assignee = .account(account.id)
        case "none": filter.assignee = .nobody
        case _?: throw Refusal.invalidAssignee
        }
        return filter
    }
}

extension QueueRequest {
    /// The page of the queue `page_size` and `page` ask for (the first `defaultSize` cases, 200 for
    /// the API, when neither is given).
    /// - Throws: `Refusal.invalidPageSize`, `.invalidPage` for a value that is not a whole number in range.
    static func page(query: (String) -> String?, defaultSize: Int = QueuePage.largestSize) throws -> QueuePage {
        func number(_ name: String, default fallback: Int, refusal: Refusal) throws -> Int {
            guard let text = query(name).nonBlank else { return fallback }
            guard text.allSatisfy(\.isASCII), let value = Int(text) else { throw refusal }
            return value
        }
        return try QueuePage(size: number("page_size", default: defaultSize, refusal: .invalidPageSize),
                             number: number("page", default: 1, refusal: .invalidPage))
    }
}

extension QueueRequest {
    /// The order `sort` asks for (`QueueOrder.default` when none).
    /// - Throws: `Refusal.invalidSort` for a name that is no order.
    static func order(query: (String) -> String?) throws -> QueueOrder {
        guard let text = query("sort").nonBlank else { return .default }
        guard let order = QueueOrder(rawValue: text) else { throw Refusal.invalidSort }
        return order
    }
}

extension Optional where Wrapped == String {
    /// The text when it has something besides spaces, else nil (an empty form field means "any").
    var nonBlank: String? {
        guard let text = self?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}

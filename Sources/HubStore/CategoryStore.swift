import Complaints
import Postgres

/// Reads the categories and the routing table.
public enum CategoryStore {
    /// Every category in display order, with its owning module and subcategories.
    /// - Throws: `PostgresError`.
    public static func all(_ connection: PostgresConnection) throws -> [Category] {
        let subRows = try connection.query("""
            select category_code, code, name_id, name_en from subcategories order by category_code, position, code
            """)
        var subcategories: [String: [Subcategory]] = [:]
        for row in subRows {
            subcategories[try row.decode("category_code"), default: []].append(
                Subcategory(code: try row.decode("code"), nameID: try row.decode("name_id"), nameEN: try row.decode("name_en")))
        }
        return try connection.query("""
            select c.code, c.name_id, c.name_en, c.keyword, r.module_code, r.agency_code
              from categories c join category_routes r on r.category_code = c.code
             order by c.position
            """).map { row in
            let code: String = try row.decode("code")
            let moduleCode: String = try row.decode("module_code")
            guard let module = ModuleName(rawValue: moduleCode) else {
                throw PostgresError.decoding(column: "module_code", expected: "ModuleName", value: moduleCode)
            }
            return Category(code: code, nameID: try row.decode("name_id"), nameEN: try row.decode("name_en"),
                            keyword: try row.decode("keyword"), module: module, agency: try row.decode("agency_code"),
                            subcategories: subcategories[code] ?? [])
        }
    }

    /// The routed categories and their subcategories: what a submission is checked against
    /// (`ValidSubmission`).
    public static func knownCategories(_ connection: PostgresConnection) throws -> [String: Set<String>] {
        try knownCategories(from: connection.query(SQL.knownCategories))
    }

    /// The known categories in rows of `SQL.knownCategories` or `SQL.knownCategory`.
    static func knownCategories(from rows: PostgresRows) throws -> [String: Set<String>] {
        var known: [String: Set<String>] = [:]
        for row in rows {
            let code: String = try row.decode("code")
            known[code, default: []].formUnion([row["sub"]].compactMap { $0 })
        }
        return known
    }

    /// Where a category's cases go, or nil for a category the routing table does not know.
    /// - Throws: `PostgresError`.
    public static func route(of category: String, on connection: PostgresConnection) throws -> CategoryRoute? {
        try route(from: connection.query(SQL.route, [category]), category: category)
    }

    /// The route in the rows of `SQL.route`.
    static func route(from rows: PostgresRows, category: String) throws -> CategoryRoute? {
        guard let row = rows.first else { return nil }
        let moduleCode: String = try row.decode("module_code")
        guard let module = ModuleName(rawValue: moduleCode) else {
            throw PostgresError.decoding(column: "module_code", expected: "ModuleName", value: moduleCode)
        }
        return CategoryRoute(category: category, module: module, agency: try row.decode("agency_code"))
    }

    /// Whether an agency has this code.
    public static func agencyExists(_ code: String, on connection: PostgresConnection) throws -> Bool {
        try !connection.query("select 1 from agencies where code = $1", [code]).isEmpty
    }

    /// The working calendar with the holidays kept in the schema.
    public static func calendar(_ connection: PostgresConnection) throws -> WorkingCalendar {
        let days = try connection.query("select day::text as day from holidays").map { try $0.decode("day", as: String.self) }
        return WorkingCalendar(holidayDates: days)
    }

    enum SQL {
        static let knownCategories = """
            select c.code, s.code as sub from categories c
              join category_routes r on r.category_code = c.code
              left join subcategories s on s.category_code = c.code
            """
        /// `knownCategories` for one category ($1).
        static let knownCategory = knownCategories + " where c.code = $1"
        static let route = "select module_code, agency_code from category_routes where category_code = $1"
    }
}

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

    /// The subcategories marked as hazards in the rows of `SQL.knownCategory`.
    static func hazardSubcategories(from rows: PostgresRows) throws -> Set<String> {
        Set(try rows.filter { try $0.decode("hazard", as: Bool.self) }.compactMap { $0["sub"] })
    }

    /// Where a submission of this category goes, or nil for a category the routing table does not
    /// know: the route by place where the category has one (`category_area_routes`, chosen by
    /// `CategoryRoute.choose`), else the category's default; a misconduct subcategory
    /// (`subcategories.misconduct`) goes to the inspectorate's agency instead, whatever the place.
    /// - Parameters:
    ///   - subcategory: the submission's subcategory, nil for none (a move to another category).
    ///   - placed: the kecamatan the complaint lies in; kecamatan: the one the reporter typed.
    /// - Throws: `PostgresError`.
    public static func route(of category: String, subcategory: String? = nil, placed: RegionCode? = nil, kecamatan: String? = nil,
                             on connection: PostgresConnection) throws -> CategoryRoute? {
        let rows = try connection.query(SQL.route, [category, subcategory, placed?.value])
        let place = try placed.flatMap { code in try rows.first?.decode("placed_name", as: String?.self).map { NamedRegion(code: code, name: $0) } }
        return try route(from: rows, category: category, placed: place, typed: kecamatan)
    }

    /// The route in the rows of `SQL.route` for a complaint placed in `placed` or typed as `typed`.
    static func route(from rows: PostgresRows, category: String, placed: NamedRegion?, typed: String?) throws -> CategoryRoute? {
        guard let first = rows.first else { return nil }
        if let inspectorate = first["inspectorate_agency"] { return .inspectorate(category: category, agency: inspectorate) }
        func route(_ row: PostgresRow) throws -> CategoryRoute {
            let moduleCode: String = try row.decode("module_code")
            guard let module = ModuleName(rawValue: moduleCode) else {
                throw PostgresError.decoding(column: "module_code", expected: "ModuleName", value: moduleCode)
            }
            return CategoryRoute(category: category, module: module, agency: try row.decode("agency_code"))
        }
        let byArea = try rows.dropFirst().map { row in AreaRoute(kecamatan: try row.decode("kecamatan"), route: try route(row)) }
        return CategoryRoute.choose(default: try route(first), byArea: byArea, placed: placed, typed: typed)
    }

    /// The agency with this code, with the module and the categories its routes send it; nil for no such agency.
    public static func agency(_ code: String, on connection: PostgresConnection) throws -> Agency? {
        try connection.query(SQL.agency, [code]).first.map(agency(row:))
    }

    /// Every agency that receives cases (a route names it), by name: where a case may be forwarded.
    public static func receivingAgencies(_ connection: PostgresConnection) throws -> [Agency] {
        try connection.query(SQL.receivingAgencies).map(agency(row:))
    }

    private static func agency(row: PostgresRow) throws -> Agency {
        let categories = (row["categories"] ?? "").split(separator: ",").map(String.init)
        return Agency(code: try row.decode("code"), nameID: try row.decode("name_id"), nameEN: try row.decode("name_en"),
                      module: row["module_code"].flatMap(ModuleName.init(rawValue:)), categories: categories)
    }

    enum SQL {
        /// $1 the category, $2 the subcategory (or null), $3 the code of the kecamatan a case lies in (or
        /// null): the default route first (with the inspectorate's agency for a misconduct subcategory,
        /// and that kecamatan's name), then the routes by place as written.
        static let route = """
            select r.module_code, r.agency_code, null::text as kecamatan, i.code as inspectorate_agency,
                   (select g.name from regions g where g.code = $3::text) as placed_name, 0 as rank
              from category_routes r
              left join subcategories s on s.category_code = r.category_code and s.code = $2::text and s.misconduct
              left join agencies i on s.code is not null and i.inspectorate
             where r.category_code = $1
            union all
            select a.module_code, a.agency_code, a.kecamatan, null, null, 1
              from category_area_routes a
             where a.category_code = $1
             order by rank, kecamatan
            """
        /// The module of an agency: of its default routes first, else of its routes by area.
        static let agencyModule = """
            coalesce((select r.module_code from category_routes r where r.agency_code = a.code order by r.category_code limit 1),
                     (select r.module_code from category_area_routes r where r.agency_code = a.code
                       order by r.category_code, r.kecamatan limit 1)) as module_code
            """
        /// The categories an agency's routes send it, each once, in the order `agencyModule` reads them
        /// (its default routes' first).
        static let agencyCategories = """
            (select string_agg(category_code, ',' order by by_area, category_code)
               from (select category_code, min(by_area) as by_area
                       from (select category_code, 0 as by_area from category_routes r where r.agency_code = a.code
                             union all
                             select category_code, 1 from category_area_routes r where r.agency_code = a.code) routes
                      group by category_code) firsts) as categories
            """
        static let agency = "select a.code, a.name_id, a.name_en, \(agencyModule), \(agencyCategories) from agencies a where a.code = $1"
        static let receivingAgencies = """
            select * from (select a.code, a.name_id, a.name_en, \(agencyModule), \(agencyCategories) from agencies a) agencies
             where module_code is not null order by name_id
            """
        static let knownCategories = """
            select c.code, s.code as sub, coalesce(s.hazard, false) as hazard from categories c
              join category_routes r on r.category_code = c.code
              left join subcategories s on s.category_code = c.code
            """
        /// `knownCategories` for one category ($1).
        static let knownCategory = knownCategories + " where c.code = $1"
    }

    /// Whether an agency has this code.
    public static func agencyExists(_ code: String, on connection: PostgresConnection) throws -> Bool {
        try !connection.query("select 1 from agencies where code = $1", [code]).isEmpty
    }

}

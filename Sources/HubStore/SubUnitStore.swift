import Complaints
import Postgres

extension SubUnit {
    init(row: PostgresRow) throws {
        self.init(code: try row.decode("code"), agency: try row.decode("agency_code"),
                  module: (row["module_code"]).flatMap(ModuleName.init(rawValue:)), nameID: try row.decode("name_id"),
                  nameEN: try row.decode("name_en"))
    }

    static let select = """
        select s.code, s.agency_code, s.name_id, s.name_en,
               (select r.module_code from category_routes r where r.agency_code = s.agency_code
                 order by r.module_code limit 1) as module_code
          from sub_units s
        """
}

/// Reads and adds the sub-units kept in the schema.
public enum SubUnitStore {
    /// Why a sub-unit could not be added.
    public enum SubUnitError: Error, CustomStringConvertible {
        case codeTaken(String)
        case invalid(String)

        public var description: String {
            switch self {
            case .codeTaken(let code): return "sub-unit \(code) already exists"
            case .invalid(let why): return why
            }
        }
    }

    /// An active sub-unit by code, or nil.
    public static func find(_ code: String, on connection: PostgresConnection) throws -> SubUnit? {
        try connection.query("\(SubUnit.select) where s.code = $1 and s.active", [code]).first.map(SubUnit.init)
    }

    /// The active sub-units of one agency, or of every agency, by name.
    public static func all(agency: String? = nil, on connection: PostgresConnection) throws -> [SubUnit] {
        try connection.query("""
            \(SubUnit.select) where s.active and ($1::text is null or s.agency_code = $1) order by s.agency_code, s.name_id
            """, [agency]).map(SubUnit.init)
    }

    /// Adds a sub-unit to an agency.
    /// - Throws: `SubUnitError.codeTaken`, `.invalid` (malformed code, blank name, unknown agency).
    @discardableResult
    public static func add(code: String, agency: String, nameID: String, nameEN: String,
                           on connection: PostgresConnection) throws -> SubUnit {
        do {
            try connection.query("""
                insert into sub_units (code, agency_code, name_id, name_en) values ($1, $2, $3, $4)
                """, [code, agency, nameID, nameEN])
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw SubUnitError.codeTaken(code)
        } catch let error as PostgresError where error.kind == .foreignKeyViolation {
            throw SubUnitError.invalid("unknown agency \(agency)")
        } catch let error as PostgresError where error.kind == .checkViolation {
            throw SubUnitError.invalid(error.constraintName == "sub_units_code_check"
                ? "code must be lower-case letters and digits in parts joined by -, at most 64"
                : "names must have 1 to 200 characters")
        }
        guard let added = try find(code, on: connection) else { throw SubUnitError.invalid("sub-unit \(code) vanished") }
        return added
    }
}

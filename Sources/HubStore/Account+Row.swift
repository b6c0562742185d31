import Complaints
import Foundation
import Postgres

extension Account {
    static let columns = "id, login, role, module_code, array_to_json(categories)::text as categories_json, area, sub_unit_code, active, region_code"

    init(row: PostgresRow) throws {
        let roleCode: String = try row.decode("role")
        guard let role = Role(rawValue: roleCode) else {
            throw PostgresError.decoding(column: "role", expected: "Role", value: roleCode)
        }
        self.init(id: try row.decode("id"), login: try row.decode("login"), role: role,
                  module: (row["module_code"]).flatMap(ModuleName.init(rawValue:)),
                  categories: try row.decode("categories_json", as: String.self).jsonStringArray, area: try row.decode("area"),
                  subUnit: try row.decode("sub_unit_code"), active: try row.decode("active"),
                  region: try row.decode("region_code"))
    }
}

import Complaints
import Foundation
import HubStore
import Postgres

extension DemoDataWriter {
    /// The routed categories and the calendar from the schema's seed data, and the demo staff
    /// accounts (one per module and a validator), made on first use and disabled: cases are
    /// claimed by them, and nobody can sign in as them.
    static func reference(on connection: PostgresConnection) throws -> DemoReference {
        let routes = try connection.query("""
            select r.category_code, r.module_code, r.agency_code,
                   coalesce(array_to_string(array(select s.code from subcategories s where s.category_code = r.category_code
                                                   order by s.position), ','), '') as subcategories
              from category_routes r join categories c on c.code = r.category_code order by c.position
            """).map { row in
            DemoReference.Route(category: try row.decode("category_code"), module: try row.decode("module_code"),
                                agency: try row.decode("agency_code"),
                                subcategories: (try row.decode("subcategories", as: String.self)).split(separator: ",").map(String.init))
        }
        var staff: [String: Int64] = [:]
        for module in Set(routes.map(\.module)).sorted() {
            staff[module] = try demoAccount("demo.\(module)", role: .staff, module: module, on: connection)
        }
        let validator = try demoAccount("demo.validator", role: .validator, module: routes.first?.module ?? "intake", on: connection)
        return DemoReference(routes: routes, calendar: try CategoryStore.calendar(connection), staff: staff, validator: validator)
    }

    private static func demoAccount(_ login: String, role: Role, module: String, on connection: PostgresConnection) throws -> Int64 {
        if let row = try connection.query("select id from staff_accounts where lower(login) = $1", [login]).first {
            return try row.decode("id")
        }
        var random = SystemRandomNumberGenerator()
        let password = (0..<4).map { _ in String(random.next(), radix: 36) }.joined(separator: "-")
        let account = try AccountStore.create(login: login, password: password, role: role, module: ModuleName(rawValue: module),
                                              on: connection)
        try connection.query("update staff_accounts set active = false where id = $1", [account.id])
        return account.id
    }
}

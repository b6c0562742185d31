import Complaints
import HTTP
import HubStore
import ServiceKit

/// The reference data JSON API under `/api/v1/staff/admin/{kind}` (`ReferenceKind`): admins list,
/// create and change categories, subcategories, routes, agencies, sub-units, channels, holidays and
/// deadlines. Each change is checked, stored and audited in one transaction; a refused one stores nothing.
extension CaseDesk {
    func installReferenceRoutes(on group: inout RouterGroup) {
        let pool = self.pool
        let desk = self
        group.get("/admin/{kind}") { request, context in
            _ = try Self.admin(context)
            let kind = try ReferenceRequest.kind(request)
            let records = try pool.withConnection { try ReferenceDataStore.list(kind, on: $0) }
            return .json(["kind": .string(kind.rawValue), "items": .array(records.map(ReferenceRequest.json))])
        }
        group.post("/admin/{kind}") { request, context in
            let admin = try Self.admin(context)
            let kind = try ReferenceRequest.kind(request)
            let record = try desk.createReference(kind, ReferenceRequest.values(json: try request.jsonBody()),
                                                  by: Acting(admin.actor, through: request))
            return .json(ReferenceRequest.json(record), status: 201)
        }
        group.add("PATCH", "/admin/{kind}/{id}") { request, context in
            let admin = try Self.admin(context)
            let kind = try ReferenceRequest.kind(request)
            let record = try desk.changeReference(kind, request.pathParameter("id", as: String.self) ?? "",
                                                  ReferenceRequest.values(json: try request.jsonBody()),
                                                  by: Acting(admin.actor, through: request))
            return .json(ReferenceRequest.json(record))
        }
    }

    /// The signed-in account when it is an admin's.
    /// - Throws: `Refusal.adminsOnly` (403) for any other role.
    static func admin(_ context: RequestContext) throws -> Account {
        let account = try context.staffAccount()
        guard account.role == .admin else { throw Refusal.adminsOnly }
        return account
    }

    /// Creating a record, the one use case behind the API and the admin pages.
    /// - Throws: `Refusal` as `ReferenceInput` and `ReferenceDataStore.create`.
    func createReference(_ kind: ReferenceKind, _ sent: [String: ReferenceValue], by acting: Acting<Actor>) throws -> ReferenceRecord {
        let input = try ReferenceInput(kind, sent: sent, creating: true)
        return try pool.transaction { try ReferenceDataStore.create(input, by: acting, on: $0) }
    }

    /// Changing a record, the one use case behind the API and the admin pages.
    /// - Throws: `Refusal` as `ReferenceInput` and `ReferenceDataStore.change`.
    func changeReference(_ kind: ReferenceKind, _ id: String, _ sent: [String: ReferenceValue],
                         by acting: Acting<Actor>) throws -> ReferenceRecord {
        let input = try ReferenceInput(kind, sent: sent, creating: false)
        return try pool.transaction { try ReferenceDataStore.change(id, input, by: acting, on: $0) }
    }
}

import Casework
import Complaints
import HTTP
import HubStore

/// The district admin's JSON under `/api/v1/staff` (signed-in group): who holds each position of
/// their kecamatan, new accounts for it and its desa/kelurahan, the leave recorded and its cancelling.
struct DistrictRoutes: Sendable {
    let desk: LetterDesk

    func install(on staff: inout RouterGroup) {
        let routes = self
        staff.get("/district/positions") { _, context in try routes.positions(account: try context.staffAccount()) }
        staff.post("/district/accounts") { request, context in try routes.createOfficial(request, account: try context.staffAccount()) }
        staff.get("/leave") { _, context in try routes.leaves(account: try context.staffAccount()) }
        staff.post("/leave/{id}/cancel") { request, context in try routes.cancelLeave(request, account: try context.staffAccount()) }
    }

    /// `GET /api/v1/staff/district/positions`: every letter account of the kecamatan and its villages.
    func positions(account: Account) throws -> HTTPResponse {
        let found = try desk.positions(for: account)
        return .json(["district": .string(found.district.value), "positions": .array(found.holders.map { holder in
            var members = Self.official(holder.official, login: holder.login)
            members["active"] = .bool(holder.active)
            members["on_leave_until"] = JSONValue(holder.onLeaveUntil.map(Self.date))
            return .object(members)
        })])
    }

    /// `POST /api/v1/staff/district/accounts`: a new official of the kecamatan or one of its villages.
    func createOfficial(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        guard account.role == .districtAdmin else { throw Refusal.districtAdminOnly }
        let new = try LetterRequest.newOfficial(try request.jsonBody())
        let official = try desk.createOfficial(new, by: account, address: Acting(account.actor, through: request).address)
        return .json(.object(Self.official(official, login: new.login.trimmingCharacters(in: .whitespaces)).merging(["active": true]) { $1 }),
                     status: 201)
    }

    /// `GET /api/v1/staff/leave`: the kecamatan's leaves that end today or later, cancelled ones too.
    func leaves(account: Account) throws -> HTTPResponse {
        .json(["leaves": .array(try desk.leaves(for: account).leaves.map(Self.leave))])
    }

    /// `POST /api/v1/staff/leave/{id}/cancel`.
    func cancelLeave(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        guard account.role == .districtAdmin else { throw Refusal.districtAdminOnly }
        guard let id = request.pathParameter("id", as: Int64.self) else { throw Refusal.leaveNotFound }
        return .json(Self.leave(try desk.cancelLeave(id, by: account, address: Acting(account.actor, through: request).address)))
    }

    static func official(_ official: Official, login: String) -> [String: JSONValue] {
        ["login": .string(login), "role": .string(official.position.rawValue), "region": .string(official.region.value),
         "name": .string(official.name), "nip": JSONValue(official.nip)]
    }

    static func leave(_ leave: RecordedLeave) -> JSONValue {
        ["id": .integer(Int(leave.id)), "login": .string(leave.login), "role": .string(leave.official.position.rawValue),
         "region": .string(leave.official.region.value), "from": .string(date(leave.leave.fromDay)), "to": .string(date(leave.leave.toDay)),
         "stand_in": .string(leave.standInLogin), "cancelled": .bool(leave.cancelled)]
    }

    /// A local day written YYYY-MM-DD.
    static func date(_ day: Int) -> String { WorkingCalendar.isoDate(day) }
}

import Casework
import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

/// The testing station's appointment slots and the bookings of KIR cases into them:
/// `GET/POST /api/v1/staff/kir/slots`, `POST /api/v1/staff/kir/bookings`. A slot never takes more
/// bookings than its capacity, also when two staff book at once (the slot row is locked).
struct KirAppointmentRoutes: Sendable {
    let pool: PostgresPool

    /// Kir's own accounts, inspectors and admins may read the slots; each change names who may make it.
    func router() -> Router {
        var router = Router()
        let routes = self
        router.group("/api/v1/staff/kir", errors: .json) { kir in
            kir.add(middleware: StaffSessionMiddleware(.stored(in: pool), .api(module: .kir)))
            kir.get("/slots") { _, _ in try routes.listSlots() }
            kir.post("/slots") { request, context in
                try routes.createSlot(request, by: try context.staffAccount(roles: [.supervisor, .admin]))
            }
            kir.post("/bookings") { request, context in
                try routes.book(request, by: try context.staffAccount(roles: [.staff, .supervisor, .admin]))
            }
        }
        return router
    }

    func listSlots() throws -> HTTPResponse {
        let slots = try pool.withConnection { try KirSlotStore.recent(on: $0) }.map { slot -> JSONValue in
            ["id": slot.id.json, "starts_at": .string(slot.startsAt.iso8601), "capacity": .integer(slot.capacity),
             "booked": .integer(slot.booked), "free": .integer(slot.free)]
        }
        return .json(["slots": .array(slots)])
    }

    func createSlot(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let body = try request.jsonBody().members
        guard let text = body["starts_at"]?.stringValue, let startsAt = Date(iso8601: text) else {
            throw Refusal.invalidStartsAt
        }
        guard let capacity = body["capacity"]?.wholeNumber, (1...500).contains(capacity) else {
            throw Refusal.invalidCapacity
        }
        do {
            let id = try pool.transaction { connection -> Int64 in
                let id = try KirSlotStore.create(startsAt: startsAt, capacity: capacity, on: connection)
                try AuditLog.record("create_kir_slot", by: Acting(account.actor, through: request),
                                    after: ["slot_id": id, "starts_at": text, "capacity": capacity], on: connection)
                return id
            }
            let slot: JSONValue = ["id": id.json, "starts_at": .string(startsAt.iso8601), "capacity": .integer(capacity),
                                   "booked": 0, "free": .integer(capacity)]
            return .json(slot, status: 201)
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw Refusal.slotExists(startingAt: text)
        }
    }

    /// Books a case into a slot (moving an earlier booking), with a public note of the appointment
    /// on the case's timeline, in one transaction.
    func book(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let body = try request.jsonBody().members
        guard let text = body["tracking_code"]?.stringValue, let code = TrackingCode(parsing: text) else {
            throw Refusal.bookingCodeRequired
        }
        guard let slotID = body["slot_id"]?.wholeNumber else { throw Refusal.slotIDRequired }
        return try pool.transaction { connection in
            // The same visibility as every other case route (sub-unit, area, categories, the inspectorate's cases).
            guard let stored = try StaffAccess.visibleCase(code.value, for: account, forUpdate: true, on: connection),
                  stored.module == .kir else {
                throw Refusal.kirCaseNotFound(code.value)
            }
            let startsAt: Date
            do {
                startsAt = try KirSlotStore.book(complaint: stored.id, into: Int64(slotID), on: connection)
            } catch KirSlotStore.BookingError.noSuchSlot {
                throw Refusal.slotNotFound(slotID)
            } catch KirSlotStore.BookingError.full {
                throw Refusal.slotFull(slotID)
            }
            let note = "Jadwal uji KIR: \(WIBText.format(startsAt)) / KIR test appointment"
            try CaseStore.perform(.addNote(text: note, isPublic: true), on: stored, by: Acting(account.actor, through: request),
                                  calendar: try CategoryStore.calendar(connection), connection: connection)
            return .json(["tracking_code": .string(code.value), "slot_id": .integer(slotID), "starts_at": .string(startsAt.iso8601)])
        }
    }
}

/// A moment as people at the station read it, in Western Indonesian Time.
enum WIBText {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH.mm 'WIB'"
        return formatter.string(from: date)
    }
}

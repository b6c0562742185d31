import Foundation
import Postgres

/// The KIR testing station's appointment slots (`kir_slots`) and the bookings of cases into them
/// (`kir_bookings`; a case books at most one slot).
public enum KirSlotStore {
    /// A slot and how full it is.
    public struct Slot: Sendable, Equatable {
        public let id: Int64
        public let startsAt: Date
        public let capacity: Int
        public let booked: Int

        public var free: Int { max(0, capacity - booked) }
    }

    /// Why a booking was not made.
    public enum BookingError: Error, Sendable, Equatable {
        case noSuchSlot
        case full
    }

    /// Slots from yesterday on, in order of their start (at most 500).
    public static func recent(on connection: PostgresConnection) throws -> [Slot] {
        try connection.query(SQL.recent).map { row in
            Slot(id: try row.decode("id"), startsAt: try row.decode("starts_at"), capacity: try row.decode("capacity"),
                 booked: try row.decode("booked"))
        }
    }

    /// Adds a slot and returns its id.
    /// - Throws: `PostgresError` of kind `.uniqueViolation` when a slot already starts then.
    public static func create(startsAt: Date, capacity: Int, on connection: PostgresConnection) throws -> Int64 {
        try connection.query(SQL.create, [startsAt, capacity])[0].decode("id", as: Int64.self)
    }

    /// Books the case into the slot (moving an earlier booking of the case). The slot's row is locked
    /// first, so a slot never takes more bookings than its capacity, also when two staff book at once.
    /// Call inside a transaction.
    /// - Returns: when the slot starts.
    /// - Throws: `BookingError` (nothing booked), `PostgresError`.
    public static func book(complaint: Int64, into slot: Int64, on connection: PostgresConnection) throws -> Date {
        guard let row = try connection.query(SQL.lockSlot, [slot]).first else { throw BookingError.noSuchSlot }
        let booked = try connection.query(SQL.bookedByOthers, [slot, complaint])[0].decode("n", as: Int.self)
        guard booked < (try row.decode("capacity", as: Int.self)) else { throw BookingError.full }
        try connection.query(SQL.book, [complaint, slot])
        return try row.decode("starts_at", as: Date.self)
    }

    enum SQL {
        static let recent = """
            select s.id, s.starts_at, s.capacity, count(b.complaint_id)::int as booked
              from kir_slots s left join kir_bookings b on b.slot_id = s.id
             where s.starts_at > now() - interval '1 day'
             group by s.id order by s.starts_at limit 500
            """
        static let create = "insert into kir_slots (starts_at, capacity) values ($1, $2) returning id"
        static let lockSlot = "select starts_at, capacity from kir_slots where id = $1 for update"
        static let bookedByOthers = "select count(*)::int as n from kir_bookings where slot_id = $1 and complaint_id <> $2"
        static let book = """
            insert into kir_bookings (complaint_id, slot_id) values ($1, $2)
            on conflict (complaint_id) do update set slot_id = excluded.slot_id, booked_at = now()
            """
    }
}

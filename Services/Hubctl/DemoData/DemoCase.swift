import Complaints
import Foundation

/// What `hubctl demo-data` needs from the schema: the routed categories with their subcategories,
/// the working calendar, and the demo staff accounts that claim and validate cases.
struct DemoReference: Sendable {
    struct Route: Sendable {
        let category: String
        let module: String
        let agency: String
        let subcategories: [String]
    }

    let routes: [Route]
    let calendar: WorkingCalendar
    /// The demo staff account of each module, by module code.
    let staff: [String: Int64]
    let validator: Int64
}

/// One generated complaint with everything stored beside it.
struct DemoCase: Equatable, Sendable {
    /// Its place in the run (0-based); the stored id is the run's first id plus this.
    let index: Int
    let trackingCode: String
    let category: String
    let subcategory: String?
    let module: String
    let agency: String
    let channel: Channel
    var status: ComplaintStatus
    var priority: String = "normal"
    let description: String
    let location: String
    let kelurahan: Kelurahan
    let lat: Double
    let lon: Double
    let anonymous: Bool
    let confidential: Bool
    var escalationLevel = 0
    var overdueStep = 0
    var assignedTo: Int64?
    var dueAt: Date?
    let createdAt: Date
    var updatedAt: Date
    var resolvedAt: Date?
    var closedAt: Date?
    /// The index of the earlier complaint of this run it duplicates.
    var duplicateOf: Int?
    let poleID: String?
    var citizenRating: Int?
    let reporter: DemoReporter?
    let hasPhoto: Bool
    var events: [DemoEvent]
}

/// The reporter of a complaint that is not anonymous.
struct DemoReporter: Equatable, Sendable {
    let name: String
    let email: String?
    let phone: String?
}

/// One timeline event, as `complaint_events` holds it.
struct DemoEvent: Equatable, Sendable {
    let kind: EventKind
    let at: Date
    let actorRole: ActorRole
    var actorID: Int64?
    let isPublic: Bool
    var note: String?
    let from: ComplaintStatus?
    let to: ComplaintStatus?
    /// The event's `details` as JSON text.
    var details: String = "{}"
}

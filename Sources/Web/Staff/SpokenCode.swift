import Complaints

/// Tracking codes as staff read them out to a citizen on the phone: grouped as on the citizen's
/// tracking page. Links and data attributes keep the plain code.
enum SpokenCode {
    static func grouped(_ code: String) -> String { TrackingCode(parsing: code)?.grouped ?? code }
}

import Complaints
import HTTP

/// A `{code}` segment is read as a citizen would type the code (any case, dashes, I/L/O slips).
extension TrackingCode: PathParameterValue {
    public init?(pathParameter text: String) { self.init(parsing: text) }
}

/// A complaint waits for its module: submitted at intake, or moved to another category (then
/// `movedFrom` names the module it left). The module's consumer takes it into its work queue.
///
/// Wire format (version 1): `{"type": "complaint.received", "version": 1, "complaint_id": 7,
/// "tracking_code": "…", "moved_from": "public-works"}`, `moved_from` only after a move.
public struct ComplaintReceived: HubMessage {
    public static let type = "complaint.received"
    public static let version = 1

    public let complaintID: Int64
    public let trackingCode: String
    public let movedFrom: ModuleName?

    public init(complaintID: Int64, trackingCode: String, movedFrom: ModuleName? = nil) {
        self.complaintID = complaintID
        self.trackingCode = trackingCode
        self.movedFrom = movedFrom
    }

    enum CodingKeys: String, CodingKey {
        case complaintID = "complaint_id", trackingCode = "tracking_code", movedFrom = "moved_from"
    }
}

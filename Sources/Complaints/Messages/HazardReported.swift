/// A new report of a hazard (its subcategory is marked `hazard`: flooding, a fallen tree, a dark
/// street light, a disaster) for the command centre, as Pena Berkarib links Jakarta's reports to 112.
/// Sent at intake with the case's first step; a report that joins an open case as its duplicate
/// sends none, since the command centre already has that case.
///
/// Wire format (version 1): `{"type": "hazard.reported", "version": 1, "complaint_id": 7}`.
public struct HazardReported: HubMessage {
    public static let type = "hazard.reported"
    public static let version = 1

    public let complaintID: Int64

    public init(complaintID: Int64) {
        self.complaintID = complaintID
    }

    enum CodingKeys: String, CodingKey {
        case complaintID = "complaint_id"
    }
}

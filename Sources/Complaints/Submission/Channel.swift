/// The way a complaint arrived: the codes of the schema's `channels` table. A case's channel is one
/// of these; a code the hub does not know is a decoding error, never a silent default.
public enum Channel: String, Sendable, CaseIterable, Codable {
    /// The citizen's HTML form (`POST /complaints`).
    case web
    /// The JSON API (`POST /api/v1/complaints`).
    case api
    /// Open311 GeoReport v2.
    case open311
    /// The walk-in desk, entered by staff.
    case desk
    /// The SMS/WhatsApp gateway's inbound webhook.
    case sms
}

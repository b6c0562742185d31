/// Indonesia's three time zones, in which a region counts its working days: an agency's deadlines end
/// at its region's local time (table `agencies`, column `time_zone`, edited by admins).
public enum TimeZoneCode: String, Sendable, CaseIterable, Codable {
    /// Waktu Indonesia Barat, UTC+7 (Sumatra, Java, West and Central Kalimantan).
    case wib = "WIB"
    /// Waktu Indonesia Tengah, UTC+8 (Bali, Nusa Tenggara, Sulawesi, East, South and North Kalimantan).
    case wita = "WITA"
    /// Waktu Indonesia Timur, UTC+9 (Maluku, Papua).
    case wit = "WIT"

    /// The zone's offset from UTC in seconds.
    public var utcOffset: Int {
        switch self {
        case .wib: return 7 * 3600
        case .wita: return 8 * 3600
        case .wit: return 9 * 3600
        }
    }
}

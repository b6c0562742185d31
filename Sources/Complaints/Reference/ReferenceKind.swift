/// The kinds of reference data admins manage under `/api/v1/staff/admin/{kind}` and on the admin
/// pages: what each record holds (its fields), and how its id is made. The rows themselves are the
/// store's (`ReferenceDataStore`); the checks of what is sent are here.
public enum ReferenceKind: String, Sendable, CaseIterable {
    case categories
    case subcategories
    case routes
    case agencies
    case subUnits = "sub-units"
    case channels
    case holidays
    case deadlines
    case letterTypes = "letter-types"
    /// Requests that fan out to several agencies (Si Dukun 3-in-1), and each agency's part of one.
    case requestTypes = "request-types"
    case requestParts = "request-parts"

    /// The fields of a record, in the order the pages show them.
    public var fields: [ReferenceField] {
        switch self {
        case .categories:
            return [ReferenceField("code", .code, editable: false), Self.nameID, Self.nameEN,
                    ReferenceField("keyword", .keyword), Self.position]
        case .subcategories:
            return [ReferenceField("category", .reference(.categories), editable: false), ReferenceField("code", .code, editable: false),
                    Self.nameID, Self.nameEN, Self.position,
                    ReferenceField("misconduct", .boolean, required: false, default: .boolean(false)),
                    ReferenceField("hazard", .boolean, required: false, default: .boolean(false)),
                    ReferenceField("request_type", .reference(.requestTypes), required: false)]
        case .routes:
            return [ReferenceField("category", .reference(.categories), editable: false),
                    ReferenceField("kecamatan", .text(maxLength: 120), required: false, editable: false),
                    ReferenceField("module", .choice(ModuleName.allCases.map(\.rawValue))),
                    ReferenceField("agency", .reference(.agencies))]
        case .agencies:
            return [ReferenceField("code", .code, editable: false), Self.nameID, Self.nameEN,
                    ReferenceField("time_zone", .choice(TimeZoneCode.allCases.map(\.rawValue)), required: false, default: .text("WIB"))]
        case .subUnits:
            return [ReferenceField("code", .code, editable: false), ReferenceField("agency", .reference(.agencies), editable: false),
                    Self.nameID, Self.nameEN, Self.active]
        case .channels:
            return [ReferenceField("code", .code, editable: false), ReferenceField("name_id", .text(maxLength: 120)),
                    ReferenceField("name_en", .text(maxLength: 120)), Self.position, Self.active]
        case .holidays:
            return [ReferenceField("day", .date), Self.nameID, Self.nameEN,
                    ReferenceField("kind", .choice(HolidayKind.allCases.map(\.rawValue)), required: false, default: .text("national")),
                    Self.active]
        case .deadlines:
            return [ReferenceField("kind", .choice(ServiceLevels.Kind.allCases.map(\.rawValue)), editable: false),
                    ReferenceField("working_days", .integer(1...ServiceLevels.maximumDays))]
        case .letterTypes:
            // The deadline is the letters' service level, one per type; a letter keeps the one it was entered with.
            return [ReferenceField("code", .code, editable: false), Self.nameID, Self.nameEN,
                    ReferenceField("classification", .classification), ReferenceField("fields", .letterFields),
                    ReferenceField("body_template", .paragraphs(maxLength: 8000)), ReferenceField("reaches_district", .boolean),
                    ReferenceField("deadline_days", .integer(1...LetterType.maximumDeadlineDays)), Self.active]
        case .requestTypes:
            return [ReferenceField("code", .code, editable: false), Self.nameID, Self.nameEN]
        case .requestParts:
            // One part per agency; the part's case takes the category's route (its module and deadlines).
            return [ReferenceField("type", .reference(.requestTypes), editable: false),
                    ReferenceField("agency", .reference(.agencies), editable: false),
                    ReferenceField("category", .reference(.categories)), Self.position, Self.nameID, Self.nameEN]
        }
    }

    /// The fields whose values, joined by ":", make a record's id (a route without a kecamatan is
    /// its category's default route, and its id is the category alone).
    public var idFields: [String] {
        switch self {
        case .subcategories: return ["category", "code"]
        case .routes: return ["category", "kecamatan"]
        case .holidays: return ["day"]
        case .deadlines: return ["kind"]
        case .requestParts: return ["type", "agency"]
        default: return ["code"]
        }
    }

    /// The id of a record with these values.
    public func id(of values: [String: ReferenceValue]) -> String {
        idFields.compactMap { values[$0]?.text }.joined(separator: ":")
    }

    /// The JSON name of the list and the word the pages use, Indonesian first.
    public var nameID: String {
        switch self {
        case .categories: return "Kategori"
        case .subcategories: return "Subkategori"
        case .routes: return "Rute"
        case .agencies: return "Instansi (OPD)"
        case .subUnits: return "Unit pelaksana"
        case .channels: return "Kanal pengaduan"
        case .holidays: return "Hari libur"
        case .deadlines: return "Batas waktu layanan"
        case .letterTypes: return "Jenis surat"
        case .requestTypes: return "Permohonan gabungan"
        case .requestParts: return "Bagian permohonan gabungan"
        }
    }

    public var nameEN: String {
        switch self {
        case .categories: return "Categories"
        case .subcategories: return "Subcategories"
        case .routes: return "Routes"
        case .agencies: return "Agencies"
        case .subUnits: return "Sub-units"
        case .channels: return "Complaint channels"
        case .holidays: return "Holidays"
        case .deadlines: return "Service levels"
        case .letterTypes: return "Letter types"
        case .requestTypes: return "Combined requests"
        case .requestParts: return "Parts of combined requests"
        }
    }

    private static let nameID = ReferenceField("name_id", .text(maxLength: 200))
    private static let nameEN = ReferenceField("name_en", .text(maxLength: 200))
    private static let position = ReferenceField("position", .integer(1...10_000))
    private static let active = ReferenceField("active", .boolean, required: false, default: .boolean(true))
}

/// What a holiday is: a national one, collective leave (cuti bersama) or the region's own.
public enum HolidayKind: String, Sendable, CaseIterable {
    case national
    case cutiBersama = "cuti_bersama"
    case regional
}

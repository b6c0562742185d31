/// What a citizen (or a desk officer on their behalf) submits, before it is stored.
public struct ComplaintSubmission: Sendable, Equatable {
    public var category: String
    public var subcategory: String?
    public var description: String
    public var location: String?
    public var kelurahan: String?
    public var kecamatan: String?
    public var lat: Double?
    public var lon: Double?
    public var anonymous: Bool
    public var confidential: Bool
    public var contact: Contact?
    public var channel: Channel
    /// The streetlight pole's number as marked on it, when the report names one.
    public var poleID: String?
    /// Checked photos (at most `PhotoAllowance.perComplaint`).
    public var photos: [Photo]
    /// The language the reporter filed in: the one they are told in (`ReporterNoticeText`).
    public var language: Language = .id

    public init(category: String, subcategory: String? = nil, description: String, location: String? = nil,
                kelurahan: String? = nil, kecamatan: String? = nil, lat: Double? = nil, lon: Double? = nil,
                anonymous: Bool = true, confidential: Bool = true, contact: Contact? = nil, channel: Channel,
                poleID: String? = nil, photos: [Photo] = []) {
        self.category = category
        self.subcategory = subcategory
        self.description = description
        self.location = location
        self.kelurahan = kelurahan
        self.kecamatan = kecamatan
        self.lat = lat
        self.lon = lon
        self.anonymous = anonymous
        self.confidential = confidential
        self.contact = contact
        self.channel = channel
        self.poleID = poleID.map(Self.normalisedPole).flatMap { $0.isEmpty ? nil : $0 }
        self.photos = photos
    }

    /// Pole numbers are compared without case, spaces or dashes: "pju 12-A" names the pole "PJU12A".
    static func normalisedPole(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    public static let maxDescriptionLength = 4000

    /// The description as it is checked and stored: without leading and trailing whitespace.
    public var trimmedDescription: String { description.trimmingWhitespace() }

    /// Checks everything that needs no database; the category's existence is checked by the caller
    /// against the routing table.
    /// - Returns: every problem found, empty when the submission is acceptable.
    public func problems(knownCategories: [String: Set<String>]) -> [SubmissionProblem] {
        var problems: [SubmissionProblem] = []
        if let subcategories = knownCategories[category] {
            if let subcategory, !subcategories.contains(subcategory) {
                problems.append(.unknownSubcategory)
            }
        } else {
            problems.append(category.isEmpty ? .categoryRequired : .unknownCategory)
        }
        let trimmed = trimmedDescription
        if trimmed.isEmpty {
            problems.append(.descriptionRequired)
        } else if trimmed.unicodeScalars.count > Self.maxDescriptionLength {
            problems.append(.descriptionTooLong)
        }
        if (lat == nil) != (lon == nil) {
            problems.append(.coordinatesIncomplete)
        } else if let lat, let lon, !(lat.isFinite && lon.isFinite && (-90...90).contains(lat) && (-180...180).contains(lon)) {
            problems.append(.coordinatesOutOfRange)
        }
        if (location?.unicodeScalars.count ?? 0) > 500 || (kelurahan?.unicodeScalars.count ?? 0) > 100
            || (kecamatan?.unicodeScalars.count ?? 0) > 100 {
            problems.append(.locationTooLong)
        }
        if !PhotoAllowance.admits(photos.count) { problems.append(.tooManyPhotos) }
        if (poleID?.count ?? 0) > 40 { problems.append(.locationTooLong) }
        if let contact {
            if let email = contact.email, !email.isEmpty, !Contact.looksLikeEmail(email) { problems.append(.invalidEmail) }
            if let phone = contact.phone, !phone.isEmpty, !Contact.looksLikePhone(phone) { problems.append(.invalidPhone) }
            if (contact.name?.unicodeScalars.count ?? 0) > 200 { problems.append(.nameTooLong) }
            if contact.unreadTextChannel != nil { problems.append(.invalidContactChannel) }
        }
        return problems
    }
}

/// How to reach a reporter. Never shown on a public page, and hidden from staff when anonymous.
public struct Contact: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    /// How the phone is told (SMS or WhatsApp), as the reporter chose; nil: the deployment's default
    /// (`HUB_TEXT_GATEWAY_CHANNEL`).
    public var textChannel: NoticeChannel?
    /// What the reporter typed as the text channel when it names none (`sms`, `whatsapp`): refused.
    public var unreadTextChannel: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, textChannel: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        if let textChannel, !textChannel.isBlank {
            self.textChannel = NoticeChannel(textChannel: textChannel)
            self.unreadTextChannel = self.textChannel == nil ? textChannel : nil
        }
    }

    public var isEmpty: Bool { [name, email, phone].allSatisfy { ($0 ?? "").isEmpty } }

    /// Whether `text` can be an email address.
    public static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace })
    }

    /// Whether `text` can be a phone number.
    public static func looksLikePhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        return text.count <= 32 && (8...15).contains(digits.count) && text.allSatisfy { $0.isASCII && ($0.isNumber || "+-() ".contains($0)) }
    }
}

/// One reason a submission is refused, with a stable code and messages in both languages.
public enum SubmissionProblem: String, Sendable, Equatable {
    case categoryRequired = "category_required"
    case unknownCategory = "unknown_category"
    case unknownSubcategory = "unknown_subcategory"
    case descriptionRequired = "description_required"
    case descriptionTooLong = "description_too_long"
    case coordinatesIncomplete = "coordinates_incomplete"
    case coordinatesOutOfRange = "coordinates_out_of_range"
    case locationTooLong = "location_too_long"
    case invalidEmail = "invalid_email"
    case invalidPhone = "invalid_phone"
    case nameTooLong = "name_too_long"
    case tooManyPhotos = "too_many_photos"
    /// The text channel is neither `sms` nor `whatsapp`.
    case invalidContactChannel = "invalid_contact_channel"

    /// The form field the problem belongs to.
    public var field: String {
        switch self {
        case .categoryRequired, .unknownCategory: return "category"
        case .unknownSubcategory: return "subcategory"
        case .descriptionRequired, .descriptionTooLong: return "description"
        case .coordinatesIncomplete, .coordinatesOutOfRange: return "lat"
        case .locationTooLong: return "location"
        case .invalidEmail: return "email"
        case .invalidPhone: return "phone"
        case .nameTooLong: return "name"
        case .tooManyPhotos: return "photos"
        case .invalidContactChannel: return "contact_channel"
        }
    }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.categoryRequired, .id): return "Pilih kategori pengaduan."
        case (.categoryRequired, .en): return "Choose a category."
        case (.unknownCategory, .id): return "Kategori tidak dikenal."
        case (.unknownCategory, .en): return "Unknown category."
        case (.unknownSubcategory, .id): return "Subkategori tidak sesuai dengan kategori."
        case (.unknownSubcategory, .en): return "The subcategory does not belong to the category."
        case (.descriptionRequired, .id): return "Uraian pengaduan wajib diisi."
        case (.descriptionRequired, .en): return "Describe the problem."
        case (.descriptionTooLong, .id): return "Uraian paling banyak 4.000 karakter."
        case (.descriptionTooLong, .en): return "The description may be at most 4,000 characters."
        case (.coordinatesIncomplete, .id): return "Lintang dan bujur harus diisi keduanya."
        case (.coordinatesIncomplete, .en): return "Give both latitude and longitude, or neither."
        case (.coordinatesOutOfRange, .id): return "Koordinat tidak valid."
        case (.coordinatesOutOfRange, .en): return "The coordinates are out of range."
        case (.locationTooLong, .id): return "Keterangan lokasi terlalu panjang."
        case (.locationTooLong, .en): return "The location text is too long."
        case (.invalidEmail, .id): return "Alamat email tidak valid."
        case (.invalidEmail, .en): return "The email address is not valid."
        case (.invalidPhone, .id): return "Nomor telepon tidak valid."
        case (.invalidPhone, .en): return "The phone number is not valid."
        case (.nameTooLong, .id): return "Nama terlalu panjang."
        case (.nameTooLong, .en): return "The name is too long."
        case (.tooManyPhotos, let language): return PhotoProblem.tooMany.message(language)
        case (.invalidContactChannel, .id): return "Pilih SMS atau WhatsApp untuk nomor telepon."
        case (.invalidContactChannel, .en): return "Choose SMS or WhatsApp for the phone number."
        }
    }
}


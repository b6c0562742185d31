import Foundation

/// A field a specialised module adds to its cases (a streetlight pole, a vehicle plate, the kind of
/// social problem). Values are kept as text; each kind says which texts are valid.
public struct ModuleField: Sendable {
    public enum Kind: Sendable {
        /// One of the listed codes, each with its Indonesian and English label.
        case choice([(code: String, id: String, en: String)])
        /// Free text up to a length, optionally matching a pattern (a regular expression on the whole text).
        case text(maxLength: Int, pattern: String? = nil)
        /// A calendar date, `YYYY-MM-DD`.
        case date
    }

    public let key: String
    public let labelID: String
    public let labelEN: String
    public let kind: Kind
    /// Shown only to the owning module's accounts (the person in need, say), never to other roles.
    public let confidential: Bool

    public init(_ key: String, id labelID: String, en labelEN: String, kind: Kind, confidential: Bool = false) {
        self.key = key
        self.labelID = labelID
        self.labelEN = labelEN
        self.kind = kind
        self.confidential = confidential
    }

    public func label(_ language: Language) -> String { language == .en ? labelEN : labelID }

    /// The value as stored, or why it is not valid. Text is trimmed; choices and plates are matched
    /// as written (codes are lower case, patterns say what they accept).
    public func normalized(_ raw: String) -> Result<String, FieldProblem> {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .choice(let options):
            guard options.contains(where: { $0.code == text }) else {
                return .failure(FieldProblem(field: key, message: "\(key) must be one of \(options.map(\.code).joined(separator: ", "))",
                                             id: "\(labelID): pilih salah satu dari \(options.map(\.id).joined(separator: ", "))."))
            }
            return .success(text)
        case .text(let maxLength, let pattern):
            guard !text.isEmpty, text.count <= maxLength else {
                return .failure(FieldProblem(field: key, message: "\(key) must have 1 to \(maxLength) characters",
                                             id: "\(labelID): isi 1 sampai \(maxLength) karakter."))
            }
            if let pattern, text.range(of: "^(?:\(pattern))$", options: .regularExpression) == nil {
                return .failure(FieldProblem(field: key, message: "\(key) is not in the expected form",
                                             id: "\(labelID): bentuk isian tidak sesuai."))
            }
            return .success(text)
        case .date:
            guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil,
                  CalendarDateCheck.isCalendarDate(text) else {
                return .failure(FieldProblem(field: key, message: "\(key) must be a date YYYY-MM-DD",
                                             id: "\(labelID): isi tanggal yang benar (TTTT-BB-HH)."))
            }
            return .success(text)
        }
    }

    /// The label of a stored value (a choice's words; other kinds as they are).
    public func display(_ value: String, _ language: Language) -> String {
        guard case .choice(let options) = kind, let option = options.first(where: { $0.code == value }) else { return value }
        return language == .en ? option.en : option.id
    }
}

/// Why a module field's value was refused, in English (the JSON API's words) and Indonesian.
public struct FieldProblem: Error, Equatable, Sendable {
    public let field: String
    public let message: String
    public let messageID: String

    public init(field: String, message: String, id messageID: String) {
        self.field = field
        self.message = message
        self.messageID = messageID
    }

    public func message(_ language: Language) -> String { language == .en ? message : messageID }
}

/// The fields of one module and the rules between them (a proposal enters the work programme only
/// after a feasible survey, say).
public struct ModuleProfile: Sendable {
    public let fields: [ModuleField]
    /// Checks the fields as they would be after a change; nil when they are consistent.
    public let consistency: @Sendable ([String: String]) -> FieldProblem?

    public init(fields: [ModuleField], consistency: @escaping @Sendable ([String: String]) -> FieldProblem? = { _ in nil }) {
        self.fields = fields
        self.consistency = consistency
    }

    public static let none = ModuleProfile(fields: [])

    public func field(_ key: String) -> ModuleField? { fields.first { $0.key == key } }

    /// Validates a change (a nil value removes the field) against the current values.
    /// - Returns: the normalised change, or the first problem.
    public func check(_ change: [String: String?], current: [String: String]) -> Result<[String: String?], FieldProblem> {
        guard !change.isEmpty else {
            return .failure(FieldProblem(field: "fields", message: "fields must name at least one field",
                                         id: "Isi paling sedikit satu data modul."))
        }
        var normalized: [String: String?] = [:]
        var merged = current
        for key in change.keys.sorted() {
            guard let field = field(key) else {
                return .failure(FieldProblem(field: key, message: "\(key) is not a field of this module",
                                             id: "\(key) bukan data modul ini."))
            }
            guard let raw = change[key] ?? nil else {
                normalized[key] = .some(nil)
                merged[key] = nil
                continue
            }
            switch field.normalized(raw) {
            case .failure(let problem): return .failure(problem)
            case .success(let value):
                normalized[key] = value
                merged[key] = value
            }
        }
        if let problem = consistency(merged) { return .failure(problem) }
        return .success(normalized)
    }
}

/// Calendar checks without a database: 2026-02-30 is not a date.
enum CalendarDateCheck {
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), parts[2] >= 1 else { return false }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}

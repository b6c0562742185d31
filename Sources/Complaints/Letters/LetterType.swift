/// A kind of letter (surat keterangan domisili, …), as data: its fields, the template of its body,
/// whether it ends at the village (surat biasa) or goes on to the kecamatan (surat khusus and
/// permits), and its deadline in working days.
public struct LetterType: Sendable, Equatable {
    public let code: String
    public let nameID: String
    public let nameEN: String
    /// The classification code that opens its number (470 for population matters, …).
    public let classification: String
    public let fields: [LetterField]
    public let bodyTemplate: String
    /// Whether the camat signs after the village head (surat khusus, permits).
    public let reachesDistrict: Bool
    public let deadlineDays: Int

    public init(code: String, nameID: String, nameEN: String, classification: String, fields: [LetterField], bodyTemplate: String,
                reachesDistrict: Bool, deadlineDays: Int) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
        self.classification = classification
        self.fields = fields
        self.bodyTemplate = bodyTemplate
        self.reachesDistrict = reachesDistrict
        self.deadlineDays = deadlineDays
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }

    /// The fields sent, checked against the type: every required one present and each value of its
    /// type; keys the type does not have are refused.
    /// - Parameter values: the fields as text (numbers as their decimal text).
    /// - Returns: the values to store, by key, without optional fields left out.
    /// - Throws: `Refusal.letterFieldMissing`, `.letterFieldInvalid`, `.unknownLetterField`.
    public func check(fields values: [String: String]) throws(Refusal) -> [String: String] {
        let known = Set(fields.map(\.key))
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) { throw Refusal.unknownLetterField(unknown) }
        var checked: [String: String] = [:]
        for field in fields {
            if let value = try field.check(values[field.key]) { checked[field.key] = value }
        }
        return checked
    }
}

/// The refusals of an admin's letter type (`letter-types` reference data). Statuses and codes are
/// contracts (Schemas/openapi.yaml); nothing is stored when one is answered.
extension Refusal {
    /// A field of the type's `fields` that is not a field: which one (from 1), which member, and the rule.
    /// - Parameters:
    ///   - place: the field's place in the list, nil for the list itself.
    ///   - member: the member at fault, nil for the whole field.
    public static func invalidLetterTypeField(_ place: Int?, _ member: String?, _ rule: (id: String, en: String)) -> Refusal {
        let whereID = [place.map { "isian ke-\($0)" }, member.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: ", ")
        let whereEN = "fields" + (place.map { "[\($0)]" } ?? "") + (member.map { $0 == "fields" ? "" : ".\($0)" } ?? "")
        return Refusal(status: 400, code: "invalid_field", id: "Daftar isian jenis surat (\(whereID)) harus \(rule.id).",
                       en: "\(whereEN) must be \(rule.en)")
    }

    /// A letter type's code: how the schema takes it.
    public static let invalidLetterTypeCode = Refusal(
        status: 400, code: "invalid_field", id: "Isian \"code\" harus diawali huruf kecil, lalu huruf kecil, angka atau tanda hubung (2–41 karakter).",
        en: "code must start with a lower-case letter followed by lower-case letters, digits or hyphens (2 to 41 characters)")

    /// The body template names a field the type does not have.
    public static func templateUnknownField(_ key: String) -> Refusal {
        Refusal(status: 422, code: "template_unknown_field",
                id: "Templat isi surat menyebut {{fields.\(key)}}, tetapi jenis surat ini tidak mempunyai isian \"\(key)\".",
                en: "the body template names {{fields.\(key)}}, but the type has no field \(key)")
    }

    /// The body template holds a placeholder that is none (`{{nama}}`, an unclosed `{{`).
    public static func templateInvalidPlaceholder(_ text: String) -> Refusal {
        Refusal(status: 422, code: "invalid_template",
                id: "Templat isi surat memuat \(text), yang bukan {{applicant.KUNCI}} atau {{fields.KUNCI}}.",
                en: "the body template holds \(text), which is neither {{applicant.KEY}} nor {{fields.KEY}}")
    }
}

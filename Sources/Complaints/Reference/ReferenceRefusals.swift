/// The refusals of the admin reference-data API and pages. Statuses and codes are contracts
/// (Schemas/openapi.yaml); nothing is stored when one is answered.
extension Refusal {
    /// Only admins manage reference data.
    public static let adminsOnly = Refusal(status: 403, code: "forbidden", id: "Halaman ini hanya untuk admin.",
                                           en: "reference data is managed by admins only")

    public static func unknownReferenceKind(_ kind: String) -> Refusal {
        Refusal(status: 404, code: "unknown_kind", id: "Jenis data acuan \"\(kind)\" tidak dikenal.",
                en: "no such kind of reference data: \(kind)")
    }

    public static func unknownReferenceField(_ name: String) -> Refusal {
        Refusal(status: 400, code: "unknown_field", id: "Isian \"\(name)\" tidak dikenal.", en: "unknown field \(name)")
    }

    public static func missingReferenceField(_ name: String) -> Refusal {
        Refusal(status: 400, code: "missing_field", id: "Isian \"\(name)\" wajib diisi.", en: "\(name) is required")
    }

    public static func referenceFieldNotEditable(_ name: String) -> Refusal {
        Refusal(status: 400, code: "field_not_editable", id: "Isian \"\(name)\" menamai data ini dan tidak dapat diubah.",
                en: "\(name) names the record and cannot be changed")
    }

    /// A value that does not fit its field, with the field's rule.
    public static func invalidReferenceField(_ field: ReferenceField) -> Refusal {
        let rule: (id: String, en: String)
        switch field.shape {
        case .code, .reference: rule = ("kode huruf kecil, angka dan tanda hubung", "a code of lower-case letters, digits and hyphens")
        case .text(let maxLength): rule = ("teks 1–\(maxLength) karakter", "text of 1 to \(maxLength) characters")
        case .paragraphs(let maxLength):
            rule = ("teks 1–\(maxLength) karakter (boleh berparagraf)", "text of 1 to \(maxLength) characters (paragraphs allowed)")
        case .classification:
            rule = ("kode klasifikasi: tiga angka, boleh diikuti titik dan 1–3 angka (470, 474.1)",
                    "a classification code: three digits, perhaps a dot and 1 to 3 more (470, 474.1)")
        case .letterFields: rule = ("daftar isian jenis surat", "a list of the letter type's fields")
        case .keyword: rule = ("1–20 huruf kapital atau angka", "1 to 20 capital letters or digits")
        case .integer(let range): rule = ("bilangan bulat \(range.lowerBound)–\(range.upperBound)", "a whole number from \(range.lowerBound) to \(range.upperBound)")
        case .boolean: rule = ("true atau false", "true or false")
        case .date: rule = ("tanggal yang ada, ditulis TTTT-BB-HH", "a real date written YYYY-MM-DD")
        case .choice(let choices): rule = ("salah satu dari " + choices.joined(separator: ", "), "one of " + choices.joined(separator: ", "))
        }
        return Refusal(status: 400, code: "invalid_field", id: "Isian \"\(field.name)\" harus \(rule.id).",
                       en: "\(field.name) must be \(rule.en)")
    }

    public static let nothingToChange = Refusal(status: 400, code: "invalid_request", id: "Tidak ada isian yang diubah.",
                                                en: "send at least one field to change")

    /// A field names a record of another kind that does not exist (a route's agency, a sub-unit's agency).
    public static func unknownReference(_ field: String, kind: ReferenceKind, code: String) -> Refusal {
        Refusal(status: 400, code: "unknown_reference", id: "\(kind.nameID) \"\(code)\" (isian \(field)) tidak ada.",
                en: "\(field): no \(kind.rawValue) record has the code \(code)")
    }

    /// A record with this id, or a value that must be unique (a keyword, a position), exists already.
    public static let duplicateReference = Refusal(status: 409, code: "duplicate",
                                                   id: "Data dengan kode, tanggal, kata kunci atau urutan itu sudah ada.",
                                                   en: "a record with that code, date, keyword or position exists already")

    public static func referenceNotFound(_ kind: ReferenceKind, id: String) -> Refusal {
        Refusal(status: 404, code: "not_found", id: "\(kind.nameID) \"\(id)\" tidak ada.", en: "no \(kind.rawValue) record has the id \(id)")
    }

    /// The database refused the values by a rule of its own (a category code with a digit).
    public static let referenceRuleBroken = Refusal(status: 400, code: "invalid_field",
                                                    id: "Isian tidak memenuhi aturan data acuan.",
                                                    en: "the values break a rule of the reference data")
}

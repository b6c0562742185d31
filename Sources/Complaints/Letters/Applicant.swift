/// The citizen a letter is for, as the village front office enters them: NIK, name and address are
/// required; other particulars (birth_place, birth_date, gender, occupation, …) are kept as text.
public struct Applicant: Sendable, Equatable {
    public let nik: String
    public let name: String
    public let address: String
    /// The other particulars, by key (snake_case), each up to 200 characters.
    public let other: [String: String]

    /// At most this many other particulars.
    public static let maxOther = 20

    /// - Throws: `Refusal.applicantFieldMissing`, `.applicantFieldInvalid`.
    public init(values: [String: String]) throws(Refusal) {
        func required(_ key: String, max: Int) throws(Refusal) -> String {
            guard let value = values[key]?.trimmingWhitespace(), !value.isEmpty else { throw Refusal.applicantFieldMissing(key) }
            guard value.count <= max else { throw Refusal.applicantFieldInvalid(key) }
            return value
        }
        nik = try required("nik", max: 16)
        guard LetterField.isNIK(nik) else { throw Refusal.applicantFieldInvalid("nik") }
        name = try required("name", max: 120)
        address = try required("address", max: 300)
        var other: [String: String] = [:]
        for (key, value) in values where !["nik", "name", "address"].contains(key) {
            guard key.utf8.count <= 40, key.utf8.allSatisfy({ (97...122).contains($0) || $0 == 95 || (48...57).contains($0) }) else {
                throw Refusal.applicantFieldInvalid(key)
            }
            let trimmed = value.trimmingWhitespace()
            guard trimmed.count <= 200 else { throw Refusal.applicantFieldInvalid(key) }
            if !trimmed.isEmpty { other[key] = trimmed }
        }
        guard other.count <= Self.maxOther else { throw Refusal.applicantFieldInvalid("applicant") }
        self.other = other
    }

    /// A particular's name in the refusals' words: NIK, Nama, Alamat, … (the key itself for others).
    public static func labelID(_ key: String) -> String {
        ["nik": "NIK", "name": "Nama", "address": "Alamat", "birth_place": "Tempat lahir", "birth_date": "Tanggal lahir",
         "gender": "Jenis kelamin", "occupation": "Pekerjaan"][key] ?? "Data \(key)"
    }

    /// Every particular by key, the required ones included.
    public var values: [String: String] { other.merging(["nik": nik, "name": name, "address": address]) { $1 } }
}

import Complaints
import Foundation

/// The CSV `hubctl areas import` reads: a header line `code,kind,name,address,logo`, then one
/// region a line (RFC 4180: fields with commas or quotes are quoted, a quote doubled inside).
/// - `code`: the Kemendagri code, `35.03.01` for a kecamatan, `35.03.01.2001` for a desa/kelurahan;
/// - `kind`: `kecamatan`, `desa` or `kelurahan`;
/// - `name`, `address`: the letterhead's (1 to 120 and 1 to 300 characters);
/// - `logo`: a PNG or JPEG file for the letterhead, relative to the CSV's folder, or empty.
/// A desa/kelurahan's kecamatan must be in the same file or already known.
struct AreaCSV {
    /// One line as read, the logo still a path.
    struct Row: Equatable {
        let line: Int
        let code: RegionCode
        let kind: RegionKind
        let name: String
        let address: String
        let logo: String?
    }

    static let header = ["code", "kind", "name", "address", "logo"]

    let rows: [Row]

    /// - Throws: `HubctlError` naming the line and what is wrong with it.
    init(text: String) throws {
        var lines = Self.records(text)
        guard let first = lines.first, first.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == Self.header else {
            throw HubctlError(message: "the first line must be the header \(Self.header.joined(separator: ","))")
        }
        lines.removeFirst()
        var rows: [Row] = []
        for (line, fields) in lines where !(fields.count == 1 && fields[0].isEmpty) {
            guard fields.count == Self.header.count else {
                throw HubctlError(message: "line \(line): \(fields.count) fields, expected \(Self.header.count)")
            }
            let value = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let code = RegionCode(value[0]) else { throw HubctlError(message: "line \(line): \(value[0]) is not a Kemendagri code") }
            guard let kind = RegionKind(rawValue: value[1].lowercased()) else {
                throw HubctlError(message: "line \(line): kind must be kecamatan, desa or kelurahan")
            }
            guard kind.isVillage == code.isVillage else {
                throw HubctlError(message: "line \(line): a \(kind.rawValue) has a code of \(kind.isVillage ? "four" : "three") groups")
            }
            guard (1...120).contains(value[2].count) else { throw HubctlError(message: "line \(line): name must have 1 to 120 characters") }
            guard (1...300).contains(value[3].count) else { throw HubctlError(message: "line \(line): address must have 1 to 300 characters") }
            rows.append(Row(line: line, code: code, kind: kind, name: value[2], address: value[3], logo: value[4].isEmpty ? nil : value[4]))
        }
        guard Set(rows.map(\.code)).count == rows.count else { throw HubctlError(message: "a code appears twice") }
        self.rows = rows
    }

    /// The records of the text with the line each starts on; quoted fields may hold commas, quotes and line breaks.
    static func records(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = [], field = "", quoted = false, line = 1, start = 1
        var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\n" {
                fields.append(field)
                records.append((start, fields))
                fields = []
                field = ""
                line += 1
                start = line
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { records.append((start, fields + [field])) }
        return records
    }
}

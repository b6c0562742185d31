import Complaints
import Foundation
import HTTP

/// Domain values for the rules, with no database.
enum Sample {
    static let at = Date(timeIntervalSince1970: 1_767_225_600)

    static func account(_ role: Role, _ module: ModuleName? = .publicWorks, categories: [String] = [], area: String? = nil,
                        subUnit: String? = nil) -> Account {
        Account(id: 7, login: "budi", role: role, module: module, categories: categories, area: area, subUnit: subUnit, active: true)
    }

    static func stored(category: String = "pekerjaan-umum", module: ModuleName = .publicWorks, kelurahan: String? = "Sukamaju",
                       kecamatan: String? = "Cibeunying", anonymous: Bool = false, inspectorate: Bool = false, subUnit: String? = nil,
                       moduleFields: [String: String] = [:], dueAt: Date? = nil) -> Case {
        Case(id: 1, trackingCode: "7QK2M9XW4HNPA", category: category, subcategory: nil, module: module, agency: "dpupr",
             channel: .web, status: .inProgress, priority: .normal, description: "Lampu jalan mati.", location: nil,
             kelurahan: kelurahan, kecamatan: kecamatan, lat: nil, lon: nil, anonymous: anonymous, confidential: false,
             inspectorate: inspectorate, escalationLevel: 0, overdueStep: 0, assignedTo: nil, subUnit: subUnit, dueAt: dueAt,
             createdAt: at, updatedAt: at, moduleFields: moduleFields)
    }

    static func request(_ target: String) -> HTTPRequest { request("GET", target) }

    /// A request as the server hands it over (path, query, headers, body).
    static func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) -> HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1)
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name, value) }
        return HTTPRequest(method: method, target: target, pathSegments: parts[0].split(separator: "/").map(String.init),
                           rawQuery: parts.count > 1 ? String(parts[1]) : nil, headers: fields, body: body)
    }
}

/// The status and code a refusal answers with, whatever type carries them.
struct Answer: Equatable, CustomStringConvertible {
    let status: Int
    let code: String

    init(_ status: Int, _ code: String) {
        self.status = status
        self.code = code
    }

    init?(_ error: any Error) {
        guard let answer = error as? any HTTPResponseError else { return nil }
        self.init(answer.status, answer.code)
    }

    var description: String { "\(status) \(code)" }
}

/// Runs `body` and returns the refusal it threw, or nil when it did not throw.
func refusalOf<T>(_ body: () throws -> T) -> Answer? {
    do {
        _ = try body()
        return nil
    } catch {
        return Answer(error) ?? Answer(500, "\(error)")
    }
}

extension Sample {
    /// A 16×8 greyscale baseline JPEG that `Photo` accepts.
    static let jpeg: [UInt8] = {
        let hex = """
            ffd8ffe000104a46494600010100000100010000ffdb0043001b12141714111b1716171e1c1b2028422b28252528513a3d30\
            42605565645f555d5b6a7899816a7190735b5d85b586909ea3abadab6780bcc9baa6c799a8aba4ffc0000b08000800100101\
            1100ffc4001500010100000000000000000000000000000405ffc40020100001030207000000000000000000000003000221\
            0105041522317281d1ffda0008010100003f0015bc1b42b18a3e5f6e795b047681f2af935e97ffd9
            """
        let digits = Array(hex.filter(\.isHexDigit).utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
    }()
}

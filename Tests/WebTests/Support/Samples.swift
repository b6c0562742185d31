import Complaints
import Foundation
import Testing

/// Text a user could type, each with the bytes it must become in a page.
struct Hostile: Sendable, CustomTestStringConvertible {
    let raw: String
    let escaped: String

    var testDescription: String { raw.debugDescription }

    /// A plain text of the same place, for the page's expected skeleton.
    static let plain = "biasa"

    static let all: [Hostile] = [
        Hostile(raw: "<script>alert(1)</script>", escaped: "&lt;script&gt;alert(1)&lt;/script&gt;"),
        Hostile(raw: "\"'><img src=x onerror=alert(1)>", escaped: "&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        Hostile(raw: "Tom & Jerry &amp; &#60;", escaped: "Tom &amp; Jerry &amp;amp; &amp;#60;"),
        Hostile(raw: "</textarea><b>keluar</b>", escaped: "&lt;/textarea&gt;&lt;b&gt;keluar&lt;/b&gt;"),
        // A quote followed by a combining mark is one Character in Swift, and not equal to "\"".
        Hostile(raw: "\"\u{301} autofocus onfocus=alert(1) x=\"\u{301}",
                escaped: "&quot;\u{301} autofocus onfocus=alert(1) x=&quot;\u{301}"),
        Hostile(raw: "Jl. Cempaka № 5 — lampu 🚧 mati, ضوء 路灯 ", escaped: "Jl. Cempaka № 5 — lampu 🚧 mati, ضوء 路灯 "),
    ]
}

/// Domain values to render pages from, with no database.
enum Sample {
    static let at = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00 UTC, 07.00 WIB
    static let code = "7QK2M9XW4HNPA"

    static func account(id: Int64 = 7, login: String = "budi", role: Role = .staff, module: ModuleName? = .publicWorks,
                        categories: [String] = [], area: String? = nil, subUnit: String? = nil, active: Bool = true) -> Account {
        Account(id: id, login: login, role: role, module: module, categories: categories, area: area, subUnit: subUnit, active: active)
    }

    static func session(_ account: Account = account(), csrf: String = "csrf-token-of-the-session") -> StaffSession {
        StaffSession(account: account, csrfToken: csrf)
    }

    static func stored(code: String = code, category: String = "pekerjaan-umum", module: ModuleName = .publicWorks,
                       status: ComplaintStatus = .inProgress, priority: Priority = .normal, description: String = "Lampu jalan mati.",
                       location: String? = "Jl. Merdeka 12", kelurahan: String? = "Sukamaju", kecamatan: String? = "Cibeunying",
                       anonymous: Bool = false, confidential: Bool = false, inspectorate: Bool = false,
                       assignedTo: Int64? = nil, subUnit: String? = nil, dueAt: Date? = nil,
                       moduleFields: [String: String] = [:]) -> Case {
        Case(id: 1, trackingCode: code, category: category, subcategory: nil, module: module, agency: "dpupr", channel: .web,
             status: status, priority: priority, description: description, location: location, kelurahan: kelurahan,
             kecamatan: kecamatan, lat: nil, lon: nil, anonymous: anonymous, confidential: confidential, inspectorate: inspectorate,
             escalationLevel: 0, overdueStep: 0, assignedTo: assignedTo, subUnit: subUnit, dueAt: dueAt, createdAt: at,
             updatedAt: at, moduleFields: moduleFields)
    }

    static let categories: [Category] = [
        Category(code: "pekerjaan-umum", nameID: "Pekerjaan Umum", nameEN: "Public works", keyword: "jalan", module: .publicWorks,
                 agency: "dpupr", subcategories: [Subcategory(code: "pju", nameID: "Lampu jalan", nameEN: "Street lights")]),
        Category(code: "sosial", nameID: "Sosial", nameEN: "Social services", keyword: "bansos", module: .social, agency: "dinsos",
                 subcategories: []),
        Category(code: "kesehatan", nameID: "Kesehatan", nameEN: "Health services", keyword: "puskesmas", module: .intake,
                 agency: "dinkes", subcategories: []),
    ]

    static let subUnits: [SubUnit] = [
        SubUnit(code: "dpupr-pju", agency: "dpupr", module: .publicWorks, nameID: "UPT PJU", nameEN: "Street lighting unit"),
        SubUnit(code: "dpupr-jalan", agency: "dpupr", module: .publicWorks, nameID: "Bidang Jalan", nameEN: "Roads division"),
        SubUnit(code: "dinsos-rehab", agency: "dinsos", module: .social, nameID: "Bidang Rehabilitasi", nameEN: "Rehabilitation"),
    ]
}

import Foundation
import HTTP
import Postgres
import TestSupport

/// A made-up regency for the letter tests: Kecamatan Sukasari (35.99.01) with Desa Sukamaju and
/// Desa Sukamulya, imported with `hubctl areas import`, and an official for every position.
struct LetterRegency {
    static let key = "kunci-surat-uji-0001-rahasia"
    static let password = "sandi-surat-0001"
    static let sukasari = "35.99.01"
    static let sukamaju = "35.99.01.2001"
    static let sukamulya = "35.99.01.2002"
    static let headNIP = "197001012000031001"

    /// login → (role, region flag, region, full name)
    static let officials: [(String, String, String, String, String)] = [
        ("fo.sukamaju", "village_front_office", "--village", sukamaju, "Rina Pelayanan"),
        ("sekdes.sukamaju", "village_secretary", "--village", sukamaju, "Agus Sekdes"),
        ("kades.sukamaju", "village_head", "--village", sukamaju, "Budi Santoso"),
        ("fo.sukamulya", "village_front_office", "--village", sukamulya, "Dewi Pelayanan"),
        ("kades.sukamulya", "village_head", "--village", sukamulya, "Joko Kades"),
        ("fo.sukasari", "district_front_office", "--district", sukasari, "Eko Pelayanan"),
        ("kasi.sukasari", "district_service_head", "--district", sukasari, "Fitri Kasi"),
        ("sekcam.sukasari", "district_service_head", "--district", sukasari, "Gita Sekcam"),
        ("camat.sukasari", "district_head", "--district", sukasari, "Hadi Camat"),
        ("admin.sukasari", "district_admin", "--district", sukasari, "Indah Admin"),
    ]

    let hub: RunningHub
    private var tokens: [String: String] = [:]

    /// A hub with intake and the gateway, the regency imported and every official created and signed in.
    init() throws {
        hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["intake", "gateway"],
                             environment: ["HUB_LETTER_KEY": Self.key])
        let folder = NSTemporaryDirectory() + "kabupaten-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/logo.png", contents: Data(SamplePhotos.png))
        let csv = """
            code,kind,name,address,logo
            35.99.01.2001,desa,Sukamaju,"Jl. Raya Sukamaju No. 1, Sukasari",logo.png
            35.99.01,kecamatan,Sukasari,"Jl. Kecamatan No. 5, Sukasari",logo.png
            35.99.01.2002,desa,Sukamulya,Jl. Sukamulya No. 2,

            """
        try csv.write(toFile: folder + "/wilayah.csv", atomically: true, encoding: .utf8)
        let imported = try hub.hubctl(["areas", "import", folder + "/wilayah.csv"])
        guard imported.status == 0 else { throw TestSupportError("areas import: \(imported.output)") }
        for (login, role, flag, region, name) in Self.officials {
            var arguments = ["user", "add", login, "--role", role, flag, region, "--name", name]
            if role.hasSuffix("_head") && !role.hasPrefix("district_service") { arguments += ["--nip", Self.headNIP] }
            let made = try hub.hubctl(arguments, input: Self.password + "\n")
            guard made.status == 0 else { throw TestSupportError("\(login): \(made.output)") }
        }
        for (login, _, _, _, _) in Self.officials { tokens[login] = try hub.logIn(login, Self.password) }
    }

    func token(_ login: String) -> String { tokens[login]! }

    func post(_ path: String, _ json: [String: Any] = [:], as login: String) throws -> HTTPResponse {
        try hub.post(path, json: json, token: token(login))
    }

    func get(_ path: String, as login: String) throws -> HTTPResponse { try hub.get(path, token: token(login)) }

    static var applicant: [String: Any] { ["nik": "3599010101900001", "name": "Siti Aminah", "address": "RT 01 RW 02 Dusun Krajan",
                                           "occupation": "Petani"] }

    /// Enters a letter at Sukamaju's front office; returns its code.
    func enter(_ type: String, fields: [String: Any], by login: String = "fo.sukamaju") throws -> String {
        let created = try post("/api/v1/staff/letters", ["type": type, "applicant": Self.applicant, "fields": fields], as: login)
        guard created.status == 201, let code = created.jsonObject["code"] as? String else {
            throw TestSupportError("enter \(type): \(created.status) \(created.text) \(hub.log("intake").split(separator: "\n").filter { $0.contains("error") }.suffix(3))")
        }
        return code
    }

    static var domisili: [String: Any] { ["alamat_domisili": "Dusun Krajan RT 01 RW 02", "sejak": "2015-06-01", "keperluan": "melamar kerja"] }
    static var pindah: [String: Any] { ["alamat_tujuan": "Jl. Merdeka 10, Kota Malang", "alasan": "pekerjaan", "jumlah_pengikut": 2] }

    /// Acts on a letter and expects 200.
    @discardableResult
    func act(_ code: String, _ action: String, by login: String, _ body: [String: Any] = [:]) throws -> [String: Any] {
        let response = try post("/api/v1/staff/letters/\(code)/\(action)", body, as: login)
        guard response.status == 200 else { throw TestSupportError("\(action) by \(login): \(response.status) \(response.text)") }
        return response.jsonObject
    }

    /// The column `value` of a query's first row on the hub's database.
    func scalar(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> String? {
        try PostgresConnection(conninfo: hub.databaseURL).query(sql, parameters).first?["value"]
    }

    /// The check value of a number as the documented formula gives it.
    func check(of number: String) throws -> String {
        try scalar("select left(encode(hmac(convert_to($1, 'UTF8'), convert_to($2, 'UTF8'), 'sha256'), 'hex'), 20) as value", [number, Self.key])!
    }
}

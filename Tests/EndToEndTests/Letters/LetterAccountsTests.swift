import Foundation
import Postgres
import TestSupport
import Testing

/// `hubctl areas import` and the letter roles of `hubctl user add`.
@Suite(.serialized)
struct LetterAccountsTests {
    @Test func areasImportAllOrNothingAndLetterRolesNeedARegionOfTheirLevel() throws {
        let database = try TestCluster.shared().migratedDatabase()
        let folder = NSTemporaryDirectory() + "wilayah-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func importing(_ csv: String) throws -> (status: Int32, output: String) {
            try csv.write(toFile: folder + "/w.csv", atomically: true, encoding: .utf8)
            return try RunningHub.hubctl(["areas", "import", folder + "/w.csv"], databaseURL: database)
        }
        func rows(_ table: String) throws -> Int {
            try PostgresConnection(conninfo: database).query("select count(*)::bigint as n from \(table)")[0].decode("n")
        }
        let count = { try rows("regions") }

        // A village whose kecamatan is unknown, a logo that is not an image: refused whole.
        let orphan = try importing("code,kind,name,address,logo\n35.98.01,kecamatan,Ada,Jl. A,\n35.98.02.2001,desa,Yatim,Jl. Y,\n")
        #expect(orphan.status == 1 && orphan.output.contains("35.98.02.2001: its kecamatan 35.98.02 is neither in the file nor known"))
        FileManager.default.createFile(atPath: folder + "/logo.txt", contents: Data("bukan gambar".utf8))
        let notImage = try importing("code,kind,name,address,logo\n35.98.01,kecamatan,Ada,Jl. A,logo.txt\n")
        #expect(notImage.status == 1 && notImage.output.contains("line 2: the logo must be a PNG or JPEG"))
        #expect(try count() == 0)
        #expect(try RunningHub.hubctl(["areas", "import", folder + "/w.txt"], databaseURL: database).status == 2)

        FileManager.default.createFile(atPath: folder + "/logo.png", contents: Data(SamplePhotos.png))
        let good = try importing("code,kind,name,address,logo\n35.98.01.2001,desa,Ada Baru,Jl. B,logo.png\n35.98.01,kecamatan,Ada,Jl. A,\n")
        #expect(good.status == 0 && good.output.contains("imported 1 kecamatan and 1 desa/kelurahan"), "\(good.output)")
        #expect(try count() == 2)

        let password = "sandi-surat-0001\n"
        func add(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try RunningHub.hubctl(["user", "add"] + arguments, databaseURL: database, input: password)
        }
        #expect(try add(["kades.ada", "--role", "village_head"]).status == 2)
        #expect(try add(["kades.ada", "--role", "village_head", "--district", "35.98.01"]).status == 2)
        #expect(try add(["kades.ada", "--role", "village_head", "--village", "35.98.01.2001", "--nip", "123"]).status == 2)
        #expect(try add(["petugas.x", "--role", "staff", "--module", "intake", "--village", "35.98.01.2001"]).status == 2)
        let unknown = try add(["kades.ada", "--role", "village_head", "--village", "35.98.01.2009"])
        #expect(unknown.status == 1 && unknown.output.contains("village_head accounts need --village"))
        let wrongLevel = try add(["camat.ada", "--role", "district_head", "--district", "35.98.01.2001"])
        #expect(wrongLevel.status == 1)
        #expect(try rows("staff_accounts") == 0)
        let made = try add(["kades.ada", "--role", "village_head", "--village", "35.98.01.2001", "--name", "Siti Kades",
                            "--nip", "197001012000031001"])
        #expect(made.status == 0 && made.output.contains("created village_head kades.ada of 35.98.01.2001"), "\(made.output)")
        #expect(try add(["camat.ada", "--role", "district_head", "--district", "35.98.01"]).status == 0)
        let listed = try RunningHub.hubctl(["user", "list"], databaseURL: database)
        #expect(listed.output.contains("kades.ada") && listed.output.contains("camat.ada"))
    }
}

import Complaints
@testable import Hubctl
import Testing

/// The CSV of `hubctl areas import`: its header, its quoting, and a message naming the bad line.
struct AreaCSVTests {
    @Test func readsQuotedFieldsAndEmptyLogos() throws {
        let csv = try AreaCSV(text: "code,kind,name,address,logo\r\n"
            + "35.99.01,kecamatan,Sukasari,\"Jl. Kecamatan No. 5, Sukasari\",logo.png\r\n"
            + "35.99.01.1001,kelurahan,\"Kota \"\"Lama\"\"\",\"Jl. A\nNo. 2\",\r\n\n")
        #expect(csv.rows == [
            AreaCSV.Row(line: 2, code: RegionCode("35.99.01")!, kind: .kecamatan, name: "Sukasari", address: "Jl. Kecamatan No. 5, Sukasari",
                        logo: "logo.png"),
            AreaCSV.Row(line: 3, code: RegionCode("35.99.01.1001")!, kind: .kelurahan, name: "Kota \"Lama\"", address: "Jl. A\nNo. 2",
                        logo: nil),
        ])
    }

    @Test(arguments: [
        ("name,code\n", "the first line must be the header"),
        ("code,kind,name,address,logo\n35.99.01,kecamatan,Sukasari\n", "line 2: 3 fields"),
        ("code,kind,name,address,logo\n35.99.1,kecamatan,Sukasari,Jl. X,\n", "line 2: 35.99.1 is not a Kemendagri code"),
        ("code,kind,name,address,logo\n35.99.01,kota,Sukasari,Jl. X,\n", "line 2: kind must be"),
        ("code,kind,name,address,logo\n35.99.01,desa,Sukasari,Jl. X,\n", "line 2: a desa has a code of four groups"),
        ("code,kind,name,address,logo\n35.99.01,kecamatan,,Jl. X,\n", "line 2: name must have"),
        ("code,kind,name,address,logo\n35.99.01,kecamatan,A,Jl. X,\n35.99.01,kecamatan,B,Jl. Y,\n", "a code appears twice"),
    ])
    func aBadFileIsRefusedNamingTheLine(_ text: String, _ message: String) throws {
        do {
            _ = try AreaCSV(text: text)
            Issue.record("accepted: \(text)")
        } catch let error as HubctlError {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}

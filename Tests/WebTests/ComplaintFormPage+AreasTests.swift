import Complaints
import Testing
@testable import Web

/// The form's kelurahan and kecamatan fields suggest the known regions' names in a datalist: typing
/// stays free and the page needs no script for it.
struct ComplaintFormPageAreaTests {
    static let regions = RegionDirectory(regions: [
        ("99.01.01", "Sukamaju"), ("99.01.01.2001", "Sukamaju"), ("99.01.01.1002", "Mekarsari"),
        ("99.01.02", "Tanjungsari"), ("99.01.02.2001", "Cibodas"), ("99.01.02.2002", "Pasir \"Jaya\" <&>"),
    ].map { NamedRegion(code: RegionCode($0.0)!, name: $0.1) })

    func render(_ areas: RegionDirectory) -> String {
        ComplaintFormPage.render(categories: [], language: .id, formToken: "0123456789abcdef0123456789abcdef", areas: areas)
    }

    @Test func theAreaFieldsSuggestTheKnownNames() {
        let html = render(Self.regions)
        #expect(html.contains("<input id=\"kelurahan\" name=\"kelurahan\" value=\"\" list=\"kelurahan-names\" autocomplete=\"off\">"))
        #expect(html.contains("<input id=\"kecamatan\" name=\"kecamatan\" value=\"\" list=\"kecamatan-names\" autocomplete=\"off\">"))
        #expect(html.contains("<datalist id=\"kelurahan-names\"><option value=\"Cibodas\"><option value=\"Mekarsari\">"
                              + "<option value=\"Pasir &quot;Jaya&quot; &lt;&amp;&gt;\"><option value=\"Sukamaju\"></datalist>"))
        #expect(html.contains("<datalist id=\"kecamatan-names\"><option value=\"Sukamaju\"><option value=\"Tanjungsari\"></datalist>"))
    }

    @Test func withoutKnownRegionsTheFieldsAreFreeText() {
        let html = render(.empty)
        #expect(html.contains("<input id=\"kelurahan\" name=\"kelurahan\" value=\"\">"))
        #expect(!html.contains("<datalist"))
    }
}

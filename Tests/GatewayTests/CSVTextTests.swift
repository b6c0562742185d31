import Testing
@testable import Gateway

@Suite struct CSVTextTests {
    @Test func quotesWhatRFC4180AsksAndGuardsFormulas() {
        var text = CSVText(columns: ["a", "b"])
        text.line(["=HYPERLINK(\"http://x\")", "+62 812"])
        text.line(["-6.55", "-12 bukan angka"])
        text.line(["Jl. Merdeka, no. 5", "dua\r\nbaris"])
        text.line(["@SUM(A1)", ""])
        #expect(String(decoding: text.bytes, as: UTF8.self) == """
            a,b\r
            "'=HYPERLINK(""http://x"")",'+62 812\r
            -6.55,'-12 bukan angka\r
            "Jl. Merdeka, no. 5","dua\r
            baris"\r
            '@SUM(A1),\r

            """)
    }
}

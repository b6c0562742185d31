import Foundation
@testable import PDFDocument
import Testing

/// Numbers, strings and dates written the one way PDF reads them.
struct PDFSyntaxTests {
    @Test(arguments: [(12.0, "12"), (0.5, "0.5"), (-3.14159, "-3.142"), (595.28, "595.28"), (0.0004, "0"), (-0.0004, "0"), (1e-3, "0.001")])
    func numbersHaveAtMostThreeDecimalsAndNoTrailingZeros(value: Double, text: String) {
        #expect(PDFSyntax.number(value) == text)
    }

    @Test func literalStringsEscapeDelimitersAndNonPrintableBytes() {
        #expect(PDFSyntax.literal(Array("a(b)c\\".utf8)) == "(a\\(b\\)c\\\\)")
        #expect(PDFSyntax.literal([0xE9, 0x0A, 0x80]) == "(\\351\\012\\200)")
    }

    @Test func textStringsOutsideAsciiAreUtf16WithAByteOrderMark() {
        #expect(PDFSyntax.textString("Surat") == "(Surat)")
        #expect(PDFSyntax.textString("é") == "<FEFF00E9>")
        #expect(PDFSyntax.textString("北") == "<FEFF5317>")
    }

    @Test func datesAreUtc() {
        #expect(PDFSyntax.date(Date(timeIntervalSince1970: 1_796_300_000)) == "D:20261203121320Z")
        #expect(PDFSyntax.date(Date(timeIntervalSince1970: 0)) == "D:19700101000000Z")
    }
}

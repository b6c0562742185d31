import PDFDocument
import Testing

/// Widths from the fonts' AFM metrics, and lines broken to fit.
struct StandardFontTests {
    @Test func widthsAreTheAfmWidths() {
        // Helvetica: H 722, e 556, l 222, o 556; bold: 722, 556, 278, 611; Times-Roman: W 944, i 278; Courier 600.
        #expect(StandardFont.helvetica.width(of: "Hello", size: 10) == 22.78)
        #expect(StandardFont.helveticaOblique.width(of: "Hello", size: 10) == 22.78)
        #expect(StandardFont.helveticaBold.width(of: "Hello", size: 10) == 24.45)
        #expect(StandardFont.timesRoman.width(of: "Wi", size: 1000) == 1222)
        #expect(StandardFont.courier.width(of: "abc", size: 10) == 18)
        #expect(StandardFont.timesBold.width(of: "é", size: 1000) == 444)
    }

    @Test func linesBreakAtSpacesWithinTheWidth() {
        let font = StandardFont.helvetica
        let text = "Surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya"
        let lines = font.lines(of: text, size: 10, width: 120)
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.count > 2)
        for line in lines { #expect(font.width(of: line, size: 10) <= 120) }
        // no line could have taken the next word
        for (line, next) in zip(lines, lines.dropFirst()) {
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(font.width(of: line + " " + word, size: 10) > 120)
        }
    }

    @Test func aWordWiderThanTheLineIsCut() {
        let lines = StandardFont.courier.lines(of: "3503014101900002", size: 10, width: 60)
        #expect(lines == ["3503014101", "900002"])
    }

    @Test func lineBreaksAlwaysBreakAndEmptyLinesStay() {
        #expect(StandardFont.helvetica.lines(of: "Nama: Siti\n\nNIK: 1", size: 10, width: 500) == ["Nama: Siti", "", "NIK: 1"])
    }
}

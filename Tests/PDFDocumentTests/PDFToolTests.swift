import DocumentTestSupport
import Foundation
import PDFDocument
import QRCode
import Testing

/// Generated files read by independent tools: qpdf checks the structure, pdftotext gets the text
/// back, pdftoppm renders the page and zbarimg reads the QR code off the rendering.
@Suite(.serialized)
struct PDFToolTests {
    @Test func theSampleLetterPassesQpdfCheck() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let letter = try SampleLetter.document(logo: PDFImage(jpeg: SampleLetter.logoJPEG(in: folder)))
        let path = try folder.write(letter.bytes, named: "letter.pdf")
        let run = try ExternalTool("qpdf").run(["--check", path])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("No syntax or stream encoding errors found"))
    }

    @Test func pdftotextGetsTheWrittenTextBack() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let letter = try SampleLetter.document(logo: PDFImage(jpeg: SampleLetter.logoJPEG(in: folder)))
        let path = try folder.write(letter.bytes, named: "letter.pdf")
        let run = try ExternalTool("pdftotext").run(["-enc", "UTF-8", path, "-"])
        #expect(run.status == 0, "\(run.errors)")
        let text = run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [
            "PEMERINTAH KABUPATEN TRENGGALEK", "SURAT KETERANGAN DOMISILI", "Nomor: 470/012/35.03.01.2001/2026",
            "NIK: 3503014101900002", "agar yang berkepentingan maklum — terima kasih.", "NIP. 19720315 199803 1 004",
            "Telp. (0355) 791234",
        ] {
            #expect(text.contains(expected), "\(expected) in \(text)")
        }
    }

    @Test func charactersOutsideWinAnsiAreReplacedVisibly() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let document = PDFDocument().page { page in
            page.text("Café Pak Dédé € 5 — 北京 ok (a\\b)", at: PDFPoint(x: 72, y: 100))
        }
        let path = try folder.write(document.bytes, named: "replaced.pdf")
        #expect(try ExternalTool("qpdf").run(["--check", path]).status == 0)
        let text = try ExternalTool("pdftotext").run(["-enc", "UTF-8", path, "-"]).output
        #expect(text.contains("Café Pak Dédé € 5 — ?? ok (a\\b)"))
    }

    @Test func pdftoppmRendersThePageAndTheQRCodeReadsBack() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let letter = try SampleLetter.document(logo: PDFImage(jpeg: SampleLetter.logoJPEG(in: folder)))
        let path = try folder.write(letter.bytes, named: "letter.pdf")
        let small = try ExternalTool("pdftoppm").run(["-png", "-r", "50", "-singlefile", path, folder.url.appendingPathComponent("page").path])
        #expect(small.status == 0, "\(small.errors)")
        let png = try Data(contentsOf: folder.url.appendingPathComponent("page.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let sharp = try ExternalTool("pdftoppm").run(["-png", "-r", "150", "-singlefile", path, folder.url.appendingPathComponent("sharp").path])
        #expect(sharp.status == 0)
        let decoded = try ExternalTool("zbarimg").run(["-q", "--raw", folder.url.appendingPathComponent("sharp.png").path])
        #expect(decoded.output == SampleLetter.verificationURL + "\n")
    }

    @Test func aPNGImagePassesQpdfAndRenders() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let image = try PDFImage(png: Self.redAndWhitePNG(in: folder))
        #expect(image.width == 40 && image.height == 20)

        let document = PDFDocument().page { page in page.image(image, in: PDFRect(x: 100, y: 100, width: 200, height: 100)) }
        let path = try folder.write(document.bytes, named: "png.pdf")
        #expect(try ExternalTool("qpdf").run(["--check", path]).status == 0)
        #expect(try Self.pixel(of: path, x: 150, y: 150) == [255, 0, 0])     // the left, red half
    }

    /// A 40x20 PNG as libpng writes it (dynamic Huffman codes, row filters): red left half, white right.
    static func redAndWhitePNG(in folder: ScratchFolder) throws -> [UInt8] {
        let source = PDFDocument().page(size: PageSize(width: 40, height: 20)) { page in
            page.rectangle(PDFRect(x: 0, y: 0, width: 20, height: 20), fill: .rgb(1, 0, 0))
        }
        let path = try folder.write(source.bytes, named: "source.pdf")
        _ = try ExternalTool("pdftoppm").run(["-png", "-r", "72", "-singlefile", path, folder.url.appendingPathComponent("source").path])
        return Array(try Data(contentsOf: folder.url.appendingPathComponent("source.png")))
    }

    /// The RGB of one pixel of the first page rendered at 72 dpi (x, y in points from the top left).
    static func pixel(of path: String, x: Int, y: Int) throws -> [UInt8] {
        let run = try ExternalTool("pdftoppm").run(["-r", "72", "-x", String(x), "-y", String(y), "-W", "1", "-H", "1", "-singlefile", path])
        return Array(run.outputBytes.suffix(3))
    }
}

extension PDFToolTests {
    /// Writes the sample letter and its 50 dpi rendering where HUB_SAMPLE_LETTER_DIR says, to look at.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HUB_SAMPLE_LETTER_DIR"] != nil))
    func sampleLetterForTheEye() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HUB_SAMPLE_LETTER_DIR"]!)
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let letter = try SampleLetter.document(logo: PDFImage(jpeg: SampleLetter.logoJPEG(in: folder)))
        try Data(letter.bytes).write(to: directory.appendingPathComponent("letter.pdf"))
        for resolution in ["50", "100"] {
            _ = try ExternalTool("pdftoppm").run(["-png", "-r", resolution, "-singlefile", directory.appendingPathComponent("letter.pdf").path,
                                                  directory.appendingPathComponent("letter-\(resolution)").path])
        }
    }
}

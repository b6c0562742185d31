import DocumentTestSupport
import Foundation
@testable import PDFDocument
import Testing
import TestSupport

/// A PNG with transparency is decoded (DEFLATE, row filters) and its alpha becomes a soft mask.
struct TransparentPNGTests {
    @Test func storedFixedAndDynamicDeflateBlocksDecode() throws {
        let text = Array("Desa Sukamaju, Desa Sukamaju, Desa Sukamaju!".utf8)
        #expect(try Inflate.zlib(PNGWriter.zlibStored(text)) == text)
        // zlib.compress(text, 9): one block of fixed Huffman codes with back references
        let fixed = SamplePhotos.bytes(hex: "78da73492d4e54082ecd4ecc4dcc2ad55170c1c355040058c70f54")
        #expect(try Inflate.zlib(fixed) == text)
    }

    @Test func aRenderedPngWithDynamicCodesDecodesToItsPixels() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let png = try PNGFile(PDFToolTests.redAndWhitePNG(in: folder))
        let pixels = try PNGRows.unfiltered(Inflate.zlib(png.compressed), width: 40, height: 20, bytesPerPixel: 3)
        #expect(Array(pixels[0..<3]) == [255, 0, 0])
        #expect(Array(pixels[(20 * 40 - 1) * 3..<20 * 40 * 3]) == [255, 255, 255])
    }

    @Test func alphaBecomesASoftMask() throws {
        // 2x1 RGBA: opaque blue, then fully transparent red
        let png = PNGWriter.png(width: 2, height: 1, colourType: 6, samples: [0, 0, 255, 255, 255, 0, 0, 0])
        let image = try PDFImage(png: png)
        let text = String(decoding: PDFDocument().page { $0.image(image, in: PDFRect(x: 0, y: 0, width: 2, height: 1)) }.bytes, as: UTF8.self)
        #expect(text.contains("/Width 2 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 5 0 R /Length 6"))
        #expect(text.contains("5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 2 >>"))
    }

    @Test func aTransparentLogoShowsThePaperThrough() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let png = PNGWriter.png(width: 2, height: 1, colourType: 6, samples: [0, 0, 255, 255, 255, 0, 0, 0])
        let document = try PDFDocument().page { page in
            page.image(try PDFImage(png: png), in: PDFRect(x: 100, y: 100, width: 200, height: 100))
        }
        let path = try folder.write(document.bytes, named: "alpha.pdf")
        #expect(try ExternalTool("qpdf").run(["--check", path]).status == 0)
        #expect(try PDFToolTests.pixel(of: path, x: 150, y: 150) == [0, 0, 255])
        #expect(try PDFToolTests.pixel(of: path, x: 250, y: 150) == [255, 255, 255])
    }
}

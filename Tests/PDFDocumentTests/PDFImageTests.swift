import DocumentTestSupport
import PDFDocument
import TestSupport
import Testing

/// Image headers read without decoding the pixels; what cannot be placed is refused by name.
struct PDFImageTests {
    /// A 16x8 greyscale baseline JPEG and a 4x2 RGB PNG.
    static let jpeg = SamplePhotos.jpeg
    static let png = SamplePhotos.png

    @Test func aJpegKeepsItsBytesAndSize() throws {
        let image = try PDFImage(jpeg: Self.jpeg)
        #expect(image.width == 16 && image.height == 8)
        let text = String(decoding: PDFDocument().page { $0.image(image, in: PDFRect(x: 0, y: 0, width: 16, height: 8)) }.bytes, as: UTF8.self)
        #expect(text.contains("/Width 16 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length \(Self.jpeg.count)"))
    }

    @Test func aPngBecomesFlateWithPredictors() throws {
        let image = try PDFImage(png: Self.png)
        #expect(image.width == 4 && image.height == 2)
        let text = String(decoding: PDFDocument().page { $0.image(image, in: PDFRect(x: 0, y: 0, width: 4, height: 2)) }.bytes, as: UTF8.self)
        #expect(text.contains("/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 4 >>"))
    }

    @Test func theSameImageOnTwoPagesIsStoredOnce() throws {
        let image = try PDFImage(jpeg: Self.jpeg)
        let rect = PDFRect(x: 10, y: 10, width: 32, height: 16)
        let bytes = PDFDocument().page { $0.image(image, in: rect) }.page { $0.image(image, in: rect) }.bytes
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Subtype /Image").count == 2)
    }

    @Test func whatIsNotAnImageIsRefused() {
        #expect(throws: PDFError.unsupportedImage("not a JPEG")) { try PDFImage(jpeg: Array("GIF89a".utf8)) }
        #expect(throws: PDFError.unsupportedImage("not a PNG")) { try PDFImage(png: Self.jpeg) }
        #expect(throws: PDFError.self) { try PDFImage(jpeg: Array(Self.jpeg.prefix(30))) }
        var deep = PNGWriter.png(width: 1, height: 1, colourType: 6, samples: [0, 0, 0, 0])
        deep[24] = 16     // bit depth 16, with alpha
        #expect(throws: PDFError.unsupportedImage("PNG with transparency at 16 bits")) { try PDFImage(png: deep) }
    }
}

import Foundation
import PDFDocument
import Testing

/// The file's own structure: a cross-reference table that points at every object, a trailer, the
/// document information, and the same bytes for the same document.
struct PDFDocumentTests {
    static func sample(info: PDFDocument.Info = .init(title: "Surat Keterangan")) -> PDFDocument {
        var document = PDFDocument(info: info)
        document.addPage { page in
            page.text("Halaman satu", at: PDFPoint(x: 72, y: 72), font: .timesRoman, size: 12)
            page.line(from: PDFPoint(x: 72, y: 80), to: PDFPoint(x: 300, y: 80))
        }
        document.addPage { page in
            page.paragraph("Halaman dua", x: 72, y: 72, width: 200, font: .helveticaBold)
        }
        return document
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func theXrefTablePointsAtEveryObject() throws {
        let bytes = Self.sample().bytes
        let text = Self.text(bytes)
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let tableOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        #expect(Array(bytes[tableOffset..<tableOffset + 4]) == Array("xref".utf8))
        let table = Self.text(Array(bytes[tableOffset...])).split(separator: "\n")
        let count = try #require(Int(table[1].split(separator: " ")[1]))
        #expect(table[2] == "0000000000 65535 f ")
        for number in 1..<count {
            let entry = table[2 + number]
            #expect(entry.count == 19 && entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            #expect(Self.text(Array(bytes[offset..<offset + 12])).hasPrefix("\(number) 0 obj\n"))
        }
        #expect(text.contains("trailer\n<< /Size \(count) /Root 1 0 R /Info 3 0 R >>"))
        #expect(text.hasSuffix("%%EOF\n") && text.hasPrefix("%PDF-1.4\n"))
    }

    @Test func theSameDocumentGivesTheSameBytes() {
        #expect(Self.sample().bytes == Self.sample().bytes)
        #expect(!Self.text(Self.sample().bytes).contains("CreationDate"))
    }

    @Test func theInformationCarriesTitleProducerAndAGivenDate() {
        let info = PDFDocument.Info(title: "Surat Keterangan Domisili", creationDate: Date(timeIntervalSince1970: 1_796_300_000))
        let text = Self.text(Self.sample(info: info).bytes)
        #expect(text.contains("/Title (Surat Keterangan Domisili) /Producer (complaint-hub PDFDocument) /CreationDate (D:20261203121320Z)"))
    }

    @Test func eachUsedFontIsOneWinAnsiFontObject() {
        let text = Self.text(Self.sample().bytes)
        #expect(text.components(separatedBy: "/BaseFont /Times-Roman /Encoding /WinAnsiEncoding").count == 2)
        #expect(text.components(separatedBy: "/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding").count == 2)
        #expect(!text.contains("/BaseFont /Helvetica "))
    }

    @Test func chainedPagesAddUp() {
        let document = PDFDocument().page { _ in }.page { _ in }.page { _ in }
        #expect(document.pages.count == 3)
        #expect(Self.text(document.bytes).contains("/Count 3"))
    }
}

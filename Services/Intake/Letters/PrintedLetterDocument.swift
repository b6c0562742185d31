import Complaints
import PDFDocument
import QRCode

/// A finished letter as the village front office prints it, drawn by the hub's own PDF writer: the
/// letterhead (logo, the region's name and address, a double rule), the title and number, the body,
/// the signature blocks, and in the bottom corner the QR code of the verification link. A body too
/// long for one page goes on to the next. The same letter always gives the same bytes, so the
/// digest the verification page shows can be compared with a copy.
struct PrintedLetterDocument: LetterDocument {
    static let margin = PageSize.points(millimetres: 25)
    static let width = PageSize.a4.width - 2 * margin
    static let bodySize = 12.0
    static let lineHeight = 17.0
    /// Where text stops on a page, above the QR code's band.
    static let bodyBottom = PageSize.a4.height - margin - 110

    func pdf(for letter: FinishedLetter) throws -> [UInt8] {
        let qr = try QRCode(encoding: letter.verificationURL, level: .m)
        var document = PDFDocument(info: .init(title: "\(letter.typeNameID) \(letter.number)", author: letter.letterhead.name))
        var paragraphs = letter.body.components(separatedBy: "\n\n")[...]
        var first = true, signed = false
        repeat {
            document.addPage { page in
                var y = first ? Self.letterhead(letter, on: &page) : Self.margin
                while let paragraph = paragraphs.first {
                    let height = Double(StandardFont.timesRoman.lines(of: paragraph, size: Self.bodySize, width: Self.width).count)
                        * Self.lineHeight
                    // A paragraph that fits on no page is cut where the page ends rather than carried on for ever.
                    if y + height > Self.bodyBottom && y > Self.margin + Self.lineHeight { break }
                    y = page.paragraph(paragraph, x: Self.margin, y: y, width: Self.width, font: .timesRoman, size: Self.bodySize,
                                       lineHeight: Self.lineHeight, alignment: .justified) + 8
                    paragraphs.removeFirst()
                }
                if paragraphs.isEmpty, y + Self.signaturesHeight(letter) <= Self.bodyBottom || y <= Self.margin + Self.lineHeight {
                    Self.signatures(letter, from: y, on: &page)
                    signed = true
                }
                Self.verification(letter, qr: qr, on: &page)
            }
            first = false
        } while !signed
        return document.bytes
    }

    /// The letterhead, the title and the number. Returns where the body starts.
    private static func letterhead(_ letter: FinishedLetter, on page: inout PDFPage) -> Double {
        let region = letter.letterhead
        let centre = PageSize.a4.width / 2 + 30
        // The logo is decoration: one that cannot be read leaves its place empty rather than stop the letter.
        if let bytes = region.logo, let logo = try? (region.logoMediaType == "image/png" ? PDFImage(png: bytes) : PDFImage(jpeg: bytes)) {
            page.image(logo, in: PDFRect(x: margin, y: 40, width: 64, height: 64))
        }
        page.text("PEMERINTAH \(region.kind.rawValue.uppercased()) \(region.name.uppercased())", at: PDFPoint(x: centre, y: 72),
                  font: .helveticaBold, size: 15, alignment: .center)
        if let address = region.address {
            page.paragraph(address, x: centre - 170, y: 82, width: 340, font: .helvetica, size: 8.5, alignment: .center)
        }
        page.line(from: PDFPoint(x: margin, y: 116), to: PDFPoint(x: margin + width, y: 116), width: 2.2)
        page.line(from: PDFPoint(x: margin, y: 119.5), to: PDFPoint(x: margin + width, y: 119.5), width: 0.6)

        let title = letter.typeNameID.uppercased()
        let middle = PageSize.a4.width / 2
        page.text(title, at: PDFPoint(x: middle, y: 152), font: .timesBold, size: 14, alignment: .center)
        let titleWidth = StandardFont.timesBold.width(of: title, size: 14)
        page.line(from: PDFPoint(x: middle - titleWidth / 2, y: 154.5), to: PDFPoint(x: middle + titleWidth / 2, y: 154.5), width: 0.8)
        page.text("Nomor: \(letter.number)", at: PDFPoint(x: middle, y: 170), font: .timesRoman, size: 12, alignment: .center)
        return 195
    }

    /// The height `signatures` takes, so that they stay on one page.
    private static func signaturesHeight(_ letter: FinishedLetter) -> Double {
        let rows = (letter.signatures.count + 1) / 2
        let tallest = letter.signatures.map { Double($0.titleLines.count) * 15 + 44 + ($0.nip == nil ? 0 : 15) }.max() ?? 0
        return 32 + Double(rows) * (tallest + 28)
    }

    /// The place and date, then the signature blocks: the last signer's on the right, an earlier one's
    /// on the left of the same row, more in rows below.
    private static func signatures(_ letter: FinishedLetter, from top: Double, on page: inout PDFPage) {
        let columnWidth = 200.0
        let right = margin + width - columnWidth
        var y = top + 16
        page.text(letter.placeAndDate, at: PDFPoint(x: right, y: y), font: .timesRoman, size: 12)
        var blocks = letter.signatures[...]
        while let last = blocks.popLast() {
            let rowTop = y + 16
            var bottom = block(last, x: right, top: rowTop, on: &page)
            if let earlier = blocks.popLast() { bottom = max(bottom, block(earlier, x: margin, top: rowTop, on: &page)) }
            y = bottom + 12
        }
    }

    /// One signature block; returns the y below it.
    private static func block(_ block: SignatureBlock, x: Double, top: Double, on page: inout PDFPage) -> Double {
        var y = top
        for line in block.titleLines {
            page.text(line, at: PDFPoint(x: x, y: y), font: .timesRoman, size: 12)
            y += 15
        }
        page.text("Ditandatangani secara elektronik", at: PDFPoint(x: x, y: y + 8), font: .helveticaOblique, size: 8,
                  color: .gray(0.35))
        y += 44
        page.text(block.name, at: PDFPoint(x: x, y: y), font: .timesBold, size: 12)
        page.line(from: PDFPoint(x: x, y: y + 2), to: PDFPoint(x: x + StandardFont.timesBold.width(of: block.name, size: 12), y: y + 2),
                  width: 0.6)
        if let nip = block.nip {
            y += 15
            page.text("NIP \(nip)", at: PDFPoint(x: x, y: y), font: .timesRoman, size: 12)
        }
        return y
    }

    /// The QR code of the verification link in the bottom corner, with how to use it.
    private static func verification(_ letter: FinishedLetter, qr: QRCode, on page: inout PDFPage) {
        let side = qr.sideLength(moduleSize: 2, quietZone: 4)
        let origin = PDFPoint(x: margin, y: PageSize.a4.height - margin - side)
        page.fill(qr.rectangles(moduleSize: 2, quietZone: 4).map { module in
            PDFRect(x: origin.x + module.x, y: origin.y + module.y, width: module.width, height: module.height)
        })
        page.text("Pindai kode QR untuk memeriksa keaslian surat ini, atau buka:", at: PDFPoint(x: margin + side + 8, y: origin.y + 24),
                  font: .helvetica, size: 8, color: .gray(0.3))
        page.text(letter.verificationURL, at: PDFPoint(x: margin + side + 8, y: origin.y + 36), font: .helvetica, size: 7,
                  color: .gray(0.3))
    }
}

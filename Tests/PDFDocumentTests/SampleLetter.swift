import DocumentTestSupport
import Foundation
import PDFDocument
import QRCode

/// A village letter laid out the way the letters service will: letterhead with logo and rules, title,
/// number, body paragraphs, signature block, and the verification QR code in the corner. A test
/// fixture only; the product's own layout belongs to the letters service.
enum SampleLetter {
    static let verificationURL = "https://lapor.example.go.id/verify/470%2F012%2F35.03.01.2001%2F2026?c=9F3KQ2XW"
    static let body = [
        "Yang bertanda tangan di bawah ini Kepala Desa Sukamaju, Kecamatan Pogalan, Kabupaten Trenggalek, menerangkan dengan sebenarnya bahwa:",
        "Nama: Siti Nurhaliza\nNIK: 3503014101900002\nAlamat: Dusun Krajan RT 003 RW 001, Desa Sukamaju",
        "Orang tersebut di atas benar-benar penduduk Desa Sukamaju dan berdomisili di alamat tersebut sejak tahun 2015. Surat keterangan ini dibuat untuk keperluan pendaftaran sekolah anaknya dan dapat dipergunakan sebagaimana mestinya. Demikian surat keterangan ini kami buat dengan sebenar-benarnya, agar yang berkepentingan maklum — terima kasih.",
    ]

    /// The letter, with `logo` in the letterhead.
    static func document(logo: PDFImage) throws -> PDFDocument {
        let qr = try QRCode(encoding: verificationURL, level: .m)
        let margin = PageSize.points(millimetres: 25)
        let width = PageSize.a4.width - 2 * margin
        let centre = PageSize.a4.width / 2
        var document = PDFDocument(info: .init(title: "Surat Keterangan Domisili 470/012/35.03.01.2001/2026", author: "Desa Sukamaju"))
        document.addPage { page in
            page.image(logo, in: PDFRect(x: margin, y: 40, width: 64, height: 64))
            page.text("PEMERINTAH KABUPATEN TRENGGALEK", at: PDFPoint(x: centre + 30, y: 58), font: .helveticaBold, size: 13, alignment: .center)
            page.text("KECAMATAN POGALAN", at: PDFPoint(x: centre + 30, y: 75), font: .helveticaBold, size: 13, alignment: .center)
            page.text("DESA SUKAMAJU", at: PDFPoint(x: centre + 30, y: 94), font: .helveticaBold, size: 16, alignment: .center)
            page.text("Jl. Raya Sukamaju No. 1, Pogalan, Trenggalek 66371 · Telp. (0355) 791234",
                      at: PDFPoint(x: centre + 30, y: 108), font: .helvetica, size: 8.5, alignment: .center)
            page.line(from: PDFPoint(x: margin, y: 116), to: PDFPoint(x: margin + width, y: 116), width: 2.2)
            page.line(from: PDFPoint(x: margin, y: 119.5), to: PDFPoint(x: margin + width, y: 119.5), width: 0.6)

            page.text("SURAT KETERANGAN DOMISILI", at: PDFPoint(x: centre, y: 152), font: .timesBold, size: 14, alignment: .center)
            let titleWidth = StandardFont.timesBold.width(of: "SURAT KETERANGAN DOMISILI", size: 14)
            page.line(from: PDFPoint(x: centre - titleWidth / 2, y: 154.5), to: PDFPoint(x: centre + titleWidth / 2, y: 154.5), width: 0.8)
            page.text("Nomor: 470/012/35.03.01.2001/2026", at: PDFPoint(x: centre, y: 170), font: .timesRoman, size: 12, alignment: .center)

            var y = 195.0
            for (index, paragraph) in body.enumerated() {
                let indent = index == 1 ? 40.0 : 0
                y = page.paragraph(paragraph, x: margin + indent, y: y, width: width - indent, font: .timesRoman, size: 12,
                                   lineHeight: 17, alignment: index == 1 ? .left : .justified) + 8
            }

            let signatureX = margin + width - 180
            page.text("Sukamaju, 3 Desember 2026", at: PDFPoint(x: signatureX, y: y + 24), font: .timesRoman, size: 12)
            page.text("Kepala Desa Sukamaju", at: PDFPoint(x: signatureX, y: y + 40), font: .timesRoman, size: 12)
            page.text("Ditandatangani secara elektronik", at: PDFPoint(x: signatureX, y: y + 62), font: .helveticaOblique, size: 8, color: .gray(0.35))
            page.text("BAMBANG SUTRISNO, S.Sos.", at: PDFPoint(x: signatureX, y: y + 100), font: .timesBold, size: 12)
            page.line(from: PDFPoint(x: signatureX, y: y + 102), to: PDFPoint(x: signatureX + StandardFont.timesBold.width(of: "BAMBANG SUTRISNO, S.Sos.", size: 12), y: y + 102), width: 0.6)
            page.text("NIP. 19720315 199803 1 004", at: PDFPoint(x: signatureX, y: y + 116), font: .timesRoman, size: 12)

            let qrSide = qr.sideLength(moduleSize: 2, quietZone: 4)
            let qrOrigin = PDFPoint(x: margin, y: PageSize.a4.height - margin - qrSide)
            page.fill(qr.rectangles(moduleSize: 2, quietZone: 4).map { module in
                PDFRect(x: qrOrigin.x + module.x, y: qrOrigin.y + module.y, width: module.width, height: module.height)
            })
            page.paragraph("Pindai kode QR untuk memeriksa keaslian surat ini di lapor.example.go.id/verify.",
                           x: margin + qrSide + 8, y: qrOrigin.y + 20, width: 200, font: .helvetica, size: 8, color: .gray(0.3))
        }
        return document
    }

    /// A logo drawn as vectors on a small page and rendered to a colour JPEG by pdftoppm, as a
    /// letterhead's stored picture would be.
    static func logoJPEG(in folder: ScratchFolder) throws -> [UInt8] {
        let logo = PDFDocument().page(size: PageSize(width: 64, height: 64)) { page in
            page.rectangle(PDFRect(x: 0, y: 0, width: 64, height: 64), fill: .white)
            page.rectangle(PDFRect(x: 8, y: 4, width: 48, height: 44), fill: .rgb(0.05, 0.45, 0.2), stroke: .rgb(0.85, 0.65, 0.1), lineWidth: 3)
            page.rectangle(PDFRect(x: 20, y: 48, width: 24, height: 12), fill: .rgb(0.05, 0.45, 0.2))
            page.rectangle(PDFRect(x: 26, y: 12, width: 12, height: 28), fill: .rgb(0.95, 0.8, 0.2))
            page.rectangle(PDFRect(x: 16, y: 22, width: 32, height: 8), fill: .rgb(0.95, 0.8, 0.2))
        }
        let path = try folder.write(logo.bytes, named: "logo.pdf")
        let run = try ExternalTool("pdftoppm").run(["-jpeg", "-r", "288", "-singlefile", path, folder.url.appendingPathComponent("logo").path])
        guard run.status == 0 else { throw LogoFailure(message: run.errors) }
        return Array(try Data(contentsOf: folder.url.appendingPathComponent("logo.jpg")))
    }

    struct LogoFailure: Error { let message: String }
}

/// Lays a document out as PDF objects and writes them with the cross-reference table and trailer
/// (ISO 32000-1, 7.5): catalog, page tree and information first, then the fonts and images the pages
/// share, then each page with its content stream.
struct PDFFileWriter {
    let document: PDFDocument

    private static let catalog = 1, pageTree = 2, information = 3

    func write() -> [UInt8] {
        let pages = document.pages
        var fonts: [StandardFont] = []
        var images: [PDFImage] = []
        for page in pages {
            for font in page.fonts where !fonts.contains(font) { fonts.append(font) }
            for image in page.images where !images.contains(image) { images.append(image) }
        }
        let firstFont = Self.information + 1
        // each image one object, and one more for its soft mask
        var imageObjects: [Int] = []
        var next = firstFont + fonts.count
        for image in images {
            imageObjects.append(next)
            next += image.softMask == nil ? 1 : 2
        }
        let firstPage = next
        func pageObject(_ index: Int) -> Int { firstPage + index * 2 }

        var file = PDFObjectWriter()
        file.add(Self.catalog, "<< /Type /Catalog /Pages \(Self.pageTree) 0 R >>")
        let kids = pages.indices.map { "\(pageObject($0)) 0 R" }.joined(separator: " ")
        file.add(Self.pageTree, "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        file.add(Self.information, informationDictionary())
        for (index, font) in fonts.enumerated() {
            file.add(firstFont + index, "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>")
        }
        for (index, image) in images.enumerated() {
            let size = "/Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height)"
            var entries = image.dictionary.map { "/\($0.key) \($0.value)" }.joined(separator: " ")
            if image.softMask != nil { entries += " /SMask \(imageObjects[index] + 1) 0 R" }
            file.addStream(imageObjects[index], dictionary: "\(size) \(entries)", data: image.data)
            if let alpha = image.softMask {
                file.addStream(imageObjects[index] + 1, dictionary: "\(size) /ColorSpace /DeviceGray /BitsPerComponent 8", data: alpha)
            }
        }
        for (index, page) in pages.enumerated() {
            let fontEntries = page.fonts.enumerated().map { "/F\($0.offset + 1) \(firstFont + fonts.firstIndex(of: $0.element)!) 0 R" }
            let imageEntries = page.images.enumerated().map { "/Im\($0.offset + 1) \(imageObjects[images.firstIndex(of: $0.element)!]) 0 R" }
            var resources = "/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]"
            if !fontEntries.isEmpty { resources += " /Font << \(fontEntries.joined(separator: " ")) >>" }
            if !imageEntries.isEmpty { resources += " /XObject << \(imageEntries.joined(separator: " ")) >>" }
            let box = "[0 0 \(PDFSyntax.number(page.size.width)) \(PDFSyntax.number(page.size.height))]"
            file.add(pageObject(index), "<< /Type /Page /Parent \(Self.pageTree) 0 R /MediaBox \(box) /Resources << \(resources) >> /Contents \(pageObject(index) + 1) 0 R >>")
            file.addStream(pageObject(index) + 1, dictionary: "", data: Array(page.content.utf8))
        }
        return file.finish(root: Self.catalog, info: Self.information)
    }

    private func informationDictionary() -> String {
        let info = document.info
        var entries: [(String, String)] = []
        let texts: [(String, String?)] = [
            ("Title", info.title), ("Author", info.author), ("Subject", info.subject),
            ("Keywords", info.keywords), ("Creator", info.creator), ("Producer", info.producer),
        ]
        for case let (key, value?) in texts { entries.append((key, PDFSyntax.textString(value))) }
        if let date = info.creationDate {
            entries.append(("CreationDate", PDFSyntax.literal(Array(PDFSyntax.date(date).utf8))))
        }
        return "<< " + entries.map { "/\($0.0) \($0.1)" }.joined(separator: " ") + " >>"
    }
}

/// Numbered objects written in order, remembering where each starts for the cross-reference table.
struct PDFObjectWriter {
    private(set) var bytes: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
    private var offsets: [Int: Int] = [:]

    mutating func add(_ number: Int, _ body: String) {
        begin(number)
        bytes += Array(body.utf8) + Array("\nendobj\n".utf8)
    }

    mutating func addStream(_ number: Int, dictionary: String, data: [UInt8]) {
        begin(number)
        let entries = dictionary.isEmpty ? "" : dictionary + " "
        bytes += Array("<< \(entries)/Length \(data.count) >>\nstream\n".utf8)
        bytes += data
        bytes += Array("\nendstream\nendobj\n".utf8)
    }

    private mutating func begin(_ number: Int) {
        precondition(offsets[number] == nil && number == offsets.count + 1, "objects are written in order")
        offsets[number] = bytes.count
        bytes += Array("\(number) 0 obj\n".utf8)
    }

    /// The cross-reference table (20-byte entries), the trailer and the end-of-file marker.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let table = bytes.count
        var text = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for number in 1...offsets.count {
            let offset = String(offsets[number]!)
            text += String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n \n"
        }
        text += "trailer\n<< /Size \(offsets.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        bytes += Array(text.utf8)
        return bytes
    }
}

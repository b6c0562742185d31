import Complaints

/// The stand-in behind the `LetterDocument` seam until the hub's own PDF writer and QR encoder are
/// wired in: a one-page A4 PDF 1.4 in Helvetica with the letterhead, the number, the body, the
/// signature blocks and the verification link written out (no logo, no QR code). Text outside
/// Latin-1's printable ASCII is written as "?".
struct PlainLetterDocument: LetterDocument {
    func pdf(for letter: FinishedLetter) throws -> [UInt8] {
        var lines: [(size: Int, text: String)] = [
            (14, "PEMERINTAH " + letter.letterhead.kind.rawValue.uppercased() + " " + letter.letterhead.name.uppercased()),
            (10, letter.letterhead.address), (10, ""),
            (12, letter.typeNameID.uppercased()), (10, "Nomor: " + letter.number), (10, ""),
        ]
        lines += Self.wrap(letter.body, width: 92).map { (10, $0) }
        lines += [(10, ""), (10, letter.placeAndDate)]
        for block in letter.signatures {
            lines += block.titleLines.map { (10, $0) } + [(10, ""), (10, ""), (10, block.name)]
            if let nip = block.nip { lines.append((10, "NIP " + nip)) }
            lines.append((10, ""))
        }
        lines += [(8, "Verifikasi: " + letter.verificationURL)]
        var content = "BT\n"
        var y = 800
        for line in lines {
            content += "/F1 \(line.size) Tf 1 0 0 1 56 \(y) Tm (\(Self.escape(line.text))) Tj\n"
            y -= line.size + 6
        }
        content += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            output += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(output.utf8)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": escaped += "\\" + String(scalar)
            case " "..."~": escaped.unicodeScalars.append(scalar)
            default: escaped += "?"
            }
        }
        return escaped
    }

    /// Words into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return line.isEmpty ? lines : lines + [line]
    }
}

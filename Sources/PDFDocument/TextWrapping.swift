/// Breaking text into lines that fit a width: at spaces, greedily, with the fonts' own widths; a word
/// longer than the whole width is cut between characters; a line break in the text always breaks.
struct WrappedLine: Equatable {
    /// WinAnsi codes of the line, without the spaces it was broken at.
    var codes: [UInt8]
    var width: Double
    /// Whether the line ends its paragraph (a line break or the end of the text follows), which a
    /// justified paragraph leaves unstretched.
    var endsParagraph: Bool
}

extension StandardFont {
    /// The lines `text` takes at `size` points in `width` points.
    func wrap(_ text: String, size: Double, width: Double) -> [WrappedLine] {
        var lines: [WrappedLine] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let words = WinAnsi.encode(String(paragraph)).split(separator: 0x20).map(Array.init)
            var current: [UInt8] = []
            func flush(endsParagraph: Bool) {
                lines.append(WrappedLine(codes: current, width: self.width(ofCodes: current, size: size), endsParagraph: endsParagraph))
                current = []
            }
            for word in words {
                let candidate = current.isEmpty ? word : current + [0x20] + word
                if self.width(ofCodes: candidate, size: size) <= width {
                    current = candidate
                    continue
                }
                if !current.isEmpty { flush(endsParagraph: false) }
                var rest = word[...]
                while self.width(ofCodes: Array(rest), size: size) > width {
                    var take = 1
                    while take < rest.count && self.width(ofCodes: Array(rest.prefix(take + 1)), size: size) <= width {
                        take += 1
                    }
                    current = Array(rest.prefix(take))
                    flush(endsParagraph: false)
                    rest = rest.dropFirst(take)
                }
                current = Array(rest)
            }
            flush(endsParagraph: true)
        }
        return lines
    }

    /// The lines `text` takes at `size` points in `width` points, as the page would draw them
    /// (characters outside WinAnsi already replaced); for planning where a page must break.
    public func lines(of text: String, size: Double, width: Double) -> [String] {
        wrap(text, size: size, width: width).map { line in
            String(decoding: line.codes.map { WinAnsi.character(for: $0) }.joined().utf8, as: UTF8.self)
        }
    }
}

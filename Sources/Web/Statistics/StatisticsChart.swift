import Complaints
import Foundation

/// The page's charts as SVG drawn on the server: no script, no outside resource, a `<title>` and a
/// `<desc>` for screen readers (the table beside each chart holds the same numbers). Two series
/// each: received (blue) and resolved (green), with a legend.
enum StatisticsChart {
    /// One bar pair: a label and its two values.
    struct Pair {
        let label: String
        let received: Int
        let resolved: Int
    }

    static let receivedColour = "#0b5394"
    static let resolvedColour = "#38761d"
    static let width = 420.0
    static let font = 15.0

    /// Horizontal bar pairs, one row per item, the label above its bars.
    static func bars(_ pairs: [Pair], id: String, title: String, description: String, language: Language) -> String {
        let rowHeight = 46.0, top = 28.0
        let height = top + rowHeight * Double(max(pairs.count, 1)) + 4
        let largest = Double(max(pairs.map { max($0.received, $0.resolved) }.max() ?? 0, 1))
        let valueRoom = 56.0
        var body = legend(language: language)
        for (index, pair) in pairs.enumerated() {
            let y = top + rowHeight * Double(index)
            body += "<text x=\"0\" y=\"\(format(y + font))\" font-size=\"\(format(font))\">\(HTML.escape(pair.label))</text>"
            for (offset, value, colour) in [(0.0, pair.received, receivedColour), (10.0, pair.resolved, resolvedColour)] {
                let length = (width - valueRoom) * Double(value) / largest
                let barY = y + font + 5 + offset
                body += "<rect x=\"0\" y=\"\(format(barY))\" width=\"\(format(max(length, value > 0 ? 1 : 0)))\" height=\"8\" fill=\"\(colour)\"/>"
                body += "<text x=\"\(format(length + 4))\" y=\"\(format(barY + 8))\" font-size=\"\(format(font - 2))\">"
                    + "\(StatisticsNumbers.whole(value, language))</text>"
            }
        }
        return svg(id: id, height: height, title: title, description: description, body: body)
    }

    /// Vertical bar pairs over time, one pair per week, with a scale on the left.
    static func weeks(_ pairs: [Pair], id: String, title: String, description: String, language: Language) -> String {
        let left = 40.0, top = 28.0, plotHeight = 150.0, bottom = 24.0
        let height = top + plotHeight + bottom
        let largest = max(pairs.map { max($0.received, $0.resolved) }.max() ?? 0, 1)
        let scale = niceCeiling(largest)
        let slot = (width - left) / Double(max(pairs.count, 1))
        var body = legend(language: language)
        for step in 0...2 {
            let value = scale * step / 2
            let y = top + plotHeight - plotHeight * Double(value) / Double(scale)
            body += "<line x1=\"\(format(left))\" y1=\"\(format(y))\" x2=\"\(format(width))\" y2=\"\(format(y))\" stroke=\"#ccc\"/>"
            body += "<text x=\"\(format(left - 4))\" y=\"\(format(y + 4))\" font-size=\"\(format(font - 2))\" text-anchor=\"end\">"
                + "\(StatisticsNumbers.whole(value, language))</text>"
        }
        let every = max(1, Int((Double(pairs.count) / 6).rounded(.up)))
        for (index, pair) in pairs.enumerated() {
            let x = left + slot * Double(index)
            let barWidth = max(slot * 0.38, 1)
            for (offset, value, colour) in [(slot * 0.1, pair.received, receivedColour), (slot * 0.1 + barWidth, pair.resolved, resolvedColour)] {
                let barHeight = plotHeight * Double(value) / Double(scale)
                body += "<rect x=\"\(format(x + offset))\" y=\"\(format(top + plotHeight - barHeight))\" width=\"\(format(barWidth))\" "
                    + "height=\"\(format(barHeight))\" fill=\"\(colour)\"/>"
            }
            if index % every == 0 {
                body += "<text x=\"\(format(x + slot * 0.1))\" y=\"\(format(top + plotHeight + 16))\" font-size=\"\(format(font - 2))\">"
                    + "\(HTML.escape(pair.label))</text>"
            }
        }
        return svg(id: id, height: height, title: title, description: description, body: body)
    }

    static func legend(language: Language) -> String {
        var legend = ""
        for (x, label, colour) in [(0.0, StatisticsStrings.received.text(language), receivedColour),
                                   (140.0, StatisticsStrings.resolved.text(language), resolvedColour)] {
            legend += "<rect x=\"\(format(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            legend += "<text x=\"\(format(x + 16))\" y=\"15\" font-size=\"\(format(font))\">\(HTML.escape(label))</text>"
        }
        return legend
    }

    static func svg(id: String, height: Double, title: String, description: String, body: String) -> String {
        """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(height))" role="img" \
        aria-labelledby="\(id)-title \(id)-desc"><title id="\(id)-title">\(HTML.escape(title))</title>\
        <desc id="\(id)-desc">\(HTML.escape(description))</desc>\(body)</svg>
        """
    }

    /// 2, 4 or 10 times a power of ten, at least `value` (even, so that half of it is whole).
    static func niceCeiling(_ value: Int) -> Int {
        var power = 1
        while true {
            for factor in [2, 4, 10] where factor * power >= value { return factor * power }
            power *= 10
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

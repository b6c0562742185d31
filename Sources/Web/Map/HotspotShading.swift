/// Shades counts in five steps, from none to the most: the map's fills and its legend agree because
/// both come from here.
public struct HotspotShading: Sendable, Equatable {
    /// Light to dark; the first is for zero.
    public static let colours = ["#f7f7f7", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"]
    /// The smallest count of each step after zero (ascending, distinct).
    public let thresholds: [Int]

    /// Steps that split 1...max into up to four ranges of similar width.
    public init(max: Int) {
        var steps: [Int] = []
        if max > 0 {
            for k in 0..<4 {
                let lower = 1 + (max * k) / 4
                if steps.last.map({ lower > $0 }) ?? true { steps.append(lower) }
            }
        }
        thresholds = steps
    }

    /// The fill of a count.
    public func colour(_ count: Int) -> String {
        guard count > 0 else { return Self.colours[0] }
        let step = thresholds.lastIndex { count >= $0 } ?? 0
        return Self.colours[min(step + 1, Self.colours.count - 1)]
    }

    /// The legend's ranges: the colour and the counts it stands for ("0", "1–3", "10+").
    public func ranges(max: Int) -> [(colour: String, label: String)] {
        var ranges = [(Self.colours[0], "0")]
        for (index, lower) in thresholds.enumerated() {
            let upper = index + 1 < thresholds.count ? thresholds[index + 1] - 1 : max
            ranges.append((Self.colours[index + 1], lower == upper ? "\(lower)" : "\(lower)–\(upper)"))
        }
        return ranges
    }
}

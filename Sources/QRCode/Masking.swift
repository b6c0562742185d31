/// The eight data masks (ISO/IEC 18004, 7.8.2, Table 10) and the penalty that chooses among them
/// (7.8.3, Table 11): long runs of one colour, 2x2 blocks, finder-like 1:1:3:1:1 patterns with four
/// light modules on one side, and a dark share far from half.
extension ModuleGrid {
    /// Whether mask `pattern` inverts the module in row `y`, column `x`.
    static func inverts(_ pattern: Int, x: Int, y: Int) -> Bool {
        switch pattern {
        case 0: return (y + x) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (y + x) % 3 == 0
        case 4: return (y / 2 + x / 3) % 2 == 0
        case 5: return (y * x) % 2 + (y * x) % 3 == 0
        case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: return ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Inverts every data module the mask selects; applying it twice undoes it.
    mutating func apply(mask pattern: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction(x: x, y: y) && Self.inverts(pattern, x: x, y: y) {
                self[x, y].toggle()
            }
        }
    }

    /// The penalty score of the symbol as it stands; the mask with the lowest wins.
    var penalty: Int {
        var score = 0
        for index in 0..<size {
            let row = (0..<size).map { self[$0, index] }
            let column = (0..<size).map { self[index, $0] }
            score += Self.runPenalty(row) + Self.finderLikePenalty(row)
            score += Self.runPenalty(column) + Self.finderLikePenalty(column)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = self[x, y]
                if self[x + 1, y] == colour && self[x, y + 1] == colour && self[x + 1, y + 1] == colour {
                    score += 3
                }
            }
        }
        let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
        let total = size * size
        score += abs(darkCount * 20 - total * 10) / total * 10
        return score
    }

    /// N1: 3 for a run of five modules of one colour, one more for each module beyond.
    private static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        for (index, module) in line.enumerated() {
            runLength = index > 0 && line[index - 1] == module ? runLength + 1 : 1
            if runLength == 5 { score += 3 } else if runLength > 5 { score += 1 }
        }
        return score
    }

    private static let finderLike: [Bool] = [true, false, true, true, true, false, true]

    /// N3: 40 for each dark-light-dark-dark-dark-light-dark run with four light modules before or
    /// after it; the quiet zone beyond the symbol counts as light.
    private static func finderLikePenalty(_ line: [Bool]) -> Int {
        func isLight(_ range: Range<Int>) -> Bool {
            range.allSatisfy { $0 < 0 || $0 >= line.count || !line[$0] }
        }
        var score = 0
        for start in 0...(line.count - 7) where (0..<7).allSatisfy({ line[start + $0] == finderLike[$0] }) {
            if isLight(start - 4..<start) || isLight(start + 7..<start + 11) { score += 40 }
        }
        return score
    }
}

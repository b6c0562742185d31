// Ways of cutting and hashing fuzz inputs, and the input-seeded random source. Compiled with
// RequestParserFuzzer.swift by scripts/fuzz.

func slices(_ bytes: [UInt8], at cuts: [Int]) -> [ArraySlice<UInt8>] {
    var pieces: [ArraySlice<UInt8>] = []
    var from = 0
    for cut in cuts where cut > from && cut < bytes.count {
        pieces.append(bytes[from..<cut])
        from = cut
    }
    pieces.append(bytes[from...])
    return pieces
}

/// The longest CRLF-terminated line, without its CRLF (an empty range at 0 when there is none).
func longestLine(_ bytes: [UInt8]) -> Range<Int> {
    var best = 0..<0
    var lineStart = 0
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 13 && bytes[i + 1] == 10 {
            if i - lineStart > best.count { best = lineStart..<i }
            lineStart = i + 2
            i += 1
        }
        i += 1
    }
    return best
}

/// The index of the CR of the input's last CRLF.
func lastCRLF(_ bytes: [UInt8]) -> Int? {
    var i = bytes.count - 2
    while i >= 0 {
        if bytes[i] == 13 && bytes[i + 1] == 10 { return i }
        i -= 1
    }
    return nil
}

func nthIndex(of byte: UInt8, in bytes: [UInt8], n: Int) -> Int? {
    var seen = 0
    for (i, b) in bytes.enumerated() where b == byte {
        if seen == n { return i }
        seen += 1
    }
    return nil
}

func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}

/// A tiny deterministic generator, so each input always makes the same choices (reproducible crashes).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    /// A value in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}

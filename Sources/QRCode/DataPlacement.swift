/// Codeword placement (ISO/IEC 18004, 7.7.3): two-module-wide columns from the right, upwards then
/// downwards in turn, skipping the vertical timing pattern and every function module; bits that find
/// no codeword (the remainder bits) stay light.
extension ModuleGrid {
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var next = 0
        var upward = true
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1) where !isFunction(x: x, y: y) {
                    if next < bitCount {
                        self[x, y] = (codewords[next >> 3] >> (7 - (next & 7))) & 1 == 1
                        next += 1
                    }
                }
            }
            upward.toggle()
            right -= 2
        }
    }
}

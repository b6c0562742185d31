/// Reed-Solomon error correction over GF(256) with the field polynomial x^8 + x^4 + x^3 + x^2 + 1
/// (ISO/IEC 18004, 7.5.2): the error correction codewords are the remainder of the data, times x^n,
/// divided by the generator polynomial (x - α^0)(x - α^1)...(x - α^(n-1)).
struct ReedSolomon {
    /// The generator's coefficients below its leading 1, highest power first.
    let generator: [UInt8]

    init(degree: Int) {
        var coefficients: [UInt8] = [1]     // highest power first, leading coefficient included
        var root: UInt8 = 1
        for _ in 0..<degree {
            var next = coefficients + [0]
            for index in coefficients.indices {
                next[index + 1] ^= Galois.multiply(coefficients[index], root)
            }
            coefficients = next
            root = Galois.multiply(root, 2)
        }
        generator = Array(coefficients.dropFirst())
    }

    /// The error correction codewords of a block of data codewords.
    func remainder(of data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in generator.indices {
                remainder[index] ^= Galois.multiply(generator[index], factor)
            }
        }
        return remainder
    }
}

/// Arithmetic in GF(256) modulo 0x11D.
enum Galois {
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product = 0
        var x = Int(a)
        var y = Int(b)
        while y != 0 {
            if y & 1 != 0 { product ^= x }
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
            y >>= 1
        }
        return UInt8(product)
    }
}

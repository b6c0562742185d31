/// Real photos for the end-to-end tests, small enough to inline: the hub parses every photo it
/// stores, so a signature followed by filler is refused.
public enum SamplePhotos {
    /// A 4×2 RGB PNG: IHDR, IDAT, IEND.
    public static let png = bytes(hex: """
        89504e470d0a1a0a0000000d4948445200000004000000020802000000f0caea340000002349444154789c6360b0a9d8f241\
        2763c9039988290c290bee48844c38c3e1d2b0e707008dba0ba12f4878480000000049454e44ae426082
        """)

    /// A 16×8 greyscale baseline JPEG: SOI, APP0 JFIF (no thumbnail), DQT, SOF0, DHT ×2, SOS, scan, EOI.
    public static let jpeg = bytes(hex: """
        ffd8ffe000104a46494600010100000100010000ffdb0043001b12141714111b1716171e1c1b2028422b28252528513a3d30\
        42605565645f555d5b6a7899816a7190735b5d85b586909ea3abadab6780bcc9baa6c799a8aba4ffc0000b08000800100101\
        1100ffc4001500010100000000000000000000000000000405ffc40020100001030207000000000000000000000003000221\
        0105041522317281d1ffda0008010100003f0015bc1b42b18a3e5f6e795b047681f2af935e97ffd9
        """)

    /// Bytes from hexadecimal digits; anything else in `hex` is skipped.
    public static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.filter(\.isHexDigit).utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
    }
}

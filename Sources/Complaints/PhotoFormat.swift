/// The image formats a photo may have, recognised by their bytes (never by a name or a declared type).
public enum PhotoFormat: String, Sendable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"

    /// Largest photo accepted, in bytes (5 MB).
    public static let maxBytes = 5 * 1024 * 1024
    /// Most photos per complaint.
    public static let maxPerComplaint = 3

    /// Recognises a format from the leading bytes; nil for anything else.
    public init?(sniffing bytes: [UInt8]) {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF {
            self = .jpeg
        } else if bytes.count >= 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.count >= 12, bytes[0..<4].elementsEqual(Array("RIFF".utf8)), bytes[8..<12].elementsEqual(Array("WEBP".utf8)) {
            self = .webp
        } else {
            return nil
        }
    }
}

/// Why a photo was refused.
public enum PhotoProblem: String, Error, Sendable {
    case notAnImage = "photo_not_an_image"
    case tooLarge = "photo_too_large"
    case tooMany = "too_many_photos"

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.notAnImage, .id): return "Foto harus berformat JPEG, PNG, atau WebP."
        case (.notAnImage, .en): return "Photos must be JPEG, PNG or WebP images."
        case (.tooLarge, .id): return "Setiap foto paling besar 5 MB."
        case (.tooLarge, .en): return "Each photo may be at most 5 MB."
        case (.tooMany, .id): return "Paling banyak 3 foto."
        case (.tooMany, .en): return "At most 3 photos."
        }
    }
}

/// A photo checked and ready to store.
public struct Photo: Sendable, Equatable {
    public let format: PhotoFormat
    public let bytes: [UInt8]

    /// Checks the bytes and strips location metadata (JPEG Exif/XMP segments) before storing.
    /// - Throws: `PhotoProblem`.
    public init(bytes: [UInt8]) throws {
        guard bytes.count <= PhotoFormat.maxBytes else { throw PhotoProblem.tooLarge }
        guard let format = PhotoFormat(sniffing: bytes) else { throw PhotoProblem.notAnImage }
        self.format = format
        self.bytes = format == .jpeg ? JPEGMetadata.stripped(bytes) : bytes
    }
}

/// Removes APP1 segments (Exif, which carries GPS coordinates, and XMP) from a JPEG, so a photo
/// taken at home does not publish where the reporter lives.
enum JPEGMetadata {
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > 4 else { return bytes }
        var out: [UInt8] = [0xFF, 0xD8]
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            // Start of scan: the entropy-coded data follows; copy the rest unchanged.
            if marker == 0xDA { break }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return bytes }
            if marker != 0xE1 { out.append(contentsOf: bytes[index..<(index + 2 + length)]) }
            index += 2 + length
        }
        out.append(contentsOf: bytes[index...])
        return out
    }
}

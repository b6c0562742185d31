/// The image formats a photo may have, recognised by their bytes (never by a name or a declared type).
public enum PhotoFormat: String, Sendable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"

    /// Largest photo accepted, in bytes (5 MB).
    public static let maxBytes = 5 * 1024 * 1024

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
    case unreadable = "photo_unreadable"
    case tooLarge = "photo_too_large"
    case tooMany = "too_many_photos"

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.notAnImage, .id): return "Foto harus berformat JPEG, PNG, atau WebP."
        case (.notAnImage, .en): return "Photos must be JPEG, PNG or WebP images."
        case (.unreadable, .id): return "Foto rusak atau tidak lengkap. Kirim ulang berkas aslinya."
        case (.unreadable, .en): return "The photo is damaged or incomplete. Send the original file again."
        case (.tooLarge, .id): return "Setiap foto paling besar 5 MB."
        case (.tooLarge, .en): return "Each photo may be at most 5 MB."
        case (.tooMany, .id): return "Paling banyak \(PhotoAllowance.perComplaint) foto."
        case (.tooMany, .en): return "At most \(PhotoAllowance.perComplaint) photos."
        }
    }
}

/// A photo checked and ready to store: reduced to what is needed to display it, so the place, the
/// owner's name and the device a phone writes into its metadata are never stored or published.
public struct Photo: Sendable, Equatable {
    public let format: PhotoFormat
    public let bytes: [UInt8]

    /// Checks the bytes and rewrites them without metadata (see the format's sanitizer).
    /// - Throws: `PhotoProblem`: `tooLarge`, `notAnImage` for another format, `unreadable` for bytes
    ///   of a known format that do not parse (truncated, bad lengths or checksums, data after the end).
    public init(bytes: [UInt8]) throws {
        guard bytes.count <= PhotoFormat.maxBytes else { throw PhotoProblem.tooLarge }
        guard let format = PhotoFormat(sniffing: bytes) else { throw PhotoProblem.notAnImage }
        do {
            self.bytes = try format.sanitize(bytes).bytes
        } catch {
            throw PhotoProblem.unreadable
        }
        self.format = format
    }
}

extension PhotoFormat {
    /// The image rewritten to what is needed to display it.
    /// - Throws: `PhotoDefect` when the bytes do not parse as this format.
    func sanitize(_ bytes: [UInt8]) throws(PhotoDefect) -> SanitizedImage {
        switch self {
        case .jpeg: return try JPEGSanitizer.sanitize(bytes)
        case .png: return try PNGSanitizer.sanitize(bytes)
        case .webp: return try WebPSanitizer.sanitize(bytes)
        }
    }
}

/// Why the bytes of a photo could not be read as the image they claim to be. A photo with any of
/// these is refused whole (400 `photo_unreadable`): what cannot be parsed cannot be stripped either.
public enum PhotoDefect: Error, Equatable, Sendable {
    /// The leading bytes are not the format's signature.
    case wrongSignature
    /// The bytes end before the image does (a segment, chunk or scan is cut off, or the end marker is missing).
    case truncated
    /// A length field that cannot be right (too small for its content, or beyond what the format allows).
    case badLength
    /// A PNG chunk whose CRC does not match its type and data.
    case badChecksum
    /// Bytes after the image's end (PNG after IEND, WebP beyond the RIFF size).
    case trailingData
    /// A header (JPEG frame or scan, PNG IHDR, WebP VP8X or bitstream) with impossible values.
    case badHeader
    /// A JPEG marker that has no place where it stands (a second SOI, a restart outside a scan, a reserved code).
    case unexpectedMarker(UInt8)
    /// A PNG chunk a decoder must understand but that the format does not define.
    case unknownCriticalChunk
    /// A segment or chunk in a place the format forbids (IHDR not first, PLTE after IDAT, a split IDAT run, a second frame).
    case outOfOrder
    /// No image data: a JPEG without a frame or scan, a PNG without IDAT, a WebP without a bitstream.
    case missingImageData
}

/// An image reduced to what is needed to display it, with the dimensions its header declares.
struct SanitizedImage: Equatable, Sendable {
    let bytes: [UInt8]
    let width: Int
    let height: Int
}

/// Why a text cannot become a QR code.
public enum QRCodeError: Error, Equatable, Sendable {
    /// The text needs more data codewords than version 40 holds at the level asked for.
    case tooLong(dataBits: Int, level: ErrorCorrectionLevel)
    /// The mode asked for cannot encode this text (alphanumeric holds 0-9, A-Z, space and $%*+-./: only).
    case notEncodable(Mode)
    /// A version outside 1...40 or a mask outside 0...7 was asked for.
    case invalidParameter(String)
}

/// Why the writer refuses something it was given.
public enum PDFError: Error, Equatable, Sendable {
    /// The bytes are not an image of the kind named, or one the writer cannot place (the reason says which).
    case unsupportedImage(String)
}

/// How many photos one complaint, or one action's after-photos, may carry: the one rule every entry
/// point (the submission form and JSON, the staff page and JSON, the store) checks.
public enum PhotoAllowance {
    /// Most photos per complaint, and per action that carries after-photos.
    public static let perComplaint = 3

    /// Whether `count` photos fit the allowance.
    public static func admits(_ count: Int) -> Bool { count <= perComplaint }

    /// Checks the count before any photo is read, then reads and checks each one.
    /// - Parameter bytes: an item's bytes (a multipart part, a decoded base64 string); its own error passes through.
    /// - Throws: `PhotoProblem.tooMany` past the allowance (no item read), else the first item's
    ///   error or `PhotoProblem`.
    public static func photos<Item>(_ items: [Item], bytes: (Item) throws -> [UInt8]) throws -> [Photo] {
        guard admits(items.count) else { throw PhotoProblem.tooMany }
        return try items.map { try Photo(bytes: bytes($0)) }
    }

    /// `photos(_:bytes:)` for items that are bytes already.
    public static func photos(_ items: [[UInt8]]) throws -> [Photo] { try photos(items) { $0 } }
}

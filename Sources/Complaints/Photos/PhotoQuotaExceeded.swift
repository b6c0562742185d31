/// A client address has stored its day's allowance of photo bytes: the submission or action that
/// carried more photos is refused whole, nothing of it stored.
public struct PhotoQuotaExceeded: Error, Sendable, Equatable {
    /// The allowance per address per day.
    public let bytesPerDay: Int

    public init(bytesPerDay: Int) {
        self.bytesPerDay = bytesPerDay
    }

    /// The status of the refusal: the client is sending too much, and may try again tomorrow.
    public static let status = 429
    public static let code = "photo_quota_exceeded"

    public func message(_ language: Language) -> String {
        let megabytes = max(1, bytesPerDay / (1024 * 1024))
        switch language {
        case .id:
            return "Batas foto harian dari alamat Anda (\(megabytes) MB) sudah tercapai. Kirim tanpa foto atau coba lagi besok."
        case .en:
            return "The daily photo allowance of your address (\(megabytes) MB) is used up. Send without photos or try again tomorrow."
        }
    }
}

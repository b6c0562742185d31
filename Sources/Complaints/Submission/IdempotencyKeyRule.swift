/// What a client's key for a retried submission may be (the API's `Idempotency-Key` header, the
/// form's token, an SMS gateway's message id): 1 to 200 visible ASCII characters.
public enum IdempotencyKeyRule {
    public static func admits(_ key: String) -> Bool {
        (1...200).contains(key.utf8.count) && key.utf8.allSatisfy { $0 > 32 && $0 < 127 }
    }
}

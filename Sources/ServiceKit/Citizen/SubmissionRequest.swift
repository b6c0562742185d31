import Complaints

/// A citizen's submission as its route read it, from a JSON body or an HTML form: the complaint, what
/// reading it already found wrong, and the client's key for a retry. Both routes hand the same value
/// to intake's one submission use case.
public struct SubmissionRequest: Sendable, Equatable {
    public var submission: ComplaintSubmission
    /// Problems found while reading (a form's unreadable coordinates); the rest are found on storing.
    public var problems: [SubmissionProblem]
    /// A photo refused by its bytes or their count (nothing of the photos is kept then).
    public var photoProblem: PhotoProblem?
    /// The client's key for a retried submission (the API's Idempotency-Key, the form's token).
    public var idempotencyKey: String?

    public init(submission: ComplaintSubmission, problems: [SubmissionProblem] = [], photoProblem: PhotoProblem? = nil,
                idempotencyKey: String? = nil) {
        self.submission = submission
        self.problems = problems
        self.photoProblem = photoProblem
        self.idempotencyKey = idempotencyKey
    }

    /// Reads the photos, keeping their problem instead of the photos when one is refused.
    /// - Throws: what `bytes` throws.
    mutating func read<Item>(photos items: [Item], bytes: (Item) throws -> [UInt8]) throws {
        do {
            submission.photos = try PhotoAllowance.photos(items, bytes: bytes)
        } catch let problem as PhotoProblem {
            photoProblem = problem
        }
    }
}

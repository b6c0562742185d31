/// A submission checked against every rule (`ComplaintSubmission.problems(knownCategories:)`): the
/// only kind the store accepts, so nothing unchecked is stored.
public struct ValidSubmission: Sendable, Equatable {
    public let submission: ComplaintSubmission

    /// - Parameter knownCategories: the routed categories and their subcategories, as stored.
    /// - Throws: `InvalidSubmission` with every problem found.
    public init(_ submission: ComplaintSubmission, knownCategories: [String: Set<String>]) throws(InvalidSubmission) {
        let problems = submission.problems(knownCategories: knownCategories)
        guard problems.isEmpty else { throw InvalidSubmission(problems: problems) }
        self.submission = submission
    }
}

/// Why a submission was refused: every problem found, in the order checked.
public struct InvalidSubmission: Error, Sendable, Equatable {
    public let problems: [SubmissionProblem]

    public init(problems: [SubmissionProblem]) { self.problems = problems }
}

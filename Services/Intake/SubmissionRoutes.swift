import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// `POST /api/v1/complaints` (JSON) and `POST /complaints` (the HTML form, urlencoded or multipart):
/// validate, then store the complaint, its photos, its first event and its message to the owning
/// module in one transaction, then answer. A repeated idempotency key or form token answers with the
/// complaint the first submission created.
struct SubmissionRoutes: Sendable {
    let pool: PostgresPool
    /// Where the stored complaint is written (its primary) and whether the answer tells the client the
    /// position its commit reached (`WrittenPosition`: when public reads may go to a replica).
    let reads: ReadPool
    let logger: Logger
    /// Photo bytes each client address may store per day.
    let quota: PhotoQuota
    /// How reporters are told here: what a refused form, shown again, promises.
    var notices: NoticeChannels = .none

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints") { request in try routes.submitJSON(request) }
        router.post("/complaints", options: .uploads) { request in try routes.submitForm(request) }
        return router
    }

    /// Checks a submission against the routed categories and stores it, retrying once when a concurrent twin with the same idempotency key
    /// committed first (the retry then finds and replays it).
    /// - Parameters:
    ///   - address: the client the photos are charged to (`HTTPRequest.clientAddress`).
    ///   - readingView: read the case's public view in the COMMIT's round trip.
    ///   - recording: more writes for the submission's transaction (the desk's audit record), made only
    ///     when the complaint is new.
    /// - Throws: `InvalidSubmission` or `PhotoQuotaExceeded` (nothing stored) when the submission breaks
    ///   a rule or the photos pass the address's allowance.
    func store(_ submission: ComplaintSubmission, from address: String, idempotency: ComplaintStore.IdempotencyKey?,
               readingView: Bool = false, recording: ((PostgresConnection, ComplaintStore.Receipt) throws -> Void)? = nil)
        throws -> (receipt: ComplaintStore.Receipt, view: PublicCase?, written: WALPosition?) {
        do {
            let (receipt, rows, written) = try CheckedSubmission.transaction(on: reads, { connection in
                let receipt = try CheckedSubmission.submit(submission, idempotency: idempotency, on: connection)
                if !receipt.replayed {
                    try quota.charge(submission.photos, to: address, on: connection)
                    try recording?(connection, receipt)
                }
                return receipt
            }, thenReading: { receipt, batch in
                if readingView { PublicCase.queueLoad(receipt.trackingCode.value, into: &batch) }
            })
            return (receipt, readingView ? try PublicCase.loaded(from: rows) : nil, written)
        } catch {
            throw quota.refusal(for: error) ?? error
        }
    }

    /// Why a submission was or was not stored.
    enum Outcome {
        /// The stored complaint, with its public view when it was asked for, and the position its
        /// commit reached when public reads may go to a replica.
        case stored(ComplaintStore.Receipt, PublicCase?, WALPosition?)
        case refused(SubmissionRefusal)
        /// The client's key came before with another complaint.
        case keyReused
    }

    /// The submission use case, whichever route read the request: refuse what reading found wrong,
    /// else store the complaint under the client's key (scoped to the channel).
    /// - Parameters:
    ///   - address: the client the photos are charged to.
    ///   - recording: more writes for the submission's transaction, made only when the complaint is new.
    func submit(_ request: SubmissionRequest, from address: String, readingView: Bool = false,
                recording: ((PostgresConnection, ComplaintStore.Receipt) throws -> Void)? = nil) throws -> Outcome {
        if !request.problems.isEmpty || request.photoProblem != nil {
            return .refused(SubmissionRefusal(problems: request.problems, photos: request.photoProblem.map { .problem($0) }))
        }
        let channel = request.submission.channel
        let key = ComplaintStore.IdempotencyKey(scope: channel == .web ? "form" : channel.rawValue, key: request.idempotencyKey)
        do {
            let stored = try store(request.submission, from: address, idempotency: key, readingView: readingView, recording: recording)
            return .stored(stored.receipt, stored.view, stored.written)
        } catch let invalid as InvalidSubmission {
            return .refused(SubmissionRefusal(problems: invalid.problems))
        } catch ComplaintStore.SubmitError.idempotencyKeyReused {
            return .keyReused
        } catch let exceeded as PhotoQuotaExceeded {
            return .refused(SubmissionRefusal(photos: .quotaExceeded(exceeded)))
        }
    }

    func submitJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        try answerJSON(request, channel: .api)
    }

    /// A JSON submission from any channel that speaks JSON (the API, the walk-in desk): 201 with the
    /// public view, or the refusal.
    func answerJSON(_ request: HTTPRequest, channel: Channel,
                    recording: ((PostgresConnection, ComplaintStore.Receipt) throws -> Void)? = nil) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        var read = try SubmissionRequest(json: try request.jsonBody(), channel: channel,
                                         idempotencyKey: request.headers["Idempotency-Key"])
        read.submission.language = language
        switch try submit(read, from: request.clientAddress, readingView: true, recording: recording) {
        case .stored(let receipt, let view, let written):
            guard let view else { throw HTTPError(500, "internal_error", "stored complaint not found") }
            guard case .object(var object) = view.json(language: language) else { preconditionFailure("a view is an object") }
            object["tracking_url"] = .string("/track/\(view.trackingCode)")
            var response = HTTPResponse.json(.object(object), status: 201)
            response.headers.add("Location", "/api/v1/complaints/\(view.trackingCode)")
            if receipt.replayed { response.headers.add("Idempotent-Replayed", "true") }
            response.remember(written)
            return response
        case .refused(let refusal):
            return refusal.jsonResponse(language: language)
        case .keyReused:
            throw Refusal.idempotencyKeyReused()
        }
    }

    /// The HTML form: 303 to the new complaint's tracking page, or the form again, filled in, with the
    /// refusal beside its fields.
    func submitForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let (fields, photos) = try request.formSubmission(fileField: "photos")
        var read = SubmissionRequest(form: fields, photos: photos)
        read.submission.language = language
        var outcome = try submit(read, from: request.clientAddress)
        if case .keyReused = outcome {
            // The page was reused (back button) and edited: the edit is a complaint of its own.
            read.idempotencyKey = nil
            outcome = try submit(read, from: request.clientAddress)
        }
        switch outcome {
        case .stored(let receipt, _, let written):
            // The tracking page the citizen lands on reads their complaint wherever it is already there.
            return HTTPResponse.redirect(to: "/track/\(receipt.trackingCode.value)\(language == .en ? "?new=1&lang=en" : "?new=1")")
                .remembering(written)
        case .refused(let refusal):
            let (categories, areas) = try pool.withConnection { (try CategoryStore.all($0), try RegionStore.directory(on: $0)) }
            let page = ComplaintFormPage.render(categories: categories.map { CategoryChoice($0, language: language) }, language: language,
                                                values: SubmissionRequest.formValues(fields), errors: refusal.messages(language),
                                                formToken: FormToken.generate(), notices: notices, areas: areas)
            return .html(page, status: refusal.status)
        case .keyReused:
            throw Refusal.idempotencyKeyReused()  // not reached: the second try carries no key
        }
    }
}

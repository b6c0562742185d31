import Complaints
import Foundation
import HTTP
import HubStore
import Postgres

/// The service-request resources: list, one, token, and submission.
extension Open311Routes {
    func listRequests(_ request: HTTPRequest, _ format: Open311Format) throws -> HTTPResponse {
        let items = try reads.withConnection(for: request) { connection -> [Open311Case] in
            let codes = Set(try CategoryStore.all(connection).map(\.code))
            switch try Open311RequestQuery.parse(request.queryItems, serviceCodes: codes, now: Date(),
                                                 dateTime: settings.dateTime) {
            case .ids(let ids): return try Open311Store.cases(ids: Array(ids.prefix(Open311RequestQuery.maxResults)), on: connection)
            case .filter(let filter): return try Open311Store.cases(matching: filter, on: connection)
            }
        }
        return format.response(Open311RequestView.document(items, dateTime: settings.dateTime,
                                                              site: settings.site))
    }

    func showRequest(_ request: HTTPRequest, _ id: String, _ format: Open311Format) throws -> HTTPResponse {
        guard let number = Int64(pathParameter: id),
              let item = try reads.lookup(for: request, { try Open311Store.find(id: number, on: $0) }) else {
            throw Open311Error.notFound("service_request_id \(id) was not found")
        }
        return format.response(Open311RequestView.document([item], dateTime: settings.dateTime,
                                                              site: settings.site))
    }

    func showToken(_ request: HTTPRequest, _ token: String, _ format: Open311Format) throws -> HTTPResponse {
        guard let code = TrackingCode(parsing: token)?.value,
              let item = try reads.lookup(for: request, { try Open311Store.find(token: code, on: $0) }) else {
            throw Open311Error.notFound("token \(token) was not found")
        }
        return format.response(Open311RequestView.token(item))
    }

    /// `POST requests`: api_key (403), service_code (400 missing, 404 unknown), then the form (400),
    /// then one transaction that stores the complaint as every other channel does.
    func submit(_ request: HTTPRequest, _ format: Open311Format) throws -> HTTPResponse {
        if !request.body.isEmpty && request.mediaType != "application/x-www-form-urlencoded" {
            throw Open311Error.badRequest("send the request as application/x-www-form-urlencoded")
        }
        // Body fields first, so they win over the same names in the query string (where some
        // clients put api_key).
        let fields = try request.formFields() + request.queryItems
        guard settings.accepts(apiKey: Open311SubmissionForm.first("api_key", in: fields)) else {
            throw Open311Error(403, "api_key was not provided or is not valid")
        }
        guard let code = Open311SubmissionForm.first("service_code", in: fields)?.trimmingCharacters(in: .whitespaces),
              !code.isEmpty else {
            throw Open311Error.badRequest("service_code was not provided")
        }
        let parsed = try Open311SubmissionForm.parse(fields, service: try service(code))
        let key = request.headers["Idempotency-Key"]
        let idempotency = ComplaintStore.IdempotencyKey(scope: "open311", key: key)
        if key != nil && idempotency == nil {
            throw Open311Error.badRequest("Idempotency-Key must be 1 to 200 visible ASCII characters")
        }
        let stored: (receipt: ComplaintStore.Receipt, item: Open311Case, written: WALPosition?)
        do {
            stored = try store(parsed, idempotency: idempotency)
        } catch let invalid as InvalidSubmission {
            throw Self.refusal(invalid.problems)
        } catch ComplaintStore.SubmitError.idempotencyKeyReused {
            throw Open311Error.badRequest("this Idempotency-Key was used for a different request")
        }
        let item = stored.item
        var response = format.response(Open311RequestView.created(item, joined: stored.receipt.joined != nil), status: 201)
        response.headers.add("Location", "/open311/v2/requests/\(item.requestID).\(format.rawValue)")
        response.remember(stored.written)
        return response
    }

    /// The 400 for a submission that breaks the rules, naming each problem.
    private static func refusal(_ problems: [SubmissionProblem]) -> Open311Error {
        let messages = problems.compactMap(Open311SubmissionForm.message)
        return Open311Error(400, messages.isEmpty ? ["the request was refused"] : messages)
    }

    /// One transaction (again if a concurrent twin took the key first): the complaint as every
    /// channel stores it, plus what only Open311 sends.
    private func store(_ parsed: Open311Submission, idempotency: ComplaintStore.IdempotencyKey?) throws
        -> (receipt: ComplaintStore.Receipt, item: Open311Case, written: WALPosition?) {
        let (receipt, rows, written) = try CheckedSubmission.transaction(on: reads, { connection in
            try CheckedSubmission.submit(parsed.submission, idempotency: idempotency, open311Details: parsed.details, on: connection)
        }, thenReading: { receipt, batch in
            Open311Store.queueFind(token: receipt.trackingCode.value, into: &batch)
        })
        guard let item = try Open311Store.found(in: rows[0]) else {
            throw Open311Error(500, "the stored request could not be read back")
        }
        return (receipt, item, written)
    }
}

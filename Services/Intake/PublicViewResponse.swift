import Complaints
import HTTP
import HubStore
import Postgres
import ServiceKit

extension PostgresPool {
    /// The case's public view as the API's answer to a citizen's write on it (never cached).
    /// - Throws: `Refusal.complaintNotFound` when no case has the code; `PostgresError`.
    func publicViewResponse(_ code: TrackingCode, language: Language, status: Int = 200) throws -> HTTPResponse {
        guard let view = try withConnection({ try PublicCase.load(code.value, on: $0) }) else { throw Refusal.complaintNotFound }
        var response = HTTPResponse.json(view.json(language: language), status: status)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}

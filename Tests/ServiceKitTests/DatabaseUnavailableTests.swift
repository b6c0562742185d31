import Complaints
import HTTP
import Postgres
@testable import ServiceKit
import Testing

/// The database being away is 503 with Retry-After on every path, through the one error protocol;
/// any other database failure stays a fault of the server (a 500).
struct DatabaseUnavailableTests {
    let request = HTTPRequest(method: "GET", target: "/api/v1/staff/queue", pathSegments: ["api", "v1", "staff", "queue"], rawQuery: nil)

    @Test(arguments: [PostgresError.connectionFailed("refused"), .connectionLost("reset"), .poolTimeout])
    func aDatabaseThatIsAwayIs503WithRetryAfter(error: PostgresError) throws {
        let answer = try #require(DatabaseUnavailable.answer(for: error))
        #expect(answer.status == 503 && answer.code == "database_unavailable")
        #expect(answer.headers["Retry-After"] == "2" && answer.headers["Cache-Control"] == "no-store")
        #expect(answer.message(language: "id") != answer.message(language: "en"))
    }

    @Test(arguments: ["40P01", "40001"])
    func aTransactionLostToAConcurrentOneIs503WithRetryAfter(sqlstate: String) throws {
        let lost = PostgresError.server(ServerError(sqlstate: sqlstate, message: "deadlock detected"))
        #expect(try #require(DatabaseUnavailable.answer(for: lost)).status == 503)
        #expect(DatabaseUnavailable.answer(for: PostgresError.server(ServerError(sqlstate: "23505", message: "duplicate key"))) == nil)
    }

    @Test func anyOtherDatabaseFailureIsNoAnswer() {
        #expect(DatabaseUnavailable.answer(for: PostgresError.missingColumn("x")) == nil)
        #expect(DatabaseUnavailable(standingFor: PostgresError.decoding(column: "x", expected: "Int", value: nil)) == nil)
    }

    @Test func anErrorThatRendersItselfIsItsOwnAnswer() {
        #expect(DatabaseUnavailable.answer(for: Refusal.noteRequired)?.code == "note_required")
    }

    @Test func everyRouteAnswers503AsJSONWhenTheDatabaseIsAwayAndLogsIt() throws {
        let logged = LoggedErrors()
        let policy = try ResponsePolicy(edge: PublicEdge(environment: [:]))
        let translating = DatabaseUnavailable.translating { _, error in logged.add(error) }
        let handler = policy.middleware(translating { _ in throw PostgresError.connectionLost("server closed the connection") })
        let response = try handler(request)
        #expect(response.status == 503 && response.headers["Retry-After"] == "2")
        #expect(String(decoding: response.body, as: UTF8.self).contains("\"code\":\"database_unavailable\""))
        #expect(logged.count == 1)
    }

    @Test func aFaultOfTheDatabaseGoesOnToTheServer() {
        let translating = DatabaseUnavailable.translating { _, _ in }
        let handler = translating { _ in throw PostgresError.missingColumn("x") }
        #expect(throws: PostgresError.self) { try handler(request) }
    }
}

final class LoggedErrors: @unchecked Sendable {
    private var errors: [any Error] = []
    func add(_ error: any Error) { errors.append(error) }
    var count: Int { errors.count }
}

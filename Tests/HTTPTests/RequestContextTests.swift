import HTTP
import Testing

@Suite struct RequestContextTests {
    enum Language: RequestContextKey { typealias Value = String }
    enum Attempts: RequestContextKey { typealias Value = Int }

    @Test func holdsOneTypedValuePerKey() {
        var context = RequestContext()
        #expect(context[Language.self] == nil)
        context[Language.self] = "id"
        context[Attempts.self] = 2
        #expect(context[Language.self] == "id" && context[Attempts.self] == 2)
        context[Language.self] = nil
        #expect(context[Language.self] == nil && context[Attempts.self] == 2)
    }
}

import Complaints
import HTTP
import Testing
@testable import Casework

/// The queue's search, holder filter, order and area as a request names them.
struct QueueRequestWorkingTests {
    func filter(_ query: [String: String], account: Account = Sample.account(.staff)) throws -> QueueFilter {
        try QueueRequest.filter(for: account, query: { query[$0] }, exists: QueueRequestTests.exists)
    }

    func refusal(_ query: [String: String]) -> Answer? { refusalOf { try filter(query) } }

    @Test func qSearchesTheTextAndReadsATrackingCodeTooWhenItIsOne() throws {
        let words = try #require(try filter(["q": "  lampu mati "]).search)
        #expect(words.text == "lampu mati" && words.code == nil && words.containsPattern == "%lampu mati%")
        let code = try #require(try filter(["q": "abcd-efgh-jkmnp"]).search)
        #expect(code.code == "ABCDEFGHJKMNP")
        #expect(try QueueSearch("50%_\\").containsPattern == "%50\\%\\_\\\\%")
        #expect(try filter(["q": "   "]).search == nil, "blank counts as absent")
    }

    @Test(arguments: ["ab", String(repeating: "x", count: 201), "lampu\u{0}mati"])
    func aSearchTooShortTooLongOrWithControlCharactersIsRefused(text: String) {
        #expect(refusal(["q": text]) == Answer(400, "invalid_query"))
    }

    @Test func assigneeNamesTheAccountOrNobody() throws {
        let account = Sample.account(.staff)
        #expect(try filter(["assignee": "me"], account: account).assignee == .account(account.id))
        #expect(try filter(["assignee": "none"]).assignee == .nobody)
        #expect(try filter(["assignee": ""]).assignee == nil)
        #expect(refusal(["assignee": "budi"]) == Answer(400, "invalid_assignee"))
    }

    @Test func sortNamesAnOrderAndDeadlineIsTheDefault() throws {
        #expect(try QueueRequest.order(query: { _ in nil }) == .deadline)
        for order in QueueOrder.allCases {
            #expect(try QueueRequest.order(query: { $0 == "sort" ? order.rawValue : nil }) == order)
        }
        #expect(refusalOf { try QueueRequest.order(query: { $0 == "sort" ? "newest" : nil }) } == Answer(400, "invalid_sort"))
    }

    @Test func thePagePageSizeDefaultsToWhatTheCallerGives() throws {
        #expect(try QueueRequest.page(query: { _ in nil }, defaultSize: 50).size == 50)
        #expect(try QueueRequest.page(query: { _ in nil }).size == 200, "the API's default is unchanged")
    }
}

import Complaints
import HTTP
import Testing
@testable import Casework

/// `page_size` and `page` choose the part of a queue a reader gets; the whole queue's first 200 when
/// neither is given, as before.
struct QueuePageRequestTests {
    func page(_ query: [String: String]) throws -> QueuePage {
        try QueueRequest.page(query: { query[$0] })
    }

    @Test func neitherGivenIsTheFirstTwoHundred() throws {
        #expect(try page([:]) == QueuePage.first)
        #expect(try page(["page_size": " ", "page": ""]) == QueuePage.first, "blank counts as absent, as for the filters")
        #expect(QueuePage.first.size == 200 && QueuePage.first.offset == 0)
    }

    @Test func aPageOfFiftyStartsAfterThePagesBeforeIt() throws {
        let third = try page(["page_size": "50", "page": "3"])
        #expect(third.size == 50 && third.number == 3 && third.offset == 100)
    }

    @Test(arguments: ["0", "201", "-5", "ten", "5.0", "٣", "99999999999999999999"])
    func aPageSizeOutsideOneToTwoHundredIsRefused(value: String) {
        #expect(throws: Refusal.invalidPageSize) { try page(["page_size": value]) }
    }

    @Test(arguments: ["0", "1001", "-1", "x"])
    func aPageOutsideOneToAThousandIsRefused(value: String) {
        #expect(throws: Refusal.invalidPage) { try page(["page": value]) }
    }

    @Test func theRefusalsSayWhatIsAllowedInBothLanguages() {
        #expect(Refusal.invalidPageSize.status == 400 && Refusal.invalidPage.status == 400)
        #expect(Refusal.invalidPageSize.message(.id).contains("200") && Refusal.invalidPageSize.message(.en).contains("200"))
    }
}

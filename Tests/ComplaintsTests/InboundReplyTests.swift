import Complaints
import Testing

@Suite struct InboundReplyTests {
    @Test(arguments: ["ABCDEFGHJKMNP Di depan nomor 12", "abcd-efgh-jkmnp Di depan nomor 12", "  ABCD EFGH JKMNP: Di depan nomor 12 ",
                      "ABCDEFGHJKMNP\nDi depan nomor 12"])
    func theMessageStartsWithTheCodeThenTheAnswer(message: String) throws {
        let reply = try #require(InboundReply(message: message))
        #expect(reply.code.value == "ABCDEFGHJKMNP")
        #expect(reply.text == "Di depan nomor 12")
    }

    @Test(arguments: ["Di depan nomor 12", "ABCDEFGHJKMN", "ABCDEFGHJKMNPQ jawaban", "", "ABCDEFGHJKMN! jawaban"])
    func aMessageWithoutACodeStandingOnItsOwnIsNoReply(message: String) {
        #expect(InboundReply(message: message) == nil)
    }

    @Test func aCodeAloneIsAReplyWithoutText() throws {
        #expect(try #require(InboundReply(message: "ABCDEFGHJKMNP")).text.isEmpty)
    }
}

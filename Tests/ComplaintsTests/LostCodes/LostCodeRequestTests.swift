import Complaints
import Testing

struct LostCodeRequestTests {
    @Test func takesExactlyOneWellFormedContact() throws {
        #expect(try LostCodeRequest(email: "warga@example.id", phone: nil) == .email("warga@example.id"))
        #expect(throws: Refusal.contactEmailInvalid) { try LostCodeRequest(email: " ", phone: "") }
        #expect(try LostCodeRequest(email: "", phone: "0812-3456-7890") == .phone("0812-3456-7890"))
        #expect(throws: Refusal.lostCodeContactRequired) { try LostCodeRequest(email: nil, phone: nil) }
        #expect(throws: Refusal.lostCodeContactRequired) { try LostCodeRequest(email: "a@example.id", phone: "081234567890") }
        #expect(throws: Refusal.contactEmailInvalid) { try LostCodeRequest(email: "bukan-email", phone: nil) }
        #expect(throws: Refusal.contactPhoneInvalid) { try LostCodeRequest(email: nil, phone: "12-ab") }
    }

    @Test func aMalformedContactIsA400InTheSubmissionsWords() {
        #expect(Refusal.contactEmailInvalid.status == 400 && Refusal.contactEmailInvalid.code == "invalid_email")
        #expect(Refusal.contactEmailInvalid.message(.id) == SubmissionProblem.invalidEmail.message(.id))
        #expect(Refusal.contactPhoneInvalid.code == "invalid_phone")
    }

    @Test func onePhoneNumberHowEverItIsTypedIsOneLimitKey() throws {
        let typed = ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(0812) 34567890"]
        let keys = try Set(typed.map { try LostCodeRequest(email: nil, phone: $0).limitKey })
        #expect(keys == ["phone:6281234567890"])
        #expect(try LostCodeRequest(email: "Warga@Example.ID", phone: nil).limitKey == "email:warga@example.id")
    }

    @Test func aRequestsDeliveryKeyNamesItsChannel() throws {
        #expect(LostCodes(key: "k1", request: .email("a@example.id"), language: .id).deliveryKey(for: .email) == "codes-k1:email")
    }
}

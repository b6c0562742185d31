import Complaints
import Foundation
import Testing

struct LostCodesTextTests {
    let filed = Date(timeIntervalSince1970: 1_764_000_000)

    @Test func listsEachCodeWithStatusAndLinkAndAConfidentialCaseWithNothingMore() {
        let codes = [LostCode(trackingCode: "7K3M9Q2XRT5VA", status: .inProgress, confidential: false, categoryName: "Kesehatan", filedAt: filed),
                     LostCode(trackingCode: "ABCDEFGHJKMNP", status: .received, confidential: true, categoryName: "Sosial", filedAt: filed)]
        let text = LostCodesText(codes, language: .id, site: "https://lapor.example.go.id")
        #expect(text.subject == "Kode pelacakan Anda")
        let lines = text.body.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("- 7K3M9Q2XRT5VA: ") && $0.contains("Kesehatan") })
        #expect(lines.contains("- ABCDEFGHJKMNP: " + ComplaintStatus.received.label(.id)))
        #expect(!text.body.contains("Sosial"))
        #expect(text.body.contains("https://lapor.example.go.id/track/ABCDEFGHJKMNP"))
    }

    @Test func speaksEnglishWhenAskedInEnglish() {
        let text = LostCodesText([LostCode(trackingCode: "7K3M9Q2XRT5VA", status: .closed, confidential: false, categoryName: "Health",
                                           filedAt: filed)], language: .en, site: "https://lapor.example.go.id")
        #expect(text.subject == "Your tracking codes" && text.body.contains("/track/7K3M9Q2XRT5VA?lang=en"))
    }
}

import Foundation
import Notifications
import Testing

struct MailMessageTests {
    @Test func aFollowersMailNamesItsUnsubscribeLinkInAHeader() {
        var mail = MailMessage(from: "lapor@example.go.id", to: "tetangga@example.org", subject: "Kabar", body: "Isi",
                               messageID: "m@example.go.id", date: Date(timeIntervalSince1970: 0))
        #expect(!mail.rendered().contains("List-Unsubscribe"))
        mail.unsubscribe = "https://lapor.example.go.id/follow/unsubscribe/0123"
        let head = mail.rendered().components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("\r\nList-Unsubscribe: <https://lapor.example.go.id/follow/unsubscribe/0123>"))
    }
}

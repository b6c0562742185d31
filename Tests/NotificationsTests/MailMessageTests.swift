import Foundation
import Notifications
import Testing

struct MailMessageTests {
    @Test func aFollowersMailNamesItsOneClickUnsubscribeLinkInItsHeaders() {
        var mail = MailMessage(from: "lapor@example.go.id", to: "tetangga@example.org", subject: "Kabar", body: "Isi",
                               messageID: "m@example.go.id", date: Date(timeIntervalSince1970: 0))
        #expect(!mail.rendered().contains("List-Unsubscribe"))
        mail.unsubscribe = "https://lapor.example.go.id/follow/unsubscribe/0123"
        let head = mail.rendered().components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("\r\nList-Unsubscribe: <https://lapor.example.go.id/follow/unsubscribe/0123>"))
        #expect(head.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click"), "a mail client may stop them with one POST")
    }
}

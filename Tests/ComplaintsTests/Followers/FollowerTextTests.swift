import Complaints
import Testing

struct FollowerTextTests {
    let site = "https://lapor.example.go.id"
    let stop = "https://lapor.example.go.id/follow/unsubscribe/0123"

    @Test func theNewsOfAFollowedCaseCarriesItsPublicNoteItsPageAndTheWayToStopButNeverItsCode() {
        let notice = ReporterNotice(key: "7-resolved-1-0", complaintID: 7, trackingCode: "7K3M9Q2XRT5VA", notice: .resolved,
                                    status: .resolved, note: "Lampu sudah diganti", confidential: false)
        let text = FollowerText(notice, language: .id, agencyName: nil, site: site, unsubscribeLink: stop)
        #expect(text.subject == "Laporan #7 yang Anda ikuti: " + ComplaintStatus.resolved.label(.id))
        #expect(text.body.contains("Catatan: Lampu sudah diganti") && text.body.contains(site + "/laporan/7"))
        #expect(!text.subject.contains("7K3M9Q2XRT5VA") && !text.body.contains("7K3M9Q2XRT5VA"), "the reporter's code is theirs alone")
        #expect(text.body.hasSuffix("Berhenti menerima kabar ini: " + stop))
    }

    @Test func speaksTheFollowersLanguageAndNamesTheAgency() {
        let notice = ReporterNotice(key: "7-escalated-1-0", complaintID: 7, trackingCode: "7K3M9Q2XRT5VA", notice: .moved,
                                    status: .dispatched, agency: "dinkes", confidential: false)
        let text = FollowerText(notice, language: .en, agencyName: "Health office", site: site, unsubscribeLink: stop)
        #expect(text.subject.hasPrefix("Report #7 you follow: ") && text.body.contains(site + "/laporan/7?lang=en"))
        #expect(text.body.contains("moved to Health office") && text.body.contains("Stop these messages: " + stop))
    }

    @Test func theConfirmationCarriesItsLinkInEitherLanguage() {
        let id = FollowerText(confirming: 7, language: .id, confirmLink: site + "/follow/confirm/ab")
        let en = FollowerText(confirming: 7, language: .en, confirmLink: site + "/follow/confirm/ab")
        #expect(id.subject == "Konfirmasi: mengikuti laporan #7" && id.body.contains(site + "/follow/confirm/ab"))
        #expect(en.subject == "Confirm: follow report #7" && en.body.contains(site + "/follow/confirm/ab"))
    }
}

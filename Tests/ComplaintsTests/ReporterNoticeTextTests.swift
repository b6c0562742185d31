import Complaints
import Foundation
import Testing

private let site = "https://lapor.example.go.id"
/// Wednesday 2026-11-25 10:00 WIB.
private let wednesday = Date(timeIntervalSince1970: 1_795_590_000)

private func notice(_ kind: ReporterNotice.Kind, status: ComplaintStatus, agency: String? = nil, dueAt: Date? = nil,
                    note: String? = nil, answerWithin: Int? = nil, confidential: Bool = false) -> ReporterNotice {
    ReporterNotice(key: "9-x-1-0", complaintID: 9, trackingCode: "ABCDEFGHJKMNP", notice: kind, status: status, agency: agency,
                   dueAt: dueAt, note: note, answerWithin: answerWithin, confidential: confidential)
}

@Suite struct ReporterNoticeTextTests {
    @Test func theReceivedMessageCarriesTheCodeAndTheTrackingLinkInIndonesian() {
        let text = ReporterNoticeText(notice(.received, status: .received), language: .id, agencyName: nil, site: site)
        #expect(text.subject == "Pengaduan Anda diterima: ABCDEFGHJKMNP")
        #expect(text.body.contains("Kode pelacakan: ABCDEFGHJKMNP"))
        #expect(text.body.contains("Pantau di https://lapor.example.go.id/track/ABCDEFGHJKMNP"))
        #expect(text.body.contains("Status: Diterima"))
    }

    @Test func aReporterWhoFiledInEnglishReadsEnglishWithTheEnglishLink() {
        let text = ReporterNoticeText(notice(.received, status: .received), language: .en, agencyName: nil, site: site)
        #expect(text.subject == "Your complaint was received: ABCDEFGHJKMNP")
        #expect(text.body.contains("https://lapor.example.go.id/track/ABCDEFGHJKMNP?lang=en") && text.body.contains("Status: Received"))
    }

    @Test func takingInNamesTheAgencyAndTheDeadlineAsALocalDay() {
        let taken = notice(.takenIn, status: .dispatched, agency: "dpupr", dueAt: wednesday)
        let id = ReporterNoticeText(taken, language: .id, agencyName: "Dinas Pekerjaan Umum", site: site)
        #expect(id.body.hasPrefix("Dinas Pekerjaan Umum telah menerima pengaduan Anda"))
        #expect(id.body.contains("Tahap berikutnya paling lambat 25 November 2026."))
        let en = ReporterNoticeText(taken, language: .en, agencyName: "Public Works Agency", site: site)
        #expect(en.body.contains("The next step is due by 25 November 2026."))
    }

    @Test func aResolutionLinksToTheRating() {
        let text = ReporterNoticeText(notice(.resolved, status: .resolved, note: "Lampu diganti."), language: .id, agencyName: nil, site: site)
        #expect(text.body.contains("Penyelesaian: Lampu diganti."))
        #expect(text.body.contains("https://lapor.example.go.id/track/ABCDEFGHJKMNP#feedback"))
    }

    @Test func theOfficersQuestionSaysHowToAnswerOnThePageOrByTextMessage() {
        let asked = notice(.question, status: .awaitingReporter, note: "Di depan nomor berapa?")
        let id = ReporterNoticeText(asked, language: .id, agencyName: nil, site: site)
        #expect(id.subject == "Petugas bertanya tentang pengaduan ABCDEFGHJKMNP")
        #expect(id.body.hasPrefix("Pertanyaan petugas: Di depan nomor berapa?"))
        #expect(id.body.contains("https://lapor.example.go.id/track/ABCDEFGHJKMNP#reply"))
        #expect(id.body.contains("ABCDEFGHJKMNP jawaban Anda") && id.body.contains("Status: Menunggu jawaban pelapor"))
        let en = ReporterNoticeText(asked, language: .en, agencyName: nil, site: site)
        #expect(en.body.hasPrefix("The officer's question: Di depan nomor berapa?") && en.body.contains("Status: Waiting for the reporter"))
    }

    @Test func theQuestionNamesTheReportersTimeToAnswerAsTheLevelStoodWhenAsked() {
        let asked = notice(.question, status: .awaitingReporter, note: "Di mana?", answerWithin: 4)
        let id = ReporterNoticeText(asked, language: .id, agencyName: nil, site: site)
        #expect(id.body.contains("Jawab dalam 4 hari kerja di https://lapor.example.go.id/track/ABCDEFGHJKMNP#reply, "))
        let en = ReporterNoticeText(asked, language: .en, agencyName: nil, site: site)
        #expect(en.body.contains("Answer within 4 working days at https://lapor.example.go.id/track/ABCDEFGHJKMNP?lang=en#reply, "))
        // A question queued before the notice carried the level names no number.
        let older = ReporterNoticeText(notice(.question, status: .awaitingReporter), language: .id, agencyName: nil, site: site)
        #expect(older.body.contains("Jawab di https://lapor.example.go.id/track/ABCDEFGHJKMNP#reply, ") && !older.body.contains("hari kerja"))
    }

    @Test func aRequestsProgressCarriesTheAgencysWordWhenItHasOne() {
        let word = notice(.progressed, status: .resolved, note: "BPJS Kesehatan: Kartu BPJS bayi sudah aktif.")
        #expect(ReporterNoticeText(word, language: .id, agencyName: nil, site: site).body
            .contains("\nKabar dari instansi: BPJS Kesehatan: Kartu BPJS bayi sudah aktif.\n"))
        #expect(ReporterNoticeText(word, language: .en, agencyName: nil, site: site).body.contains("\nFrom the agency: BPJS Kesehatan:"))
        #expect(!ReporterNoticeText(notice(.progressed, status: .inProgress), language: .id, agencyName: nil, site: site).body
            .contains("Kabar dari instansi"))
    }

    @Test func aConfidentialCaseShowsOnlyItsStatusAndLink() {
        let secret = notice(.resolved, status: .resolved, note: "Rumah Bu Sri di gang buntu.", confidential: true)
        let text = ReporterNoticeText(secret, language: .id, agencyName: nil, site: site)
        #expect(!text.body.contains("Bu Sri") && text.body.contains("Status: Selesai ditindaklanjuti"))
        #expect(text.body.contains("/track/ABCDEFGHJKMNP"))
    }

    @Test func everyKindHasWordsInBothLanguages() {
        for kind in ReporterNotice.Kind.allCases {
            let id = ReporterNoticeText(notice(kind, status: .inProgress), language: .id, agencyName: "Dinas", site: site)
            let en = ReporterNoticeText(notice(kind, status: .inProgress), language: .en, agencyName: "Agency", site: site)
            #expect(id.subject.contains("ABCDEFGHJKMNP") && en.subject.contains("ABCDEFGHJKMNP"))
            #expect(id.subject != en.subject && id.body != en.body)
        }
    }
}

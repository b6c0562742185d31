import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// Answering stored: the reporter's wait written and read back, the reply's photos kept from the
/// public, the reminder written once by the sweeper.
struct CaseStoreAnsweringTests {
    /// Monday 2026-11-23 14:00 WIB.
    let start = Date(timeIntervalSince1970: 1_795_417_200)
    let day: TimeInterval = 86_400

    /// `count` public-works cases in progress with a reporter's phone, claimed by a staff member; the
    /// connection string, the staff member and the codes.
    func casesInProgress(_ count: Int) throws -> (url: String, staff: Account, codes: [String]) {
        let url = try TestCluster.shared().migratedDatabase()
        let connection = try PostgresConnection(conninfo: url)
        let staff = try AccountStore.create(login: "petugas.tanya", password: "sandi-rahasia-1", role: .staff,
                                            module: .publicWorks, on: connection)
        var codes: [String] = []
        for index in 0..<count {
            try connection.transaction { connection in
                let receipt = try ComplaintStore.submit(
                    ComplaintSubmission(category: "pekerjaan-umum", description: "Jalan rusak \(index)", anonymous: false, confidential: false,
                                        contact: Contact(phone: "0812-3456-700\(index)"), channel: .web).validated(on: connection),
                    on: connection)
                let code = receipt.trackingCode.value
                try CaseStore.perform(.dispatch, on: code, by: .system, now: start, calendar: WorkingCalendar(), connection: connection)
                try CaseStore.perform(.claim, on: code, by: Acting(staff.actor), now: start, calendar: WorkingCalendar(), connection: connection)
                codes.append(code)
            }
        }
        return (url, staff, codes)
    }

    func count(_ sql: String, on connection: PostgresConnection) throws -> Int {
        try connection.query(sql)[0].decode("n", as: Int.self)
    }

    @Test func theWaitIsStoredAndTheReplyResumesTheDeadlineWithItsPhotosKeptFromThePublic() throws {
        let (url, staff, codes) = try casesInProgress(1)
        let connection = try PostgresConnection(conninfo: url)
        let code = codes[0]
        let due = try #require(try CaseStore.find(code, on: connection)?.dueAt)
        try connection.transaction { connection in
            try CaseStore.perform(.ask(question: "Di depan nomor berapa?"), on: code, by: Acting(staff.actor), now: start + 3_600,
                                  calendar: WorkingCalendar(), connection: connection)
        }
        let waiting = try #require(try CaseStore.find(code, on: connection))
        #expect(waiting.status == .awaitingReporter)
        // Five working days from Monday 14:00, asked an hour later: the weekend is no working time.
        #expect(waiting.reporterWait == ReporterWait(resumeStatus: .inProgress, remaining: 5 * 86_400 - 3_600))
        #expect(try count("select count(*)::int as n from queue_messages where queue = 'notify.reporter'", on: connection) == 3,
                "received, taken in, and the question")
        let photo = try Photo(bytes: SamplePhotos.jpeg)
        try connection.transaction { connection in
            try CaseStore.perform(.reply(text: "Di depan nomor 12."), on: code, by: Acting(.citizen), afterPhotos: [photo],
                                  now: start + 2 * day, calendar: WorkingCalendar(), connection: connection)
        }
        let answered = try #require(try CaseStore.find(code, on: connection))
        #expect(answered.status == .inProgress && answered.reporterWait == nil && answered.reporterAnswered)
        #expect(answered.dueAt == due + 2 * day - 3_600, "the deadline moved by the working time spent waiting")
        #expect(try count("select count(*)::int as n from complaint_photos where purpose = 'reply'", on: connection) == 1)
        #expect(try count("select count(*)::int as n from public_photos", on: connection) == 0, "a reply's photo is never public")
        let view = try #require(try PublicCase.load(code, on: connection))
        #expect(view.timeline.map(\.kind) == [.submitted, .dispatched, .claimed, .questionAsked], "the reply's text stays internal")
        #expect(view.timeline.last?.note == "Di depan nomor berapa?")
    }

    @Test func theSendersNumberIsTheReportersContactByItsDigits() throws {
        let (url, _, codes) = try casesInProgress(1)
        let connection = try PostgresConnection(conninfo: url)
        let id = try #require(try CaseStore.id(of: codes[0], on: connection))
        #expect(try ReporterStore.isReporter(phone: "+62 812 3456 7000", caseID: id, on: connection))
        #expect(try ReporterStore.isReporter(phone: "081234567000", caseID: id, on: connection))
        #expect(try !ReporterStore.isReporter(phone: "081234567001", caseID: id, on: connection))
        #expect(try !ReporterStore.isReporter(phone: "", caseID: id, on: connection))
    }

    @Test func theOfficerIsToldOnceWhenTheReporterDoesNotAnswerEvenWithTwoSweepers() throws {
        let (url, staff, codes) = try casesInProgress(4)
        let connection = try PostgresConnection(conninfo: url)
        for code in codes {
            try connection.transaction { connection in
                try CaseStore.perform(.ask(question: "Di depan nomor berapa?"), on: code, by: Acting(staff.actor), now: start,
                                      calendar: WorkingCalendar(), connection: connection)
            }
        }
        let sweepers = [try PostgresConnection(conninfo: url), try PostgresConnection(conninfo: url)]
        func remindTogether(at now: Date) -> Int {
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                results.add((try? OverdueSweeper.sweep(module: .publicWorks, now: now, limit: 1, on: sweepers[index]).reminded) ?? -1)
                results.add((try? OverdueSweeper.sweep(module: .publicWorks, now: now, on: sweepers[index]).reminded) ?? -1)
            }
            return results.total
        }
        #expect(remindTogether(at: start + 13 * day) == 0, "nine working days are not enough")
        #expect(remindTogether(at: start + 15 * day) == 4)
        #expect(remindTogether(at: start + 40 * day) == 0, "the officer is told once")
        #expect(try count("select count(*)::int as n from complaints where overdue_step > 0", on: connection) == 0,
                "a case waiting for the reporter never escalates")
        #expect(try count("select count(*)::int as n from complaint_events where kind = 'reporter_unanswered' and not public", on: connection)
                == 4)
        let waiting = try #require(try CaseStore.find(codes[0], on: connection))
        #expect(waiting.status == .awaitingReporter && waiting.reporterWait?.lapsed == true && waiting.dueAt == nil)
        try connection.transaction { connection in
            try CaseStore.perform(.reject(reason: "Tidak jelas: pelapor tidak menjawab."), on: codes[0], by: Acting(staff.actor),
                                  calendar: WorkingCalendar(), connection: connection)
        }
        #expect(try CaseStore.find(codes[0], on: connection)?.status == .rejected)
    }
}

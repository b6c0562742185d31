import Complaints
import Foundation
import Testing

/// A public-works case in progress, not confidential, due `due`.
private func working(status: ComplaintStatus = .inProgress, due: Date?, confidential: Bool = false) -> Case {
    Case(id: 9, trackingCode: "ABCDEFGHJKMNP", category: "pekerjaan-umum", subcategory: "jalan", module: .publicWorks,
         agency: "dpupr", channel: .web, status: status, priority: .normal, description: "Jalan berlubang", location: nil,
         kelurahan: nil, kecamatan: nil, lat: nil, lon: nil, anonymous: true, confidential: confidential, inspectorate: false,
         escalationLevel: 0, overdueStep: 0, assignedTo: 11, subUnit: nil, dueAt: due,
         createdAt: Date(timeIntervalSince1970: 1_795_000_000), updatedAt: Date(timeIntervalSince1970: 1_795_000_000),
         moduleFields: [:])
}

private let staff = Acting(Complaints.Actor.account(id: 11, role: .staff), from: "198.51.100.7")
private let citizen = Acting(Complaints.Actor.citizen)
private let calendar = WorkingCalendar()
/// Monday 2026-11-23 14:00 WIB.
private let monday = Date(timeIntervalSince1970: 1_795_417_200)
private let hour: TimeInterval = 3_600
private let day: TimeInterval = 86_400

private func decide(_ action: CaseAction, on stored: Case, by acting: Acting<Complaints.Actor>, at now: Date = monday)
    -> Result<CaseChange, Refusal> {
    Lifecycle.apply(action, to: stored, by: acting, at: now, context: CaseContext(calendar: calendar))
}

@Suite struct LifecycleAnsweringTests {
    // MARK: the question

    @Test func askingPausesTheStepsDeadlineAndGivesTheReporterTenWorkingDays() throws {
        // Due Wednesday 10:00: two working days left.
        let change = try decide(.ask(question: "Di depan nomor berapa?"), on: working(due: monday + 2 * day), by: staff).get()
        #expect(change.after.status == .awaitingReporter)
        #expect(change.after.reporterWait == ReporterWait(resumeStatus: .inProgress, remaining: 2 * 86_400))
        #expect(change.after.dueAt == monday + 14 * day, "ten working days: two weeks from Monday")
        #expect(change.events.map(\.kind) == [.questionAsked])
        #expect(change.events[0].isPublic && change.events[0].note == "Di depan nomor berapa?")
    }

    @Test func theQuestionReachesTheReporterAsANotice() throws {
        let change = try decide(.ask(question: "Di depan nomor berapa?"), on: working(due: monday + day), by: staff).get()
        let notices = change.outbox.compactMap { $0.message as? ReporterNotice }
        #expect(notices.map(\.notice) == [.question])
        #expect(notices.first?.note == "Di depan nomor berapa?")
        #expect(notices.first?.status == .awaitingReporter)
    }

    @Test func theReportersTimeToAnswerIsTheServiceLevelInForce() throws {
        let changed = WorkingCalendar(levels: ServiceLevels([.reporterAnswer: 3]))
        let change = try Lifecycle.apply(.ask(question: "Di depan nomor berapa?"), to: working(due: monday + day), by: staff, at: monday,
                                         context: CaseContext(calendar: changed)).get()
        #expect(change.after.dueAt == monday + 3 * day, "three working days: Thursday")
        let notice = try #require(change.outbox.compactMap { $0.message as? ReporterNotice }.first)
        #expect(notice.answerWithin == 3)
        #expect(try decide(.ask(question: "Di mana?"), on: working(due: nil), by: staff).get().outbox
            .compactMap { ($0.message as? ReporterNotice)?.answerWithin } == [10])
    }

    @Test func aConfidentialCasesQuestionTravelsWithoutItsText() throws {
        let change = try decide(.ask(question: "Di depan nomor berapa?"), on: working(due: nil, confidential: true), by: staff).get()
        let notice = try #require(change.outbox.compactMap { $0.message as? ReporterNotice }.first)
        #expect(notice.notice == .question && notice.note == nil)
    }

    @Test func aCaseAlreadyWaitingCannotBeAskedAgain() throws {
        let waiting = try decide(.ask(question: "Di mana?"), on: working(due: monday + day), by: staff).get().after
        #expect(decide(.ask(question: "Lagi?"), on: waiting, by: staff).map(\.after.status)
            == .failure(.notAllowedInStatus(action: "ask", status: .awaitingReporter)))
    }

    @Test(arguments: ["", "  ", "\n"])
    func aBlankQuestionIsRefused(blank: String) {
        #expect(decide(.ask(question: blank), on: working(due: nil), by: staff).map(\.after.status) == .failure(.questionRequired))
    }

    // MARK: the reply

    @Test func theReplyResumesTheStatusAndTheDeadlineWithTheTimeThatWasLeft() throws {
        let waiting = try decide(.ask(question: "Di mana?"), on: working(due: monday + 2 * day), by: staff).get().after
        // Answered the next Monday at 18:00: the two working days left run from then.
        let answeredAt = monday + 7 * day + 4 * hour
        let change = try decide(.reply(text: "Di depan nomor 12."), on: waiting, by: citizen, at: answeredAt).get()
        #expect(change.after.status == .inProgress)
        #expect(change.after.dueAt == answeredAt + 2 * day)
        #expect(change.after.reporterWait == nil)
        #expect(change.after.reporterAnswered)
        #expect(change.events.map(\.kind) == [.reporterReplied])
        #expect(!change.events[0].isPublic && change.events[0].note == "Di depan nomor 12.")
        #expect(change.events[0].fromStatus == .awaitingReporter && change.events[0].toStatus == .inProgress)
        #expect(change.outbox.isEmpty, "the reporter is not told of their own reply")
    }

    @Test func aReplyOverAWeekendDoesNotSpendWorkingTime() throws {
        // Asked Friday 19:00 (WIB) with the deadline Monday 19:00: one working day left.
        let friday = monday + 4 * day + 5 * hour
        let waiting = try decide(.ask(question: "Di mana?"), on: working(due: friday + 3 * day), by: staff, at: friday).get().after
        #expect(waiting.reporterWait?.remaining == 86_400)
        // Answered Saturday: the working day left is Monday, so the deadline is Tuesday 00:00.
        let change = try decide(.reply(text: "Di sini."), on: waiting, by: citizen, at: friday + day).get()
        #expect(change.after.dueAt == monday + 7 * day + 10 * hour)
    }

    @Test func aReplyToAnOpenCaseNotWaitingKeepsItsStatusAndMarksTheQueue() throws {
        let due = monday + day
        let change = try decide(.reply(text: "Tambahan: lubang makin besar."), on: working(due: due), by: citizen).get()
        #expect(change.after.status == .inProgress && change.after.dueAt == due)
        #expect(change.after.reporterAnswered)
    }

    @Test(arguments: [ComplaintStatus.closed, .rejected, .duplicate])
    func aReplyToAClosedCaseIsRefused(status: ComplaintStatus) {
        #expect(decide(.reply(text: "Halo"), on: working(status: status, due: nil), by: citizen).map(\.after.status)
            == .failure(.notAllowedInStatus(action: "reply", status: status)))
    }

    @Test func aBlankOrTooLongReplyIsRefused() {
        #expect(decide(.reply(text: " "), on: working(due: nil), by: citizen).map(\.after.status) == .failure(.replyRequired))
        let long = String(repeating: "a", count: Lifecycle.maxNoteLength + 1)
        #expect(decide(.reply(text: long), on: working(due: nil), by: citizen).map(\.after.status) == .failure(.noteTooLong))
    }

    @Test func staffActingOnTheCaseClearTheReporterAnsweredMark() throws {
        let answered = try decide(.reply(text: "Di sini."), on: working(due: monday + day), by: citizen).get().after
        #expect(try decide(.addNote(text: "Dibaca.", isPublic: false), on: answered, by: staff).get().after.reporterAnswered == false)
        #expect(try decide(.ask(question: "Lagi?"), on: answered, by: staff).get().after.reporterAnswered == false)
        #expect(try decide(.addNote(text: "Dibaca.", isPublic: false), on: answered, by: Acting(.citizen)).map(\.after.reporterAnswered)
            == .failure(.roleNotAllowed(action: "note")))
    }

    // MARK: no answer in time

    @Test func theReminderIsWrittenOnceAndLetsTheOfficerCloseTheCaseAsUnclear() throws {
        let waiting = try decide(.ask(question: "Di mana?"), on: working(due: monday + day), by: staff).get().after
        #expect(decide(.reject(reason: "Tidak jelas."), on: waiting, by: staff).map(\.after.status) == .failure(.reporterStillHasTime))
        #expect(DeadlineSweep.action(for: waiting, at: monday + 13 * day) == nil, "the reporter still has time")
        let late = monday + 15 * day
        #expect(DeadlineSweep.action(for: waiting, at: late) == .remindUnanswered)
        let reminded = try decide(.remindUnanswered, on: waiting, by: Acting(.system), at: late).get()
        #expect(reminded.after.status == .awaitingReporter && reminded.after.dueAt == nil)
        #expect(reminded.after.reporterWait?.lapsed == true)
        #expect(reminded.events.map(\.kind) == [.reporterUnanswered] && !reminded.events[0].isPublic)
        #expect(reminded.outbox.isEmpty)
        #expect(DeadlineSweep.action(for: reminded.after, at: late + day) == nil, "told once")
        let closed = try decide(.reject(reason: "Tidak jelas: pelapor tidak menjawab."), on: reminded.after, by: staff, at: late).get()
        #expect(closed.after.status == .rejected && closed.after.reporterWait == nil)
        #expect(closed.outbox.compactMap { ($0.message as? ReporterNotice)?.notice } == [.rejected])
    }

    @Test func theReporterMayStillAnswerAfterTheReminder() throws {
        let waiting = try decide(.ask(question: "Di mana?"), on: working(due: monday + day), by: staff).get().after
        let reminded = try decide(.remindUnanswered, on: waiting, by: Acting(.system), at: monday + 15 * day).get().after
        let answered = try decide(.reply(text: "Maaf terlambat."), on: reminded, by: citizen, at: monday + 16 * day).get().after
        #expect(answered.status == .inProgress && answered.dueAt == monday + 16 * day + day)
    }
}

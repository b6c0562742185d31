import Complaints
import Foundation
import Testing

private let now = Date(timeIntervalSince1970: 1_795_417_200)

private func stored(_ status: ComplaintStatus, overdueStep: Int = 0, dueAt: Date? = now.addingTimeInterval(-60)) -> Case {
    Case(id: 7, trackingCode: "ABCDEFGHJKMNP", category: "pekerjaan-umum", subcategory: nil, module: .publicWorks,
         agency: "dpupr", channel: .web, status: status, priority: .normal, description: "Jalan berlubang", location: nil,
         kelurahan: nil, kecamatan: nil, lat: nil, lon: nil, anonymous: true, confidential: true, inspectorate: false,
         escalationLevel: 0, overdueStep: overdueStep, assignedTo: nil, subUnit: nil, dueAt: dueAt,
         createdAt: now.addingTimeInterval(-864_000), updatedAt: now.addingTimeInterval(-864_000), moduleFields: [:])
}

struct DeadlineSweepTests {
    @Test(arguments: [ComplaintStatus.dispatched, .verified, .inProgress, .awaitingValidation])
    func overdueWorkedCaseTakesTheNextStep(status: ComplaintStatus) {
        #expect(DeadlineSweep.action(for: stored(status), at: now) == .escalate(.overdue(step: 1)))
        #expect(DeadlineSweep.action(for: stored(status, overdueStep: 1), at: now) == .escalate(.overdue(step: 2)))
    }

    @Test func afterTheInspectorsNothingEscalates() {
        #expect(DeadlineSweep.action(for: stored(.inProgress, overdueStep: DeadlineSweep.lastOverdueStep), at: now) == nil)
    }

    @Test func resolvedCaseClosesWhenTheCitizensTimeRunsOut() {
        #expect(DeadlineSweep.action(for: stored(.resolved), at: now) == .close)
        #expect(DeadlineSweep.action(for: stored(.resolved, overdueStep: 2), at: now) == .close)
    }

    @Test func nothingHappensBeforeTheDeadlineOrWithoutOne() {
        #expect(DeadlineSweep.action(for: stored(.dispatched, dueAt: now.addingTimeInterval(60)), at: now) == nil)
        #expect(DeadlineSweep.action(for: stored(.dispatched, dueAt: now), at: now) == nil, "the deadline itself is not past")
        #expect(DeadlineSweep.action(for: stored(.resolved, dueAt: nil), at: now) == nil)
    }

    @Test(arguments: [ComplaintStatus.received, .postponed, .closed, .rejected, .duplicate])
    func casesNobodyIsWorkingNeitherEscalateNorClose(status: ComplaintStatus) {
        #expect(DeadlineSweep.action(for: stored(status), at: now) == nil)
    }

    @Test func onlyResolvedCasesCloseByThemselves() {
        #expect(ComplaintStatus.allCases.filter(\.closesWhenOverdue) == [.resolved])
    }
}

import Testing
@testable import Complaints

/// The actions the case page offers first are the lifecycle's own next steps.
struct LifecycleExpectedNextTests {
    @Test(arguments: ComplaintStatus.allCases)
    func everyExpectedActionIsOneTheLifecycleAllowsThen(status: ComplaintStatus) {
        let desk: [Role] = [.staff, .supervisor, .validator]
        for (inspectorate, roles) in [(false, desk), (true, [Role.inspector])] {
            let expected = Lifecycle.expectedNext(for: status, inspectorate: inspectorate)
            #expect(expected.count <= 2, "one or two primary buttons at most")
            for action in expected {
                let allowed = roles.contains { role in
                    if case .success = Lifecycle.apply(action.probe, to: status, by: .account(id: 1, role: role)) { return true }
                    return false
                }
                #expect(allowed, "\(action) is expected in \(status) but refused to every role that works it")
            }
        }
    }

    @Test func eachStepOfTheRoadExpectsItsNextAction() {
        #expect(Lifecycle.expectedNext(for: .dispatched) == [.verify, .claim])
        #expect(Lifecycle.expectedNext(for: .verified) == [.claim])
        #expect(Lifecycle.expectedNext(for: .inProgress) == [.resolve, .requestValidation])
        #expect(Lifecycle.expectedNext(for: .awaitingValidation) == [.validate, .rejectFollowUp])
        #expect(Lifecycle.expectedNext(for: .forwarded) == [.acceptForward, .returnForward])
        #expect(Lifecycle.expectedNext(for: .inProgress, inspectorate: true) == [.findings, .decide])
    }

    @Test(arguments: [ComplaintStatus.received, .resolved, .closed, .rejected, .duplicate])
    func nothingIsExpectedAtTheDeskWhenTheNextStepIsNotTheStaffs(status: ComplaintStatus) {
        #expect(Lifecycle.expectedNext(for: status).isEmpty)
    }

    @Test func onlyWhatEndsACaseAsksForConfirmation() {
        #expect(StaffAction.allCases.filter(\.needsConfirmation) == [.reject, .close])
    }
}

import Complaints
import Testing

@Suite struct ComplaintStatusTests {
    @Test(arguments: ["en", "EN", "en-US", "en_GB", "english"])
    func languageIsEnglishOnlyWhenAsked(code: String) {
        #expect(Language(code: code) == .en)
    }

    @Test(arguments: ["id", "ID", "id-ID", "", "fr", "jv", " en", nil] as [String?])
    func languageIsIndonesianOtherwise(code: String?) {
        #expect(Language(code: code) == .id)
    }

    @Test func labelsFollowTheLanguage() {
        #expect(ComplaintStatus.inProgress.label(.id) == "Sedang ditindaklanjuti")
        #expect(ComplaintStatus.inProgress.label(.en) == "In progress")
    }

    @Test func rawValuesAreTheStableCodes() {
        #expect(ComplaintStatus.allCases.map(\.rawValue) == [
            "received", "dispatched", "verified", "in_progress", "awaiting_validation",
            "resolved", "closed", "rejected", "postponed", "duplicate", "forwarded", "awaiting_reporter",
        ])
    }

    @Test func onlyClosedRejectedAndDuplicateAreTerminal() {
        #expect(ComplaintStatus.allCases.filter(\.isTerminal) == [.closed, .rejected, .duplicate])
    }

    @Test func openStatusesAreTheNonTerminalOnes() {
        #expect(ComplaintStatus.openStatuses == [.received, .dispatched, .verified, .inProgress, .awaitingValidation,
                                                 .resolved, .postponed, .forwarded, .awaitingReporter])
        #expect(ComplaintStatus.allCases.allSatisfy { $0.isOpen != $0.isTerminal })
    }

    @Test func onlyCasesTheAgencyIsWorkingEscalateWhenOverdue() {
        #expect(ComplaintStatus.allCases.filter(\.escalatesWhenOverdue) == [.dispatched, .verified, .inProgress, .awaitingValidation])
    }

    @Test func onlyAQuestionTheReporterDidNotAnswerRemindsWhenOverdue() {
        #expect(ComplaintStatus.allCases.filter(\.remindsWhenOverdue) == [.awaitingReporter])
    }

    @Test func onlyAForwardNobodyAnsweredGoesBackWhenOverdue() {
        #expect(ComplaintStatus.allCases.filter(\.returnsWhenOverdue) == [.forwarded])
    }

    @Test func inspectorsAndAdminsSeeEveryModule() {
        #expect(Role.allCases.filter(\.seesEveryModule) == [.admin, .inspector])
    }
}

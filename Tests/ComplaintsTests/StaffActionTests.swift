import Foundation
import Testing
@testable import Complaints

struct StaffActionTests {
    @Test func theURLNamesAreTheContractsInTheOrderThePageOffersThem() {
        #expect(StaffAction.allCases.map(\.urlName) == [
            "verify", "claim", "assign", "dispose", "details", "notes", "postpone", "reject", "duplicate",
            "request-validation", "resolve", "validate", "reject-follow-up", "close", "escalate",
            "forward", "accept-forward", "return-forward", "investigate", "findings", "decide", "ask",
        ])
    }

    @Test func aURLNameIsReadExactly() {
        #expect(StaffAction(urlName: "request-validation") == .requestValidation)
        #expect(StaffAction(urlName: "request_validation") == nil, "URL names use dashes")
        #expect(StaffAction(urlName: "Claim") == nil && StaffAction(urlName: "") == nil)
    }

    @Test func everyActionHasAButtonInBothLanguages() {
        for action in StaffAction.allCases {
            #expect(action.label(.id) != action.urlName && action.label(.en) != action.urlName, "\(action)")
            #expect(action.label(.id) != action.label(.en) || action.label(.id) == "Eskalasi", "\(action)")
        }
        #expect(StaffAction.resolve.label(.id) == "Selesaikan" && StaffAction.resolve.label(.en) == "Resolve")
    }

    @Test func onlyResolvingAndAskingForValidationTakePhotos() {
        #expect(StaffAction.allCases.filter(\.takesPhotos) == [.requestValidation, .resolve])
    }

    /// The probe stands for the action: the lifecycle knows it by the same name (dashes aside).
    @Test func eachProbeIsTheLifecyclesActionOfTheSameName() {
        let lifecycleNames: [StaffAction: String] = [.notes: "note", .duplicate: "mark_duplicate"]
        for action in StaffAction.allCases {
            let expected = lifecycleNames[action] ?? action.urlName.replacingOccurrences(of: "-", with: "_")
            #expect(action.probe.name.rawValue == expected, "\(action)")
        }
    }

    @Test func theRequestsRefusalsSpeakThePagesIndonesian() {
        #expect(Refusal.assigneeRequired.message(.id) == "Pilih rekan kerja.")
        #expect(Refusal.subUnitRequired.message(.id) == "Pilih unit pelaksana.")
        #expect(Refusal.duplicateCodeRequired.message(.id) == "Kode kasus induk harus berupa kode pelacakan.")
        #expect(Refusal.escalationRequired.message(.id) == "Pilih paling sedikit satu: prioritas, batas waktu baru, kategori, atau inspektorat.")
        #expect(Refusal.unknownAction("hapus") == Refusal(status: 404, code: "unknown_action", id: "Tindakan itu tidak dikenal.", en: "no action hapus"))
    }
}

import Complaints

/// The case page's words for what to do next, who holds the case, confirmations and what an action did, Indonesian first.
public enum CaseWords: String, Sendable {
    case holder, nobody, nextSteps, nothingExpected, otherActions, confirm, confirmReject, confirmClose

    public func text(_ language: Language) -> String {
        let pair = Self.table[self]!
        return language == .en ? pair.en : pair.id
    }

    private static let table: [CaseWords: (id: String, en: String)] = [
        .holder: ("Dipegang oleh", "Held by"),
        .nobody: ("Belum ada yang memegang kasus ini.", "Nobody holds this case yet."),
        .nextSteps: ("Langkah berikutnya", "Next step"),
        .nothingExpected: ("Tidak ada langkah yang menunggu Anda pada kasus ini.", "No step on this case waits for you."),
        .otherActions: ("Tindakan lain", "Other actions"),
        .confirm: ("Saya yakin", "I am sure"),
        .confirmReject: ("Saya yakin menolak kasus ini; pelapor akan diberi tahu alasannya.",
                         "I am sure I want to reject this case; the reporter will be told the reason."),
        .confirmClose: ("Saya yakin menutup kasus ini; kasus yang ditutup tidak dikerjakan lagi.",
                        "I am sure I want to close this case; a closed case is not worked any more."),
    ]

    /// The confirmation a form asks for before `action`, or nil.
    static func confirmation(_ action: StaffAction, _ language: Language) -> String? {
        switch action {
        case .reject: return confirmReject.text(language)
        case .close: return confirmClose.text(language)
        default: return nil
        }
    }

    /// What an action did, said after it (`?done=`): "Kasus diambil.", not "Tersimpan.".
    public static func done(_ action: String?, _ language: Language) -> String? {
        guard let action else { return nil }
        let pair = StaffAction(urlName: action).flatMap { results[$0] } ?? (StaffStrings.done.text(.id), StaffStrings.done.text(.en))
        return language == .en ? pair.en : pair.id
    }

    private static let results: [StaffAction: (id: String, en: String)] = [
        .verify: ("Kasus diverifikasi.", "Case verified."),
        .claim: ("Kasus diambil.", "Case claimed."),
        .assign: ("Kasus ditugaskan ke rekan.", "Case assigned to a colleague."),
        .dispose: ("Kasus didisposisikan ke unit pelaksana.", "Case disposed to the sub-unit."),
        .details: ("Data modul disimpan.", "Module details saved."),
        .notes: ("Catatan ditambahkan.", "Note added."),
        .postpone: ("Kasus ditunda.", "Case postponed."),
        .reject: ("Kasus ditolak; pelapor diberi tahu.", "Case rejected; the reporter is told."),
        .duplicate: ("Kasus ditandai duplikat.", "Case marked as a duplicate."),
        .requestValidation: ("Validasi diminta.", "Validation requested."),
        .resolve: ("Kasus diselesaikan; pelapor diberi tahu.", "Case resolved; the reporter is told."),
        .validate: ("Tindak lanjut divalidasi.", "Follow-up validated."),
        .rejectFollowUp: ("Tindak lanjut ditolak dan dikembalikan.", "Follow-up rejected and sent back."),
        .close: ("Kasus ditutup.", "Case closed."),
        .escalate: ("Kasus dieskalasi.", "Case escalated."),
        .forward: ("Kasus diteruskan ke instansi lain.", "Case forwarded to another agency."),
        .acceptForward: ("Kasus terusan diterima.", "Forwarded case accepted."),
        .returnForward: ("Kasus terusan dikembalikan.", "Forwarded case returned."),
        .investigate: ("Pemeriksaan dimulai.", "Investigation opened."),
        .findings: ("Temuan dicatat.", "Findings recorded."),
        .decide: ("Keputusan dicatat dan kasus ditutup.", "Decision recorded and case closed."),
        .ask: ("Pertanyaan dikirim ke pelapor; tenggat berhenti sampai ia menjawab.", "Question sent to the reporter; the deadline stops until they answer."),
    ]
}

/// What a staff member or inspector can ask to do to a case, the one vocabulary of the staff desk:
/// its URL name (`POST /api/v1/staff/cases/{code}/{action}` and the case page's forms), its button
/// label in Indonesian and English, and the lifecycle action that stands for it when the page asks
/// which actions are open. The order is the order the case page offers them in.
public enum StaffAction: String, CaseIterable, Sendable {
    case verify, claim, assign, dispose, details, notes, postpone, reject, duplicate
    case requestValidation = "request-validation"
    case resolve, validate
    case rejectFollowUp = "reject-follow-up"
    case close, escalate
    case forward
    case acceptForward = "accept-forward"
    case returnForward = "return-forward"
    case investigate, findings, decide
    case ask

    /// The name in the URL; nil for a name that is no action.
    public init?(urlName: String) { self.init(rawValue: urlName) }

    /// The name in the URL.
    public var urlName: String { rawValue }

    /// The button text on the case page.
    public func label(_ language: Language) -> String {
        let pair = Self.labels[self]!
        return language == .en ? pair.en : pair.id
    }

    /// Whether the action is the inspectorate's own work, offered on the inspectorate's cases only.
    public var isInspectorateWork: Bool { self == .investigate || self == .findings || self == .decide }

    /// Whether the action carries after-photos.
    public var takesPhotos: Bool { self == .resolve || self == .requestValidation }

    /// A representative lifecycle action, to ask the lifecycle whether this one is open now.
    public var probe: CaseAction {
        switch self {
        case .verify: return .verify
        case .claim: return .claim
        case .assign: return .assign(to: 0)
        case .dispose: return .dispose(to: "-")
        case .details: return .updateDetails([:])
        case .notes: return .addNote(text: "-", isPublic: false)
        case .postpone: return .postpone(reason: "-")
        case .reject: return .reject(reason: "-")
        case .duplicate: return .markDuplicate(of: "-")
        case .requestValidation: return .requestValidation(note: "-")
        case .resolve: return .resolve(note: "-")
        case .validate: return .validate
        case .rejectFollowUp: return .rejectFollowUp(reason: "-")
        case .close: return .close
        case .escalate: return .escalate(.raisePriority(.urgent))
        case .forward: return .forward(to: "-", reason: "-")
        case .acceptForward: return .acceptForward
        case .returnForward: return .returnForward(reason: "-")
        case .investigate: return .investigate
        case .findings: return .recordFindings(note: "-")
        case .decide: return .decide(outcome: .substantiated, publicNote: "-")
        case .ask: return .ask(question: "-")
        }
    }

    private static let labels: [StaffAction: (id: String, en: String)] = [
        .verify: ("Verifikasi", "Verify"),
        .claim: ("Ambil dan kerjakan", "Claim"),
        .assign: ("Tugaskan ke rekan", "Assign to a colleague"),
        .dispose: ("Disposisikan ke unit pelaksana", "Dispose to a sub-unit"),
        .details: ("Simpan data modul", "Save the module's details"),
        .notes: ("Tambah catatan", "Add a note"),
        .postpone: ("Tunda", "Postpone"),
        .reject: ("Tolak", "Reject"),
        .duplicate: ("Tandai duplikat", "Mark as duplicate"),
        .requestValidation: ("Minta validasi", "Request validation"),
        .resolve: ("Selesaikan", "Resolve"),
        .validate: ("Validasi tindak lanjut", "Validate the follow-up"),
        .rejectFollowUp: ("Tolak tindak lanjut", "Reject the follow-up"),
        .close: ("Tutup kasus", "Close the case"),
        .escalate: ("Eskalasi", "Escalate"),
        .forward: ("Teruskan ke instansi lain", "Forward to another agency"),
        .acceptForward: ("Terima kasus terusan", "Accept the forwarded case"),
        .returnForward: ("Kembalikan kasus terusan", "Return the forwarded case"),
        .investigate: ("Mulai pemeriksaan", "Open the investigation"),
        .findings: ("Catat temuan", "Record findings"),
        .decide: ("Putuskan dan tutup", "Decide and close"),
        .ask: ("Tanya pelapor", "Ask the reporter"),
    ]
}

import Complaints
import Foundation

/// What the tracking page shows: only public data.
public struct TrackingView: Sendable {
    public struct Event: Sendable {
        public let kind: EventKind
        public let at: Date
        public let actorRole: ActorRole
        public let note: String?

        public init(kind: EventKind, at: Date, actorRole: ActorRole, note: String?) {
            self.kind = kind
            self.at = at
            self.actorRole = actorRole
            self.note = note
        }
    }

    public let trackingCode: TrackingCode
    public let categoryName: String
    public let status: ComplaintStatus
    public let confidential: Bool
    public let description: String?
    public let location: String?
    public let area: String?
    public let dueAt: Date?
    public let createdAt: Date
    public let updatedAt: Date
    public let events: [Event]
    /// The status of the case this report joined as a duplicate.
    public let joinedStatus: ComplaintStatus?
    /// URLs of photos the public may see.
    public let photoURLs: [String]
    /// Each agency's part of a request that fans out (TrackingPage+Parts.swift); empty for other cases.
    public var parts: [Part] = []

    public init(trackingCode: TrackingCode, categoryName: String, status: ComplaintStatus, confidential: Bool,
                description: String?, location: String?, area: String?, dueAt: Date?, createdAt: Date, updatedAt: Date,
                events: [Event], joinedStatus: ComplaintStatus? = nil, photoURLs: [String] = []) {
        self.trackingCode = trackingCode
        self.categoryName = categoryName
        self.status = status
        self.confidential = confidential
        self.description = description
        self.location = location
        self.area = area
        self.dueAt = dueAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.events = events
        self.joinedStatus = joinedStatus
        self.photoURLs = photoURLs
    }
}

/// `GET /track/{code}`: the citizen's view of a case, and the page for unknown codes.
public enum TrackingPage {
    /// - Parameters:
    ///   - justSubmitted: shows the code large with advice to keep it.
    ///   - feedback: the citizen's answer to a resolution as entered, when it was refused.
    ///   - feedbackRecorded: thanks the citizen for an answer just recorded.
    ///   - confirmation: who handles the case, the next step and how the citizen hears (shown when just submitted).
    ///   - following: offers following a public case by email (where the hub sends mail).
    ///   - reply: the reporter's answer as entered, when it was refused; `replyRecorded` thanks them for one received.
    public static func render(_ view: TrackingView, language: Language, justSubmitted: Bool = false,
                              feedback: FeedbackForm? = nil, feedbackRecorded: Bool = false, confirmation: CaseConfirmation? = nil,
                              reply: ReplyForm? = nil, replyRecorded: Bool = false, following: Bool = false) -> String {
        func t(_ key: Strings) -> String { HTML.escape(key.text(language)) }
        var body = "<h1>\(justSubmitted ? t(.submittedTitle) : t(.trackTitle))</h1>"
        // A refused answer to the officer: what to fix, at the top, linking to its field (ReplyForm).
        let replySummary = view.status == .awaitingReporter ? reply?.summary(language).html(heading: Strings.fixErrors.text(language)) ?? "" : ""
        body += replySummary
        body += "<p>\(t(.trackingCode)):<br><span class=\"code\" id=\"tracking-code\">\(HTML.escape(view.trackingCode.grouped))</span></p>"
        if justSubmitted {
            let link = "/track/\(view.trackingCode.value)\(language == .en ? "?lang=en" : "")"
            body += "<p>\(t(.keepCode))</p><p><a id=\"tracking-link\" href=\"\(HTML.escape(link))\">\(t(.openTracking))</a></p>"
            if let confirmation { body += confirmation.render(language) }
        }
        body += "<dl>"
        body += "<dt>\(t(.status))</dt><dd id=\"status\" data-status=\"\(view.status.rawValue)\">\(HTML.escape(view.status.label(language)))</dd>"
        body += "<dt>\(t(.category))</dt><dd>\(HTML.escape(view.categoryName))</dd>"
        if let area = view.area { body += "<dt>\(t(.area))</dt><dd>\(HTML.escape(area))</dd>" }
        body += "<dt>\(t(.submittedAt))</dt><dd>\(DateText.local(view.createdAt, language))</dd>"
        body += "<dt>\(t(.updatedAt))</dt><dd>\(DateText.local(view.updatedAt, language))</dd>"
        if let due = view.dueAt { body += "<dt>\(t(.dueAt))</dt><dd>\(DateText.local(due, language))</dd>" }
        body += "</dl>"
        if feedbackRecorded { body += "<p id=\"feedback-thanks\" role=\"status\">\(t(.feedbackThanks))</p>" }
        body += partsSection(view, language: language)
        // A parent is rated in its parts, not as a whole (`Refusal.parentNotWorked`).
        if view.status == .resolved && view.parts.isEmpty {
            body += resolution(view, language: language)
            body += (feedback ?? FeedbackForm()).render(code: view.trackingCode, closesAt: view.dueAt, language: language)
        } else if let message = feedback?.errorText(language) {
            body += "<p class=\"error\" id=\"feedback-error\" role=\"alert\">\(HTML.escape(message))</p>"
        }
        body += answering(view, reply: reply, recorded: replyRecorded, language: language)
        if let joined = view.joinedStatus {
            body += "<p id=\"joined\">\(t(.joinedCase)) <strong>\(HTML.escape(joined.label(language)))</strong></p>"
        }
        if !view.photoURLs.isEmpty { body += "<h2>\(t(.photos))</h2>" }
        for url in view.photoURLs {
            let alt = url.contains("/resolution-photos/") ? t(.afterPhotoAlt) : t(.photoAlt)
            body += "<figure><img src=\"\(HTML.escape(url))\" alt=\"\(alt)\" style=\"max-width:100%;height:auto\" loading=\"lazy\"><figcaption>\(alt)</figcaption></figure>"
        }
        if view.confidential {
            body += "<p><em>\(t(.hiddenConfidential))</em></p>"
        } else {
            if let description = view.description { body += "<h2>\(t(.description))</h2><p class=\"text\">\(HTML.escape(description))</p>" }
            if let location = view.location { body += "<p>\(t(.location)): \(HTML.escape(location))</p>" }
        }
        // Anyone may follow a public case (issue 14).
        if following && !view.confidential { body += FollowPages.form(code: view.trackingCode, language: language) }
        body += timeline(view.events, language: language)
        if !replySummary.isEmpty { body += "<script src=\"\(FormScript.path)\" defer></script>" }
        let path = "/track/\(view.trackingCode.value)"
        return Layout.page(title: Strings.trackTitle.text(language), language: language, switchPath: path, body: body)
    }

    /// The public timeline: each event's name, the acting role, the moment and its public note.
    static func timeline(_ events: [TrackingView.Event], language: Language) -> String {
        var html = "<h2>\(HTML.escape(Strings.timeline.text(language)))</h2><ol class=\"timeline\">"
        for event in events {
            html += "<li><strong>\(HTML.escape(EventText.label(event.kind, language)))</strong>"
            html += " — \(HTML.escape(EventText.role(event.actorRole, language))), \(DateText.local(event.at, language))"
            if let note = event.note { html += "<br><span class=\"text\">\(HTML.escape(note))</span>" }
            html += "</li>"
        }
        return html + "</ol>"
    }

    /// Answering: thanks for an answer just received; while the case waits for the reporter, the
    /// officer's latest question and the form; a refused answer's reason otherwise.
    static func answering(_ view: TrackingView, reply: ReplyForm?, recorded: Bool, language: Language) -> String {
        var html = recorded ? "<p id=\"reply-thanks\" role=\"status\">\(HTML.escape(ReplyStrings.thanks.text(language)))</p>" : ""
        if view.status == .awaitingReporter {
            let question = view.events.last { $0.kind == .questionAsked }?.note
            html += (reply ?? ReplyForm()).render(code: view.trackingCode, question: question, answerBy: view.dueAt, language: language)
        } else if let message = reply?.errorText(language) {
            html += "<p class=\"error\" id=\"reply-error\" role=\"alert\">\(HTML.escape(message))</p>"
        }
        return html
    }

    /// The officer's account of the work, shown before the citizen is asked to rate it: the public
    /// note of the latest resolution on the timeline, with its date.
    static func resolution(_ view: TrackingView, language: Language) -> String {
        guard let resolved = view.events.last(where: { $0.kind == .resolved }) else { return "" }
        var html = "<section id=\"resolution\"><h2>\(HTML.escape(Strings.resolutionTitle.text(language)))</h2>"
        html += "<p class=\"hint\">\(HTML.escape(EventText.role(resolved.actorRole, language))), \(DateText.local(resolved.at, language))</p>"
        if let note = resolved.note { html += "<p class=\"text\">\(HTML.escape(note))</p>" }
        return html + "</section>"
    }

    /// The same page for unknown and malformed codes, so neither reveals anything.
    public static func notFound(language: Language) -> String {
        let body = "<h1>\(HTML.escape(Strings.notFoundTitle.text(language)))</h1><p>\(HTML.escape(Strings.notFound.text(language)))</p>"
            + "<p><a href=\"/\(language == .en ? "?lang=en" : "")\">\(HTML.escape(Strings.formTitle.text(language)))</a></p>"
            + LostCodePage.link(language: language)
        return Layout.page(title: Strings.notFoundTitle.text(language), language: language, switchPath: "/", body: body)
    }
}

/// Names of timeline events and roles in the citizen's language.
public enum EventText {
    /// The event's name; a kind without words of its own shows its stable name.
    public static func label(_ kind: EventKind, _ language: Language) -> String {
        let pair: (String, String)
        switch kind {
        case .submitted: pair = ("Pengaduan diterima", "Complaint received")
        case .dispatched: pair = ("Diteruskan ke instansi terkait", "Sent to the responsible agency")
        case .verified: pair = ("Diverifikasi", "Verified")
        case .claimed: pair = ("Mulai ditindaklanjuti", "Work started")
        case .disposed: pair = ("Diteruskan ke unit pelaksana", "Passed to the unit that will carry it out")
        case .note: pair = ("Catatan", "Note")
        case .resolved: pair = ("Selesai ditindaklanjuti", "Resolved")
        case .validationRequested: pair = ("Menunggu validasi", "Awaiting validation")
        case .validated: pair = ("Tindak lanjut divalidasi", "Follow-up validated")
        case .rejected: pair = ("Ditolak", "Rejected")
        case .postponed: pair = ("Ditunda", "Postponed")
        case .markedDuplicate: pair = ("Digabung dengan laporan lain", "Merged with another report")
        case .closed: pair = ("Ditutup", "Closed")
        case .reopened: pair = ("Dibuka kembali oleh pelapor", "Reopened by the reporter")
        case .accepted: pair = ("Pelapor menerima hasil tindak lanjut", "The reporter accepted the result")
        case .escalated: pair = ("Dieskalasi", "Escalated")
        case .linkedDuplicate: pair = ("Digabung dengan laporan yang sudah ada", "Joined an existing report")
        case .forwarded: pair = ("Diteruskan ke instansi lain", "Forwarded to another agency")
        case .forwardAccepted: pair = ("Diterima oleh instansi tujuan", "Accepted by the receiving agency")
        case .forwardReturned: pair = ("Dikembalikan ke instansi asal", "Returned to the forwarding agency")
        case .investigationOpened: pair = ("Pemeriksaan oleh inspektorat dimulai", "The inspectorate opened an investigation")
        case .decided: pair = ("Hasil pemeriksaan inspektorat", "The inspectorate's outcome")
        case .partsProgressed: pair = ("Kemajuan permohonan di instansi-instansi", "Progress of the request at the agencies")
        case .questionAsked: pair = ("Pertanyaan petugas kepada pelapor", "The officer's question to the reporter")
        case .reporterReplied: pair = ("Pelapor menjawab", "The reporter answered")
        case .reporterUnanswered: pair = ("Pelapor belum menjawab", "The reporter did not answer")
        case .assigned, .detailsUpdated, .followUpRejected, .findingsRecorded, .unrecognised: pair = (kind.rawValue, kind.rawValue)
        }
        return language == .en ? pair.1 : pair.0
    }

    /// Who acted, by role; the hub and any role this build does not know show as the system.
    public static func role(_ role: ActorRole, _ language: Language) -> String {
        switch role {
        case .staff(let known): return language == .en ? known.labelEN : known.labelID
        case .citizen: return language == .en ? "Reporter" : "Pelapor"
        case .system, .unrecognised: return language == .en ? "System" : "Sistem"
        }
    }
}

/// Dates shown in Western Indonesian Time (WIB), the hub's default region.
enum DateText {
    static func local(_ date: Date, _ language: Language) -> String {
        var time = time_t(date.timeIntervalSince1970) + 7 * 3600
        var parts = tm()
        gmtime_r(&time, &parts)
        let monthsID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
        let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = (language == .en ? monthsEN : monthsID)[Int(parts.tm_mon)]
        let minute = parts.tm_min < 10 ? "0\(parts.tm_min)" : "\(parts.tm_min)"
        let hour = parts.tm_hour < 10 ? "0\(parts.tm_hour)" : "\(parts.tm_hour)"
        return "\(parts.tm_mday) \(month) \(parts.tm_year + 1900) \(hour).\(minute) WIB"
    }
}

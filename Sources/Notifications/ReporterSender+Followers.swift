import Complaints
import HubStore
import Postgres

extension ReporterSender {
    /// Tells the confirmed followers of a public case of a notice, each in their language, each
    /// message with its unsubscribe link; at most once per notice and follower.
    func tellFollowers(_ notice: ReporterNotice, on connection: PostgresConnection, failures: inout [DeliveryFailure]) throws {
        guard Following.tells(notice), settings.smtp != nil else { return }
        let followers = try FollowerStore.followers(of: notice.complaintID, on: connection)
        guard !followers.isEmpty else { return }
        var agencyNames: [Language: String?] = [:]
        for follower in followers {
            if agencyNames[follower.language] == nil {
                agencyNames[follower.language] = try ReporterNoticeStore.agencyName(notice.agency, language: follower.language, on: connection)
            }
            let unsubscribe = site + FollowLink.unsubscribe.path(follower.unsubscribeToken) + (follower.language == .en ? "?lang=en" : "")
            let words = FollowerText(notice, language: follower.language, agencyName: agencyNames[follower.language] ?? nil,
                                     site: site, unsubscribeLink: unsubscribe)
            try mail(to: follower.email, subject: words.subject, body: words.body,
                     key: notice.key + ":follower-\(follower.id):email", caseID: notice.complaintID,
                     unsubscribe: unsubscribe, failures: &failures)
        }
    }

    /// Sends a new follower the link that confirms their follow.
    func handle(_ confirmation: FollowerConfirmation, on connection: PostgresConnection) throws {
        guard let pending = try FollowerStore.pending(id: confirmation.followerID, on: connection) else { return }
        let link = site + FollowLink.confirm.path(pending.confirmToken) + (pending.language == .en ? "?lang=en" : "")
        let words = FollowerText(confirming: pending.complaintID, language: pending.language, confirmLink: link)
        var failures: [DeliveryFailure] = []
        try mail(to: pending.email, subject: words.subject, body: words.body, key: confirmation.deliveryKey,
                 caseID: pending.complaintID, failures: &failures)
        if let first = failures.first { throw first }
    }

    /// Sends a contact the codes of its cases of the last 12 months, on its channel only; nothing
    /// when it has none.
    func handle(_ request: LostCodes, on connection: PostgresConnection) throws {
        let found = try LostCodeStore.cases(for: request.request, language: request.language, on: connection)
        guard !found.codes.isEmpty else { return }
        let words = LostCodesText(found.codes, language: request.language, site: site)
        var failures: [DeliveryFailure] = []
        switch request.request {
        case .email(let email):
            try mail(to: email, subject: words.subject, body: words.body, key: request.deliveryKey(for: .email), caseID: nil,
                     failures: &failures)
        case .phone(let phone):
            let channel = found.textChannel ?? settings.textChannel
            try text(to: "+" + LostCodeRequest.phoneKey(phone), on: channel, body: words.body, key: request.deliveryKey(for: channel), caseID: nil,
                     failures: &failures)
        }
        if let first = failures.first { throw first }
    }
}

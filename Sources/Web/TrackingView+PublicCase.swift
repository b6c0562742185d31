import Complaints

extension TrackingView {
    /// The tracking page's view of a case's public projection.
    public init(_ found: PublicCase, code: TrackingCode, language: Language) {
        let area = [found.kelurahan, found.kecamatan].compactMap { $0 }.joined(separator: ", ")
        self.init(trackingCode: code, categoryName: language == .en ? found.categoryNameEN : found.categoryNameID,
                  status: found.status, confidential: found.confidential, description: found.description,
                  location: found.location, area: area.isEmpty ? nil : area, dueAt: found.dueAt,
                  createdAt: found.createdAt, updatedAt: found.updatedAt,
                  events: found.timeline.map { .init(kind: $0.kind, at: $0.at, actorRole: $0.actorRole, note: $0.note(language)) },
                  joinedStatus: found.joinedStatus, photoURLs: found.photos.map { $0.path(code: code.value) })
        parts = found.parts.map { Part(agencyName: language == .en ? $0.agencyNameEN : $0.agencyNameID, status: $0.status, dueAt: $0.dueAt) }
    }
}

import Foundation

extension Case {
    /// The child cases of a parent just submitted, one per part (so one per agency): each received at
    /// its part's agency, in its part's category and module, about what the citizen wrote, as private
    /// or public as the parent. They have no reporter of their own: the reporter hears of the parent.
    /// - Parameter parts: each part with the identity and tracking code the store reserved for its case.
    public func parts(_ parts: [(part: RequestPart, id: Int64, trackingCode: TrackingCode)]) -> [Case] {
        parts.map { item in
            Case(id: item.id, trackingCode: item.trackingCode.value, category: item.part.route.category, subcategory: nil,
                 module: item.part.route.module, agency: item.part.agency, channel: channel, status: .received, priority: priority,
                 description: description, location: location, kelurahan: kelurahan, kecamatan: kecamatan, lat: lat, lon: lon,
                 anonymous: anonymous, confidential: confidential, inspectorate: false, escalationLevel: 0, overdueStep: 0,
                 assignedTo: nil, subUnit: nil, dueAt: nil, createdAt: createdAt, updatedAt: updatedAt, moduleFields: [:],
                 parentID: id, kecamatanCode: kecamatanCode, kelurahanCode: kelurahanCode)
        }
    }

    /// True for a parent: its parts are worked, never the parent itself.
    public var isParent: Bool { requestType != nil }
}

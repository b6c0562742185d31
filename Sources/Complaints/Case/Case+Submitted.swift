import Foundation

extension Case {
    /// A new case as intake stores it: received, of normal priority, held by nobody, without a
    /// deadline until its module takes it in, and with the reporter's texts trimmed (blank ones
    /// left out). A report of misconduct is the inspectorate's, and confidential whatever the
    /// reporter chose.
    /// - Parameters:
    ///   - id: the identity the store reserved for it.
    ///   - route: where the submission's category goes.
    ///   - requestType: the request type its subcategory asks for, when it fans out: the case is then
    ///     a parent, whose parts are its children (`Case.parts(_:)`).
    ///   - placement: where it lies (`AreaPlacement.place`): a placed region's codes, and its canonical
    ///     name instead of the typed one.
    public init(submitted valid: ValidSubmission, id: Int64, trackingCode: TrackingCode, route: CategoryRoute,
                requestType: String? = nil, placement: AreaPlacement = .nowhere, at now: Date) {
        let submission = valid.submission
        self.init(id: id, trackingCode: trackingCode.value, category: submission.category, subcategory: submission.subcategory,
                  module: route.module, agency: route.agency, channel: submission.channel, status: .received, priority: .normal,
                  description: submission.trimmedDescription, location: submission.location.trimmedText,
                  kelurahan: placement.kelurahan?.name ?? submission.kelurahan.trimmedText,
                  kecamatan: placement.kecamatan?.name ?? submission.kecamatan.trimmedText,
                  lat: submission.lat, lon: submission.lon, anonymous: submission.anonymous,
                  confidential: submission.confidential || route.inspectorate, inspectorate: route.inspectorate, escalationLevel: 0, overdueStep: 0, assignedTo: nil, subUnit: nil, dueAt: nil,
                  createdAt: now, updatedAt: now, moduleFields: [:], requestType: requestType,
                  kecamatanCode: placement.kecamatan?.code, kelurahanCode: placement.kelurahan?.code)
    }
}

extension Optional where Wrapped == String {
    /// The text trimmed of White_Space; nil for nil or blank text.
    public var trimmedText: String? {
        guard let text = self?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }
}

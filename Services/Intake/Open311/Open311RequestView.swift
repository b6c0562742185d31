import HubStore
import ServiceKit

/// Service requests as GeoReport v2 shows them, built from the public projection only. Every field
/// the spec names is present; what the hub does not keep or must not show is null (empty in XML).
enum Open311RequestView {
    /// - Parameter site: the site's public URL, where the gateway serves public photos.
    static func value(_ item: Open311Case, dateTime: Open311DateTime, site: PublicURL) -> Open311Value {
        // The public projection already withholds a confidential complaint's description and place.
        let address = item.confidential ? nil
            : [item.location, item.kelurahan, item.kecamatan].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return .object([
            ("service_request_id", .text(String(item.requestID))),
            ("status", .text(Open311Status.code(item.status))),
            ("status_notes", .text(Open311Status.notes(item.status))),
            ("service_name", .text(item.categoryNameID)),
            ("service_code", .text(item.category)),
            ("description", .text(item.confidential ? nil : item.description)),
            ("agency_responsible", .text(item.agency)),
            ("service_notice", .text(notice(item))),
            ("requested_datetime", .text(dateTime.format(item.createdAt))),
            ("updated_datetime", .text(dateTime.format(item.updatedAt))),
            ("expected_datetime", .text(item.dueAt.map(dateTime.format))),
            ("address", .text(address.flatMap { $0.isEmpty ? nil : $0 })),
            ("address_id", .null),
            ("zipcode", .null),
            ("lat", item.lat.map { .number($0) } ?? .null),
            ("long", item.lon.map { .number($0) } ?? .null),
            ("media_url", .text(item.photoID.map { site.absolute("/api/v1/photos/\($0)") })),
        ])
    }

    /// `GET requests` and `GET requests/{id}`: a list of requests.
    static func document(_ items: [Open311Case], dateTime: Open311DateTime, site: PublicURL) -> Open311Document {
        Open311Document(root: "service_requests", value: .list(item: "request", items.map {
            value($0, dateTime: dateTime, site: site)
        }))
    }

    /// The answer to `POST requests`: the request's id, as GeoReport v2 gives it when the id is known
    /// at once (always, here: the request is stored before the answer). A `token` stands in for an id
    /// only while there is none, so it is not sent; `GET tokens/{token}` still reads a tracking code.
    static func created(_ item: Open311Case, joined: Bool) -> Open311Document {
        Open311Document(root: "service_requests", value: .list(item: "request", [.object([
            ("service_request_id", .text(String(item.requestID))),
            ("service_notice", .text(receivedNotice(item, joined: joined))),
            ("account_id", .null),
        ])]))
    }

    /// `GET tokens/{token}`.
    static func token(_ item: Open311Case) -> Open311Document {
        Open311Document(root: "service_requests", value: .list(item: "request", [.object([
            ("service_request_id", .text(String(item.requestID))),
            ("token", .text(item.trackingCode)),
        ])]))
    }

    static func notice(_ item: Open311Case) -> String? {
        item.agencyNameID.map { "Ditangani oleh \($0)." }
    }

    static func receivedNotice(_ item: Open311Case, joined: Bool) -> String {
        let agency = item.agencyNameID.map { " dan diteruskan ke \($0)" } ?? ""
        let duplicate = joined ? " Laporan yang sama sedang ditangani; laporan ini digabungkan dengannya." : ""
        return "Pengaduan diterima\(agency).\(duplicate) Simpan kode pelacakan \(item.trackingCode) untuk memantau "
            + "perkembangannya di /track/\(item.trackingCode)."
    }
}

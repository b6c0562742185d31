import Complaints
import HubStore
import Postgres

/// A category as an Open311 service, with the attributes its service definition lists.
struct Open311Service: Sendable {
    let category: Category
    /// The owning module's name (the service's `group`).
    let group: String

    var code: String { category.code }

    /// Every service asks for the subcategory, the area and whether the request is confidential;
    /// public works also for the streetlight pole id.
    var attributes: [Open311Attribute] {
        var attributes = [
            Open311Attribute(code: "subcategory", datatype: .singlevaluelist, required: false,
                             description: "Subkategori (subcategory)",
                             datatypeDescription: "Pilih satu subkategori (choose one subcategory)", order: 1,
                             values: category.subcategories.map { ($0.code, $0.nameID) }, maxLength: 100),
            Open311Attribute(code: "kelurahan", datatype: .string, required: false,
                             description: "Kelurahan atau desa (village or urban ward)",
                             datatypeDescription: "Paling banyak 100 karakter (at most 100 characters)", order: 2,
                             values: [], maxLength: 100),
            Open311Attribute(code: "kecamatan", datatype: .string, required: false,
                             description: "Kecamatan (sub-district)",
                             datatypeDescription: "Paling banyak 100 karakter (at most 100 characters)", order: 3,
                             values: [], maxLength: 100),
            Open311Attribute(code: Open311Attribute.confidential, datatype: .singlevaluelist, required: false,
                             description: "Rahasiakan isi pengaduan dari publik (keep the request's description and place from the public)",
                             datatypeDescription: "true atau false; tanpa jawaban: publik (true or false; unanswered: public)", order: 4,
                             values: [("false", "Publik (public)"), ("true", "Rahasia (confidential)")], maxLength: 5),
        ]
        if category.module == .publicWorks {
            attributes.append(Open311Attribute(
                code: Open311Attribute.poleID, datatype: .string, required: false,
                description: "Nomor tiang PJU seperti tertulis pada tiang (street light pole id as marked on the pole)",
                datatypeDescription: "Paling banyak 40 karakter (at most 40 characters)", order: 5,
                values: [], maxLength: 40))
        }
        return attributes
    }

    /// The entry in `GET services`.
    var listValue: Open311Value {
        let keywords = [category.keyword] + category.subcategories.map(\.nameID)
        return .object([
            ("service_code", .text(category.code)),
            ("service_name", .text(category.nameID)),
            ("description", .text(category.nameEN)),
            ("metadata", .bool(true)),
            ("type", .text("realtime")),
            ("keywords", .text(keywords.joined(separator: ", "))),
            ("group", .text(group)),
        ])
    }

    /// `GET services/{code}`.
    var definition: Open311Document {
        Open311Document(root: "service_definition", value: .object([
            ("service_code", .text(category.code)),
            ("attributes", .list(item: "attribute", attributes.map(\.value))),
        ]))
    }

    /// `GET services`.
    static func list(_ services: [Open311Service]) -> Open311Document {
        Open311Document(root: "services", value: .list(item: "service", services.map(\.listValue)))
    }
}

extension Open311Service {
    /// The 13 categories as services, in display order.
    static func all(on connection: PostgresConnection) throws -> [Open311Service] {
        let groups = try Open311Store.moduleNames(on: connection)
        return try CategoryStore.all(connection).map { category in
            Open311Service(category: category, group: groups[category.module.rawValue] ?? category.module.rawValue)
        }
    }
}

import Complaints
import Postgres

/// The reference data admins manage (`ReferenceKind`): listing, creating and changing records, each
/// change audited in its transaction. Every changed table announces itself on `reference_data`
/// (migration 030), and the calendar and routes are read afresh for each case, so a change applies
/// on every replica to the next case.
public enum ReferenceDataStore {
    /// Every record of a kind, in the order the pages show them.
    /// - Throws: `PostgresError`.
    public static func list(_ kind: ReferenceKind, on connection: PostgresConnection) throws -> [ReferenceRecord] {
        try connection.query(SQL.list(kind)).map { try record(kind, $0) }
    }

    /// Creates a record, audited as `reference_created`. Call inside a transaction.
    /// - Throws: `Refusal` 400 `unknown_reference` for a reference to a record that does not exist,
    ///   409 `duplicate` for an id or unique value taken, 400 `invalid_field` for a rule of the schema's;
    ///   `PostgresError`.
    public static func create<Who>(_ input: ReferenceInput, by acting: Acting<Who>,
                                   on connection: PostgresConnection) throws -> ReferenceRecord {
        try input.checkWhole(over: nil)
        try checkReferences(of: input, on: connection)
        let kind = input.kind
        let parameters = kind.fields.map { parameter(input.values[$0.name] ?? .none) }
        let rows = try refusingConflicts { try connection.query(SQL.insert(kind, values: input.values), parameters) }
        let created = try record(kind, rows[0])
        try AuditLog.record("reference_created", by: acting, after: Snapshot(kind: kind, record: created), on: connection)
        return created
    }

    /// Changes the fields `input` holds on the record with this id, audited as `reference_changed`
    /// with the record before and after. Call inside a transaction.
    /// - Throws: `Refusal` 404 `not_found`, and as `create`; `PostgresError`.
    public static func change<Who>(_ id: String, _ input: ReferenceInput, by acting: Acting<Who>,
                                   on connection: PostgresConnection) throws -> ReferenceRecord {
        let kind = input.kind
        let key = SQL.key(kind, id: id)
        guard let row = try connection.query(SQL.find(kind, key: key), key.parameters).first else {
            throw Refusal.referenceNotFound(kind, id: id)
        }
        let before = try record(kind, row)
        try input.checkWhole(over: before)
        try checkReferences(of: input, on: connection)
        let editable = kind.fields.filter(\.editable)
        let parameters = key.parameters + editable.map { input.values[$0.name].map(parameter) ?? PostgresValue.null }
        let rows = try refusingConflicts { try connection.query(SQL.update(kind, key: key), parameters) }
        let after = try record(kind, rows[0])
        try AuditLog.record("reference_changed", by: acting, before: Snapshot(kind: kind, record: before),
                           after: Snapshot(kind: kind, record: after), on: connection)
        return after
    }

    /// Refuses an input that names a record of another kind that does not exist.
    private static func checkReferences(of input: ReferenceInput, on connection: PostgresConnection) throws {
        for reference in input.references {
            if try connection.query(SQL.exists(reference.kind), [reference.code]).isEmpty {
                throw Refusal.unknownReference(reference.field, kind: reference.kind, code: reference.code)
            }
        }
    }

    /// The schema's own refusals as the admin's: a unique value taken, a check of its own broken.
    private static func refusingConflicts(_ body: () throws -> PostgresRows) throws -> PostgresRows {
        do {
            return try body()
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw Refusal.duplicateReference
        } catch let error as PostgresError where error.kind == .checkViolation || error.kind == .foreignKeyViolation {
            throw Refusal.referenceRuleBroken
        }
    }

    private static func parameter(_ value: ReferenceValue) -> PostgresValue {
        switch value {
        case .text(let text): return text.postgresValue
        case .integer(let number): return number.postgresValue
        case .boolean(let flag): return flag.postgresValue
        case .list, .object: return JSONText.encode(value).postgresValue
        case .none: return .null
        }
    }

    /// A row of `SQL.list`, `find`, `insert` or `update` (every column as its field's JSON name).
    static func record(_ kind: ReferenceKind, _ row: PostgresRow) throws -> ReferenceRecord {
        var values: [String: ReferenceValue] = [:]
        for field in kind.fields {
            guard let text = row[field.name] else { values[field.name] = ReferenceValue.none; continue }
            switch field.shape {
            case .integer: values[field.name] = Int(text).map(ReferenceValue.integer) ?? .none
            case .boolean: values[field.name] = .boolean(text == "t" || text == "true")
            case .letterFields: values[field.name] = JSONText.decode(ReferenceValue.self, from: text) ?? .list([])
            default: values[field.name] = .text(text)
            }
        }
        return ReferenceRecord(id: kind.id(of: values), values: values)
    }

    /// A record as the audit log keeps it: its kind, its id and its fields.
    struct Snapshot: Encodable {
        let kind: ReferenceKind
        let record: ReferenceRecord

        private struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(kind.rawValue, forKey: Key(stringValue: "kind"))
            try container.encode(record.id, forKey: Key(stringValue: "id"))
            for (name, value) in record.values { try container.encode(value, forKey: Key(stringValue: name)) }
        }
    }

}

import Complaints
import Postgres

/// The letter types (`letter_types`), their fields read from JSON by PostgreSQL itself.
public enum LetterTypeStore {
    /// Every active type, by code.
    /// - Parameter includingInactive: also the types an admin switched off (letters entered before
    ///   still run, are shown and finish under their type).
    public static func all(includingInactive: Bool = false, on connection: PostgresConnection) throws -> [LetterType] {
        let types = try connection.query("""
            select code, name_id, name_en, classification, body_template, reaches_district, deadline_days
              from letter_types where active or $1 order by code
            """, [includingInactive])
        let fields = try connection.query("""
            select t.code, f->>'key' as key, f->>'label_id' as label_id, f->>'label_en' as label_en, f->>'type' as type,
                   coalesce((f->>'required')::boolean, false) as required, (f->>'max_length')::int as max_length,
                   (f->>'min')::bigint as min, (f->>'max')::bigint as max,
                   coalesce(array_to_json(array(select jsonb_array_elements_text(f->'choices')))::text, '[]') as choices_json
              from letter_types t
              cross join lateral jsonb_array_elements(t.fields) with ordinality as e(f, ordinality)
             where t.active or $1 order by t.code, e.ordinality
            """, [includingInactive])
        var byType: [String: [LetterField]] = [:]
        for row in fields {
            let kind: String = try row.decode("type")
            guard let fieldKind = LetterField.Kind(rawValue: kind) else {
                throw PostgresError.decoding(column: "type", expected: "LetterField.Kind", value: kind)
            }
            let field = LetterField(key: try row.decode("key"), labelID: try row.decode("label_id"), labelEN: try row.decode("label_en"),
                                    kind: fieldKind, required: try row.decode("required"), maxLength: try row.decode("max_length"),
                                    min: try row.decode("min"), max: try row.decode("max"),
                                    choices: try row.decode("choices_json", as: String.self).jsonStringArray)
            byType[try row.decode("code"), default: []].append(field)
        }
        return try types.map { row in
            let code: String = try row.decode("code")
            return LetterType(code: code, nameID: try row.decode("name_id"), nameEN: try row.decode("name_en"),
                              classification: try row.decode("classification"), fields: byType[code] ?? [],
                              bodyTemplate: try row.decode("body_template"), reachesDistrict: try row.decode("reaches_district"),
                              deadlineDays: try row.decode("deadline_days"))
        }
    }

    /// One active type (or, `includingInactive`, one switched off too), or nil.
    public static func find(_ code: String, includingInactive: Bool = false, on connection: PostgresConnection) throws -> LetterType? {
        try all(includingInactive: includingInactive, on: connection).first { $0.code == code }
    }
}

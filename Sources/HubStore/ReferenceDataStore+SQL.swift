import Complaints
import Postgres

extension ReferenceDataStore {
    /// The named statements of each kind of reference data. Every statement names its columns by
    /// the fields' JSON names; `insert` takes the kind's fields in order, `update` the record's key
    /// and then its editable fields in order (null keeps a field as it is).
    enum SQL {
        /// Which record an id names: the table's key as parameters, and for routes which of the two
        /// tables (a category's default route, or its route in one kecamatan).
        struct Key {
            let parameters: [PostgresValue]
            let areaRoute: Bool
        }

        static func key(_ kind: ReferenceKind, id: String) -> Key {
            let parts = id.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            switch kind {
            case .subcategories, .requestParts:
                return Key(parameters: [parts[0].postgresValue, (parts.count > 1 ? parts[1] : "").postgresValue], areaRoute: false)
            case .routes:
                return Key(parameters: parts.map(\.postgresValue), areaRoute: parts.count > 1)
            case .holidays:
                // Not a date: no holiday has it (the cast would fail the transaction).
                return Key(parameters: [(LetterField.isDate(id) ? id : "0001-01-01").postgresValue], areaRoute: false)
            default:
                return Key(parameters: [id.postgresValue], areaRoute: false)
            }
        }

        static func list(_ kind: ReferenceKind) -> String {
            switch kind {
            case .categories: return "select \(columns(kind)) from categories order by position"
            case .subcategories: return "select \(columns(kind)) from subcategories order by category_code, position, code"
            case .routes:
                return "select \(columns(kind)) from category_routes union all select \(areaRouteColumns) from category_area_routes order by 1, 2 nulls first"
            case .agencies: return "select \(columns(kind)) from agencies order by code"
            case .subUnits: return "select \(columns(kind)) from sub_units order by agency_code, code"
            case .channels: return "select \(columns(kind)) from intake_channels order by position, code"
            case .holidays: return "select \(columns(kind)) from holidays order by day"
            case .deadlines:
                return "select \(columns(kind)) from service_levels order by array_position(array[\(deadlineOrder)], kind)"
            case .letterTypes: return "select \(columns(kind)) from letter_types order by code"
            case .requestTypes: return "select \(columns(kind)) from request_types order by code"
            case .requestParts: return "select \(columns(kind)) from request_type_parts order by type_code, position, agency_code"
            }
        }

        static func find(_ kind: ReferenceKind, key: Key) -> String {
            "select \(key.areaRoute ? areaRouteColumns : columns(kind)) from \(table(kind, key: key)) where \(condition(kind, key: key)) for update"
        }

        static func insert(_ kind: ReferenceKind, values: [String: ReferenceValue]) -> String {
            switch kind {
            case .categories:
                return "insert into categories (code, name_id, name_en, keyword, position) values ($1, $2, $3, $4, $5) returning \(columns(kind))"
            case .subcategories:
                return """
                    insert into subcategories (category_code, code, name_id, name_en, position, misconduct, hazard, request_type)
                    values ($1, $2, $3, $4, $5, $6, $7, $8) returning \(columns(kind))
                    """
            case .routes:
                if values["kecamatan"] == ReferenceValue.none {
                    return """
                        insert into category_routes (category_code, module_code, agency_code)
                        select $1, $3, $4 where $2::text is null returning \(columns(kind))
                        """
                }
                return """
                    insert into category_area_routes (category_code, kecamatan, module_code, agency_code)
                    values ($1, $2, $3, $4) returning \(areaRouteColumns)
                    """
            case .agencies:
                return "insert into agencies (code, name_id, name_en, time_zone) values ($1, $2, $3, $4) returning \(columns(kind))"
            case .subUnits:
                return "insert into sub_units (code, agency_code, name_id, name_en, active) values ($1, $2, $3, $4, $5) returning \(columns(kind))"
            case .channels:
                return "insert into intake_channels (code, name_id, name_en, position, active) values ($1, $2, $3, $4, $5) returning \(columns(kind))"
            case .holidays:
                return "insert into holidays (day, name_id, name_en, kind, active) values ($1::date, $2, $3, $4, $5) returning \(columns(kind))"
            case .deadlines:
                return "insert into service_levels (kind, working_days) values ($1, $2) returning \(columns(kind))"
            case .letterTypes:
                return """
                    insert into letter_types (code, name_id, name_en, classification, fields, body_template, reaches_district, deadline_days, active)
                    values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) returning \(columns(kind))
                    """
            case .requestTypes:
                return "insert into request_types (code, name_id, name_en) values ($1, $2, $3) returning \(columns(kind))"
            case .requestParts:
                return """
                    insert into request_type_parts (type_code, agency_code, category_code, position, name_id, name_en)
                    values ($1, $2, $3, $4, $5, $6) returning \(columns(kind))
                    """
            }
        }

        static func update(_ kind: ReferenceKind, key: Key) -> String {
            let first = key.parameters.count + 1
            let assignments = kind.fields.filter(\.editable).enumerated().map { offset, field in
                let column = column(kind, field.name)
                let cast = field.shape == .date ? "::date" : field.shape == .letterFields ? "::jsonb" : ""
                return "\(column) = coalesce($\(first + offset)\(cast), \(column))"
            }
            return """
                update \(table(kind, key: key)) set \(assignments.joined(separator: ", "))
                 where \(condition(kind, key: key)) returning \(key.areaRoute ? areaRouteColumns : columns(kind))
                """
        }

        /// $1 a code: whether a record of the kind a reference field names has it.
        static func exists(_ kind: ReferenceKind) -> String {
            switch kind {
            case .agencies: return "select 1 from agencies where code = $1"
            case .requestTypes: return "select 1 from request_types where code = $1"
            case .categories: return "select 1 from categories where code = $1"
            default: preconditionFailure("no reference field names a record of \(kind.rawValue)")
            }
        }

        private static let deadlineOrder = ServiceLevels.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

        private static let areaRouteColumns = "category_code as category, kecamatan, module_code as module, agency_code as agency"

        /// The select list of a kind: each field's column as the field's name.
        private static func columns(_ kind: ReferenceKind) -> String {
            kind.fields.map { field in
                let column = column(kind, field.name)
                if kind == .routes && field.name == "kecamatan" { return "null::text as kecamatan" }
                return column == field.name && field.shape != .date ? column : "\(column)\(field.shape == .date ? "::text" : "") as \(field.name)"
            }.joined(separator: ", ")
        }

        /// The column that holds a field.
        private static func column(_ kind: ReferenceKind, _ field: String) -> String {
            switch field {
            case "category": return "category_code"
            case "agency": return "agency_code"
            case "module": return "module_code"
            case "type" where kind == .requestParts: return "type_code"
            default: return field
            }
        }

        private static func table(_ kind: ReferenceKind, key: Key) -> String {
            switch kind {
            case .categories: return "categories"
            case .subcategories: return "subcategories"
            case .routes: return key.areaRoute ? "category_area_routes" : "category_routes"
            case .agencies: return "agencies"
            case .subUnits: return "sub_units"
            case .channels: return "intake_channels"
            case .holidays: return "holidays"
            case .deadlines: return "service_levels"
            case .letterTypes: return "letter_types"
            case .requestTypes: return "request_types"
            case .requestParts: return "request_type_parts"
            }
        }

        private static func condition(_ kind: ReferenceKind, key: Key) -> String {
            switch kind {
            case .subcategories: return "category_code = $1 and code = $2"
            case .routes: return key.areaRoute ? "category_code = $1 and lower(kecamatan) = lower($2)" : "category_code = $1"
            case .holidays: return "day = $1::date"
            case .deadlines: return "kind = $1"
            case .requestParts: return "type_code = $1 and agency_code = $2"
            default: return "code = $1"
            }
        }
    }
}

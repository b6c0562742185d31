import Complaints
import Postgres

extension FanOutStore {
    /// The request a parent or one of its parts belongs to, with every part in the request type's
    /// order; nil for a case that is neither.
    /// - Throws: `PostgresError`.
    public static func request(of stored: Case, on connection: PostgresConnection) throws -> CaseRequest? {
        guard stored.isParent || stored.parentID != nil else { return nil }
        let rows = try connection.query(SQL.request, [stored.parentID ?? stored.id])
        guard let first = rows.first else { return nil }
        let parts = try rows.map { row in
            CaseRequest.Part(trackingCode: try row.decode("tracking_code"), agency: try row.decode("agency_code"),
                             agencyNameID: try row.decode("agency_name_id"), agencyNameEN: try row.decode("agency_name_en"),
                             status: try status(row))
        }
        return CaseRequest(trackingCode: try first.decode("parent_code"), typeNameID: try first.decode("type_name_id"),
                           typeNameEN: try first.decode("type_name_en"), parts: parts)
    }
}

extension FanOutStore.SQL {
    /// $1 the parent: the request's type and code, and each part with its agency's names.
    static let request = """
        select p.tracking_code as parent_code, t.name_id as type_name_id, t.name_en as type_name_en,
               c.tracking_code, c.agency_code, a.name_id as agency_name_id, a.name_en as agency_name_en, c.status
          from complaints p
          join request_types t on t.code = p.request_type
          join complaints c on c.parent_id = p.id
          join agencies a on a.code = c.agency_code
          left join request_type_parts rp on rp.type_code = p.request_type and rp.agency_code = c.agency_code
         where p.id = $1
         order by coalesce(rp.position, 0), c.agency_code, c.id
        """
}

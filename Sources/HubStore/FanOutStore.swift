import Complaints
import Foundation
import Postgres

/// Requests that fan out (migration 029): the parts a submission's subcategory asks for, the child
/// cases stored with their parent in the submission's transaction, and the parent following its
/// children after each change of one of them.
public enum FanOutStore {
    /// A part of the submitted request, with the identity its case will have.
    struct ReservedPart: Sendable {
        let part: RequestPart
        let id: Int64
    }

    /// Queues the read of the parts of the request a submission asks for (none when its subcategory
    /// asks for no request type that fans out), each with a reserved identity, for `parts(from:)`.
    static func queueParts(of submission: ComplaintSubmission, into batch: inout PostgresBatch) {
        batch.query(SQL.parts, [submission.category, submission.subcategory])
    }

    /// The parts in the rows of `queueParts`.
    static func parts(from rows: PostgresRows) throws -> [ReservedPart] {
        try rows.map { row in
            let moduleCode: String = try row.decode("module_code")
            guard let module = ModuleName(rawValue: moduleCode) else {
                throw PostgresError.decoding(column: "module_code", expected: "ModuleName", value: moduleCode)
            }
            let route = CategoryRoute(category: try row.decode("category_code"), module: module, agency: try row.decode("route_agency"))
            return ReservedPart(part: RequestPart(requestType: try row.decode("type_code"), agency: try row.decode("agency_code"),
                                                  route: route, nameID: try row.decode("name_id"), nameEN: try row.decode("name_en")),
                                id: try row.decode("id"))
        }
    }

    /// Stores the children of a parent just inserted, and the first step of the parent and of each
    /// (`Lifecycle.receive(parent:children:)`), in the submission's transaction; nothing is read back.
    /// - Throws: `Refusal` for a parent not waiting at intake; `PostgresError` (at the COMMIT, a
    ///   tracking code taken by another case, which `ComplaintStore.mayRetry` recognises).
    static func receive(_ parent: Case, parts: [ReservedPart], open311Details: [String: String],
                        on connection: PostgresConnection) throws {
        let children = parent.parts(parts.map { ($0.part, $0.id, TrackingCode.generate()) })
        for child in children {
            try connection.write(ComplaintStore.SQL.insertComplaint, ComplaintStore.insertParameters(child))
        }
        for change in try Lifecycle.receive(parent: parent, children: children, open311Details: open311Details, at: Date()).get() {
            try CaseStore.write(change, on: connection)
        }
    }

    /// After a change of a child case that concerns its parent (`Lifecycle.concernsParent`), brings
    /// the parent up to date: locks it (so that the changes of its children follow one another and
    /// the last one sees them all), reads the status of every child as the transaction now sees them
    /// and the public name of the child's agency, and writes what the lifecycle decides.
    static func followParent(after change: CaseChange, on connection: PostgresConnection) throws {
        let child = change.after
        guard let parentID = child.parentID else { return }
        let rows = try connection.pipeline { batch in
            batch.query(SQL.lockParent, [parentID])
            batch.query(SQL.childStatuses, [parentID])
            batch.query(ReporterNoticeStore.SQL.agencyName, [child.agency])
        }
        guard let row = rows[0].first else { return }
        let parent = try Case(row: row)
        let statuses = try rows[1].map(status)
        let agencyName: String = try rows[2].first?.decode("name_id") ?? child.agency
        let word = Lifecycle.partWord(of: change, agencyName: agencyName)
        if let followed = Lifecycle.follow(parent, parts: statuses, word: word, at: Date()) {
            try CaseStore.write(followed, on: connection)
        }
    }

    /// A row's `status` column.
    static func status(_ row: PostgresRow) throws -> ComplaintStatus {
        let code: String = try row.decode("status")
        guard let status = ComplaintStatus(rawValue: code) else {
            throw PostgresError.decoding(column: "status", expected: "ComplaintStatus", value: code)
        }
        return status
    }

    enum SQL {
        /// $1 the category, $2 the subcategory (or null): the parts of the request type it asks for,
        /// in order, with the module of each part's category and an identity for each part's case.
        static let parts = """
            select p.type_code, p.agency_code, p.category_code, r.module_code, r.agency_code as route_agency,
                   p.name_id, p.name_en, nextval(pg_get_serial_sequence('complaints', 'id')) as id
              from subcategories s
              join request_type_parts p on p.type_code = s.request_type
              join category_routes r on r.category_code = p.category_code
             where s.category_code = $1 and s.code = $2::text
             order by p.position, p.agency_code
            """
        static let lockParent = "select \(Case.columns) from complaints where id = $1 for update"
        static let childStatuses = "select status from complaints where parent_id = $1 order by id"
    }
}

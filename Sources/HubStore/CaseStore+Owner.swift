import Complaints
import Postgres

extension CaseStore {
    /// The module that owns the case with this tracking code now (the gateway forwards the case's
    /// staff routes there), or nil for a code no case has.
    public static func owner(of code: TrackingCode, on connection: PostgresConnection) throws -> ModuleName? {
        try connection.query(OwnerSQL.owner, [code.value]).first?["module_code"].flatMap(ModuleName.init(rawValue:))
    }

    enum OwnerSQL {
        static let owner = "select module_code from complaints where tracking_code = $1"
    }
}

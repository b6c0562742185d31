import HTTP
import Postgres
import ServiceKit

/// Open311 GeoReport v2 under `/open311/v2/`. (Being written.)
struct Open311Routes: Sendable {
    let pool: PostgresPool
    let logger: Logger

    func router() -> Router { Router() }
}

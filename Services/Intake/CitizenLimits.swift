import Foundation
import HTTP
import HubStore
import Postgres

/// The limits of the citizen's requests that send mail or text messages to a contact they name (a
/// lost code, a follow): per client address and per contact, counted in PostgreSQL so every intake
/// replica counts the same requests.
struct CitizenLimits: Sendable {
    let perAddress: SharedRateLimit
    let perContact: SharedRateLimit

    /// Lost codes: 10 requests an hour from an address, 3 an hour for a contact.
    static let lostCodes = CitizenLimits(perAddress: SharedRateLimit(scope: "codes-address", limit: 10, window: 3600),
                                         perContact: SharedRateLimit(scope: "codes-contact", limit: 3, window: 3600))
    /// Follows: 20 an hour from an address, 10 an hour for an address to follow with.
    static let follows = CitizenLimits(perAddress: SharedRateLimit(scope: "follow-address", limit: 20, window: 3600),
                                       perContact: SharedRateLimit(scope: "follow-contact", limit: 10, window: 3600))

    /// Counts one request of `address` for `contact` (one statement).
    /// - Throws: `RateLimited` (429 with Retry-After) when either is over its limit.
    func admit(address: String, contact: String, on pool: PostgresPool) throws {
        let wait = try pool.withConnection {
            try SharedRateLimit.hit([(perAddress, address), (perContact, contact)], on: $0)
        }
        if let wait { throw RateLimited(retryAfter: wait) }
    }
}

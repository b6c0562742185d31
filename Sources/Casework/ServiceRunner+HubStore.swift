import HubStore
import ServiceKit

extension DatabaseCheck {
    /// The hub's schema (`Migrator`) and the service's own database role (`ServiceRole`).
    public static func hub(_ service: ServiceName) -> DatabaseCheck {
        let role = ServiceRole(service: service.rawValue)
        return DatabaseCheck(expectedVersion: Migrator.expectedVersion, currentVersion: { try Migrator.currentVersion($0) },
                             loginIsPrivileged: { try ServiceRole.loginIsPrivileged(on: $0) },
                             role: role?.rawValue, sessionSetup: role?.sessionSetup)
    }
}

extension ServiceRunner {
    /// The photo allowance per client address per day (`HUB_PHOTO_QUOTA_BYTES_PER_DAY`).
    public func photoQuota() -> PhotoQuota { PhotoQuota(bytesPerDay: configuration.photoQuotaBytesPerDay) }
}

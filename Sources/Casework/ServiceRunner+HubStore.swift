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
    /// The photo allowance per client address per day (`HUB_PHOTO_QUOTA_BYTES_PER_DAY`); a value that
    /// is not a number of bytes stops the service with a message naming the variable.
    public func photoQuota() -> PhotoQuota {
        do {
            return PhotoQuota(bytesPerDay: try environment.integer("HUB_PHOTO_QUOTA_BYTES_PER_DAY",
                                                                   default: PhotoQuota.defaultBytesPerDay, range: 0...(1 << 40)))
        } catch {
            Self.fail(name, "\(error)")
        }
    }
}

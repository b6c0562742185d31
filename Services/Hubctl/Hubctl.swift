import Complaints
import Foundation
import HubStore
import Postgres
import Queue
import ServiceKit

/// A refusal with the exit status to leave with (2 for usage errors).
struct HubctlError: Error {
    let message: String
    var exitCode: Int32 = 1
}

enum Hubctl {
    static let usage = """
        usage:
          hubctl migrate                      apply the schema migrations this build carries (as the schema owner)
          hubctl db-roles                     let each service's own database role log in, with the password in
                                              HUB_DB_PASSWORD_GATEWAY, _INTAKE, _PUBLIC_WORKS, _SOCIAL, _TOURISM, _KIR,
                                              _HUBCTL where set (as the schema owner)
          hubctl schema                       show the database's and this build's schema versions
          hubctl user add LOGIN --role admin|staff|supervisor|validator|inspector
                          [--module NAME] [--categories a,b] [--area KELURAHAN] [--sub-unit CODE]
                                              create an account; the password is read from standard input
          hubctl user add LOGIN --role village_front_office|village_secretary|village_head --village CODE
                          [--name FULL_NAME] [--nip NIP]
          hubctl user add LOGIN --role district_front_office|district_service_head|district_head|district_admin
                          --district CODE [--name FULL_NAME] [--nip NIP]
                                              create a letter official of a desa/kelurahan or kecamatan (name and
                                              NIP go on the letters they sign)
          hubctl areas import FILE.csv        load kecamatan and desa/kelurahan with their letterheads (columns
                                              code,kind,name,address,logo; README)
          hubctl areas import FILE.geojson    load kecamatan and desa/kelurahan with their boundaries (features with
                                              properties code, name, level, parent; README), then place the
                                              complaints with a point and no area codes yet
          hubctl user list                    list every account, disabled ones too, with its live sessions
          hubctl user disable LOGIN           disable an account and end its sessions (it cannot log in)
          hubctl user enable LOGIN            let a disabled account log in again
          hubctl user reset-password LOGIN    set a new password (read from standard input) and end its sessions
          hubctl user revoke-sessions LOGIN   end every session of an account
          hubctl sub-unit add CODE --agency AGENCY --name-id NAME --name-en NAME
                                              add a sub-unit (UPT, bidang) that an agency's cases are disposed to
          hubctl sub-unit list [--agency AGENCY]
                                              list the sub-units
          hubctl verified-reporter add NAME --position P [--kelurahan K] [--email E] [--phone P]
                                              register a village official whose public-works reports skip verification
          hubctl verified-reporter list       list the registered officials
          hubctl stats refresh                measure every complaint changed since the last refresh into the public
                                              statistics (intake does this by itself every 30 s at most)
          hubctl queues                       show queue depths, oldest message age and dead letters
          hubctl dead-letters [list]          list dead-lettered messages
          hubctl dead-letters show ID         show one dead letter with its payload and last error
          hubctl dead-letters redrive ID|all  put dead letters back on their queue
          hubctl demo-data --complaints N [--seed S]
                                              fill a migrated database with N realistic demo complaints (two years,
                                              every category and channel, timelines, a few photos); the same seed
                                              gives the same complaints (as the schema owner, so it can ANALYZE)
          hubctl backup --into DIR            a base backup (pg_basebackup, WAL included) of the whole cluster into
                                              DIR/base-<UTC time>, as a user with replication rights (the schema
                                              owner's URL); with WAL archiving (README "Backups") it restores to
                                              any moment after it
          hubctl restore --from BACKUP --wal ARCHIVE --into DIR [--to TIME]
                                              make DIR a new cluster from a base backup that replays the WAL
                                              archive up to TIME ('2025-01-31 14:05:00+07'; else all of it), then
                                              takes writes; archives nothing and waits for no replica; start it
                                              with pg_ctl (as the postgres user) and check it before use
        environment: HUB_DATABASE_URL (a libpq connection string); HUB_MIGRATE_DATABASE_URL for migrate,
                     db-roles and demo-data (the schema owner; HUB_DATABASE_URL when unset)
        """

    /// - Parameter environment: the variables, read once before any command runs.
    static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let command = arguments.first else { throw HubctlError(message: "no command\n" + usage, exitCode: 2) }
        let rest = Array(arguments.dropFirst())
        let configuration: OperatorConfiguration
        do throws(ConfigurationError) {
            configuration = try OperatorConfiguration(environment: environment,
                                                      passwordVariables: ServiceRole.allCases.map(\.passwordVariable))
        } catch {
            // main prefixes the first line; the others get the same prefix here.
            throw HubctlError(message: error.problems.map(\.message).joined(separator: "\nhubctl: "))
        }
        func connect(asOwner: Bool = false) throws -> PostgresConnection { try Hubctl.connect(configuration, asOwner: asOwner) }
        switch command {
        case "migrate": try migrate(on: connect(asOwner: true))
        case "db-roles":
            try DBRolesCommand.run(rest, configuration: configuration, connection: connect(asOwner: true))
        case "schema": try schema(on: connect())
        case "user": try UserCommand.run(rest, connection: connect())
        case "verified-reporter": try VerifiedReporterCommand.run(rest, connection: connect())
        case "sub-unit": try SubUnitCommand.run(rest, connection: connect())
        case "areas": try AreasCommand.run(rest, connection: connect())
        case "stats":
            guard rest == ["refresh"] else { throw HubctlError(message: "usage: hubctl stats refresh", exitCode: 2) }
            print("measured \(try StatisticsRefresher.refreshAll(on: connect())) complaints")
        case "queues": try queues(on: connect())
        case "dead-letters": try DeadLetterCommand.run(rest, connection: connect())
        case "demo-data": try DemoDataCommand.run(rest, connection: connect(asOwner: true))
        case "backup": try BackupCommand.backup(rest, url: configuration.migrateDatabaseURL ?? configuration.databaseURL)
        case "restore": try BackupCommand.restore(rest)
        case "help", "--help", "-h": print(usage)
        default: throw HubctlError(message: "unknown command \(command)\n" + usage, exitCode: 2)
        }
    }

    /// - Parameter asOwner: connect as the schema owner (`HUB_MIGRATE_DATABASE_URL`, else
    ///   `HUB_DATABASE_URL`), for the verbs that change the schema or the roles.
    static func connect(_ configuration: OperatorConfiguration, asOwner: Bool) throws -> PostgresConnection {
        let owner = asOwner ? configuration.migrateDatabaseURL : nil
        guard let url = owner ?? configuration.databaseURL else {
            throw HubctlError(message: asOwner ? "HUB_MIGRATE_DATABASE_URL and HUB_DATABASE_URL are not set" : "HUB_DATABASE_URL is not set",
                              exitCode: 2)
        }
        return try PostgresConnection(conninfo: url, applicationName: "hubctl")
    }

    static func migrate(on connection: PostgresConnection) throws {
        let applied = try Migrator.migrate(connection)
        for migration in applied { print("applied \(String(format: "%03d", migration.version)) \(migration.name)") }
        print("schema at version \(try Migrator.currentVersion(connection))" + (applied.isEmpty ? " (already current)" : ""))
    }

    static func schema(on connection: PostgresConnection) throws {
        print("database schema version: \(try Migrator.currentVersion(connection))")
        print("this build expects:      \(Migrator.expectedVersion)")
    }

    static func queues(on connection: PostgresConnection) throws {
        let depths = try MessageQueue.depths(on: connection)
        let header = ["queue", "ready", "delayed", "in-flight", "retrying", "oldest(s)", "dead"]
        let rows = depths.map { depth in
            [depth.queue, String(depth.ready), String(depth.delayed), String(depth.inFlight), String(depth.retrying),
             String(format: "%.1f", depth.oldestAgeSeconds), String(depth.deadLetters)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        for row in [header] + rows {
            print(row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[0], withPad: " ", startingAt: 0) : text.leftPadded(widths[column])
            }.joined(separator: "  "))
        }
        if depths.isEmpty { print("(no messages)") }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

import Foundation

/// `hubctl backup` and `hubctl restore`: thin wrappers over PostgreSQL's own tools. A base backup is
/// `pg_basebackup` of the whole cluster into a new folder; with the server archiving its WAL to a
/// folder (`archive_command`, as `make cluster` sets it up), a backup and the archive restore the
/// cluster to any moment after the backup. Restoring makes a new data folder and never touches the
/// running cluster; the operator starts it with `pg_ctl` and points the services at it.
enum BackupCommand {
    static let usage = """
        usage: hubctl backup --into DIR
               hubctl restore --from BACKUP --wal ARCHIVE --into DIR [--to TIME]
        """

    /// `backup --into DIR`: a base backup of HUB_MIGRATE_DATABASE_URL's (else HUB_DATABASE_URL's)
    /// server into DIR/base-<UTC time>, with the WAL it needs; prints the folder.
    static func backup(_ arguments: [String], url: String?) throws {
        let options = try CommandOptions.parse(arguments, from: 0, allowed: ["--into"], usage: usage)
        let into = try required("--into", in: options)
        guard let url else { throw HubctlError(message: "HUB_DATABASE_URL is not set", exitCode: 2) }
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                                formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
        let folder = (into as NSString).appendingPathComponent("base-" + stamp)
        try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
        // Plain format, WAL streamed alongside: the folder is a data folder that starts by itself.
        try PostgresProgram.run("pg_basebackup", ["--dbname=" + url, "--pgdata=" + folder, "--format=plain",
                                                  "--wal-method=stream", "--checkpoint=fast", "--no-password"])
        print(folder)
    }

    private static func required(_ flag: String, in options: [String: String]) throws -> String {
        guard let value = options[flag], !value.isEmpty else { throw HubctlError(message: "\(flag) is required\n" + usage, exitCode: 2) }
        return value
    }

    /// `restore --from BACKUP --wal ARCHIVE --into DIR [--to TIME]`: DIR becomes a copy of the base
    /// backup set to replay the archived WAL up to TIME (a PostgreSQL timestamp with its zone; the
    /// end of the archive when absent) and then to take writes. It archives nothing and waits for
    /// no replica until the operator says otherwise, so it cannot write into the live cluster's
    /// archive or stall on a standby it never had.
    static func restore(_ arguments: [String]) throws {
        let options = try CommandOptions.parse(arguments, from: 0, allowed: ["--from", "--wal", "--into", "--to"], usage: usage)
        let from = try required("--from", in: options), wal = try required("--wal", in: options)
        let into = try required("--into", in: options)
        let target = options["--to"]
        let files = FileManager.default
        guard files.fileExists(atPath: (from as NSString).appendingPathComponent("PG_VERSION")) else {
            throw HubctlError(message: "\(from) is not a base backup (no PG_VERSION)")
        }
        if files.fileExists(atPath: into), !((try? files.contentsOfDirectory(atPath: into)) ?? []).isEmpty {
            throw HubctlError(message: "\(into) is not empty; restore into a new folder")
        }
        try? files.removeItem(atPath: into)
        try files.copyItem(atPath: from, toPath: into)
        try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: into)
        let archive = URL(fileURLWithPath: wal).standardizedFileURL.path
        var settings = [
            "restore_command = 'cp \"\(archive)/%f\" \"%p\"'",
            "recovery_target_action = 'promote'",
            "archive_mode = 'off'",
            "synchronous_standby_names = ''",
            "primary_conninfo = ''",
        ]
        if let target {
            settings.append("recovery_target_time = '\(target.replacingOccurrences(of: "'", with: "''"))'")
        }
        let autoConf = (into as NSString).appendingPathComponent("postgresql.auto.conf")
        let existing = (try? String(contentsOfFile: autoConf, encoding: .utf8)) ?? ""
        try (existing + "\n# hubctl restore\n" + settings.joined(separator: "\n") + "\n")
            .write(toFile: autoConf, atomically: true, encoding: .utf8)
        for leftover in ["standby.signal", "postmaster.pid"] {
            try? files.removeItem(atPath: (into as NSString).appendingPathComponent(leftover))
        }
        files.createFile(atPath: (into as NSString).appendingPathComponent("recovery.signal"), contents: Data())
        print("""
            \(into) replays the archive\(target.map { " up to \($0)" } ?? "") when started, then takes writes:
              pg_ctl -D \(into) -o "-p PORT" -l \(into)/server.log start
            """)
    }
}

/// PostgreSQL's client programs, from the newest server installed (Debian's are not on PATH).
enum PostgresProgram {
    static func path(_ program: String) -> String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        if let newest = versions.compactMap(Int.init).max() {
            let candidate = "/usr/lib/postgresql/\(newest)/bin/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return program
    }

    /// Runs the program with its output passed through.
    /// - Throws: `HubctlError` when it cannot start or exits non-zero.
    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        let path = path(program)
        process.executableURL = URL(fileURLWithPath: path.hasPrefix("/") ? path : "/usr/bin/env")
        process.arguments = path.hasPrefix("/") ? arguments : [program] + arguments
        do {
            try process.run()
        } catch {
            throw HubctlError(message: "cannot run \(program): \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw HubctlError(message: "\(program) failed (exit \(process.terminationStatus))")
        }
    }
}

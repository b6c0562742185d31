import Foundation
@testable import Hubctl
import Testing

/// `hubctl restore` prepares a new data folder; the whole backup and restore runs against a real
/// cluster in Tests/drills/restore.py (make test).
struct BackupCommandTests {
    /// A folder that looks like a base backup: its PG_VERSION and the settings it came with.
    func fakeBackup() throws -> String {
        let folder = NSTemporaryDirectory() + "hub-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "15\n".write(toFile: folder + "/PG_VERSION", atomically: true, encoding: .utf8)
        try "work_mem = '8MB'\n".write(toFile: folder + "/postgresql.auto.conf", atomically: true, encoding: .utf8)
        try "".write(toFile: folder + "/standby.signal", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func restoreMakesANewFolderThatReplaysTheArchiveToTheMomentAndArchivesNothing() throws {
        let backup = try fakeBackup()
        let into = NSTemporaryDirectory() + "hub-restored-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: backup); try? FileManager.default.removeItem(atPath: into) }
        try BackupCommand.restore(["--from", backup, "--wal", "/srv/wal", "--into", into, "--to", "2025-01-31 14:05:00+07"])

        let settings = try String(contentsOfFile: into + "/postgresql.auto.conf", encoding: .utf8)
        #expect(settings.hasPrefix("work_mem = '8MB'\n"), "the backup's own settings stay")
        for line in ["restore_command = 'cp \"/srv/wal/%f\" \"%p\"'", "recovery_target_time = '2025-01-31 14:05:00+07'",
                     "recovery_target_action = 'promote'", "archive_mode = 'off'", "synchronous_standby_names = ''"] {
            #expect(settings.contains(line + "\n"), "\(line)")
        }
        #expect(FileManager.default.fileExists(atPath: into + "/recovery.signal"))
        #expect(!FileManager.default.fileExists(atPath: into + "/standby.signal"), "it starts as a cluster of its own")
        let mode = try FileManager.default.attributesOfItem(atPath: into)[.posixPermissions] as? Int
        #expect(mode == 0o700, "PostgreSQL refuses a data folder others can read")
    }

    @Test func restoreRefusesAFolderThatIsNotABackupOrATargetThatIsNotEmpty() throws {
        let backup = try fakeBackup()
        defer { try? FileManager.default.removeItem(atPath: backup) }
        #expect(throws: HubctlError.self) {
            try BackupCommand.restore(["--from", NSTemporaryDirectory(), "--wal", "/srv/wal", "--into", "/nonexistent/x"])
        }
        #expect(throws: HubctlError.self) {
            try BackupCommand.restore(["--from", backup, "--wal", "/srv/wal", "--into", backup])
        }
        #expect(throws: HubctlError.self) { try BackupCommand.restore(["--from", backup, "--into", "/tmp/x"]) }
    }
}

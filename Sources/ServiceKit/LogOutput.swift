import Glibc
import HTTP

/// Where every log line of the process goes: standard error, through one batched writer so access
/// lines (queued) and other lines (written at once, after the queued ones) keep their order.
public enum LogOutput {
    /// The process's standard error. Access lines are queued here; `ServiceRunner` closes it (writing
    /// what is queued) when the service stops.
    public static let standardError = BatchedLogWriter(fd: STDERR_FILENO, dropNotice: { count in
        "{\"time\":\"\(LogTimestamp.now())\",\"level\":\"warning\",\"msg\":\"access log lines dropped\","
            + "\"dropped\":\(count),\"reason\":\"the log output could not keep up\"}\n"
    })
}

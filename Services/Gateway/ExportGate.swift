import HTTP
import Synchronization

/// The open data's heavy pages (a thousand reports, every desa's boundary) are rendered a few
/// megabytes at a time: at most `limit` at once, so that a crowd of harvesters cannot push the
/// gateway's memory past its bound; another is told to come back in a second.
final class ExportGate: Sendable {
    let limit: Int
    private let running = Mutex<Int>(0)

    init(limit: Int = 4) {
        self.limit = limit
    }

    /// Runs `render` if fewer than `limit` renderings are under way.
    /// - Throws: `ExportsBusy` (503, Retry-After) otherwise; what `render` throws.
    func run<Value>(_ render: () throws -> Value) throws -> Value {
        let admitted = running.withLock { running -> Bool in
            guard running < limit else { return false }
            running += 1
            return true
        }
        guard admitted else { throw ExportsBusy() }
        defer { running.withLock { $0 -= 1 } }
        return try render()
    }
}

/// Too many pages of the open data are being rendered at this moment: 503 with Retry-After.
struct ExportsBusy: HTTPResponseError {
    var status: Int { 503 }
    var code: String { "exports_busy" }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("Retry-After", "1")
        headers.add("Cache-Control", "no-store")
        return headers
    }

    func message(language: String) -> String {
        language.hasPrefix("en") ? "other pages of the open data are being prepared; retry in a second"
            : "Halaman data terbuka lain sedang disiapkan; coba lagi sedetik lagi."
    }
}

import Foundation

/// A Debian program a document test hands its output to (zbarimg, qpdf, pdftotext, pdftoppm), run
/// to its end. `make test` installs them through scripts/deps.
public struct ExternalTool: Sendable {
    public let name: String

    public init(_ name: String) { self.name = name }

    public struct Run: Sendable {
        public let status: Int32
        public let outputBytes: [UInt8]
        public let errors: String
        public var output: String { String(decoding: outputBytes, as: UTF8.self) }
    }

    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self {
            case .missing(let name): "\(name) is not installed (scripts/deps --only zbar-tools qpdf poppler-utils)"
            }
        }
    }

    /// Runs the program with `arguments` and waits for it.
    /// - Throws: `Failure.missing` when no such program is on PATH, or what Process throws.
    public func run(_ arguments: [String]) throws -> Run {
        guard let path = Self.locate(name) else { throw Failure.missing(name) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            outputBytes: Array(outputData),
            errors: String(decoding: errorData, as: UTF8.self)
        )
    }

    private static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A folder of its own under the system's temporary folder, removed by `remove()`.
public struct ScratchFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hub-documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to a file named `name` in the folder and returns its path.
    public func write(_ bytes: [UInt8], named name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

import Foundation
import Testing

/// One hostile request of Corpus/: a file holding the exact bytes to send, and what the server must
/// do with them, from Corpus/expected.tsv.
struct CorpusEntry: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable, Equatable {
        /// A response with exactly this status.
        case status(Int)
        /// No response at all: the connection just closes.
        case close
    }

    let file: String
    let outcome: Outcome

    var testDescription: String { file }

    /// The folder holding the corpus, next to this source file.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Every entry of the manifest, in order; empty when it cannot be read (a test checks it can).
    static let all: [CorpusEntry] = (try? manifest()) ?? []

    /// Reads Corpus/expected.tsv: `file<TAB>status` or `file<TAB>close`, one per line.
    /// - Throws: when the manifest is missing or a line is malformed.
    static func manifest() throws -> [CorpusEntry] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { throw SocketTestError("manifest line \(line.debugDescription)") }
            if fields[1] == "close" { return CorpusEntry(file: String(fields[0]), outcome: .close) }
            guard let status = Int(fields[1]), (100..<600).contains(status) else {
                throw SocketTestError("manifest status \(fields[1].debugDescription)")
            }
            return CorpusEntry(file: String(fields[0]), outcome: .status(status))
        }
    }

    /// The raw bytes of the request, CRLFs and all.
    func bytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(file)))
    }

    /// The method as the request line spells it (up to the first space).
    func method() throws -> String {
        String(decoding: try bytes().prefix { $0 != 32 }, as: UTF8.self)
    }
}

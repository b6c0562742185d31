import Foundation
@testable import HTTP
import Testing

/// What Foundation writes for `object`, as `HTTPResponse.json(_:)` asks it to.
private func foundationJSON(_ object: Any) -> [UInt8] {
    [UInt8]((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
}

/// Random plain values: strings with controls, quotes, slashes and non-ASCII, integers, booleans,
/// nested objects with `[a-z_]` keys and arrays.
private struct PlainValues {
    var generator = SystemRandomNumberGenerator()
    let keyBytes = Array("abcdefghijklmnopqrstuvwxyz_".utf8)
    let scalars: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}",
                                     "\u{D}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "\u{2029}", "🚧", "_", "%"]

    mutating func key() -> String {
        String(decoding: (0..<Int.random(in: 1...7, using: &generator)).map { _ in
            keyBytes[Int.random(in: 0..<keyBytes.count, using: &generator)]
        }, as: UTF8.self)
    }

    mutating func text() -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            text.unicodeScalars.append(scalars[Int.random(in: 0..<scalars.count, using: &generator)])
        }
        return text
    }

    mutating func value(depth: Int) -> Any {
        switch Int.random(in: 0..<(depth > 2 ? 3 : 5), using: &generator) {
        case 0: return text()
        case 1: return Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator)
        case 2: return Bool.random(using: &generator)
        case 3: return object(depth: depth + 1)
        default: return (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth + 1) } as [Any]
        }
    }

    mutating func object(depth: Int) -> [String: Any] {
        var object: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &generator) { object[key()] = value(depth: depth) }
        return object
    }
}

@Suite struct JSONObjectWriterTests {
    @Test func writesWhatFoundationWrites() throws {
        var values = PlainValues()
        for _ in 0..<2_000 {
            let object = values.object(depth: 0)
            let written = try #require(JSONObjectWriter.bytes(object), "refused \(object)")
            #expect(written == foundationJSON(object), "\(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test func writesTheShapesHandlersUse() throws {
        let shapes: [Any] = [
            ["status": "ok"], ["error": ["code": "not_found", "message": "no such resource: /a/\"b\"", "request_id": "x1"]],
            ["status": "ready", "schema_version": 6] as [String: Any], ["a", "b/c"], [1, true, "x", [String: Any]()] as [Any],
            [String: String](), [Any](), ["counts": ["open": 2, "closed": 0]], [["a": ["b"]]],
        ]
        for shape in shapes {
            let written = try #require(JSONObjectWriter.bytes(shape))
            #expect(written == foundationJSON(shape))
        }
    }

    @Test func leavesEverythingElseToFoundation() {
        let refused: [Any] = [
            "top-level string", 3, ["Upper": 1], ["digit1": 1], ["": 1], ["ratio": 0.5] as [String: Any],
            ["number": NSNumber(value: 3)] as [String: Any], ["nothing": NSNull()] as [String: Any],
            ["maybe": Optional<String>.none as Any] as [String: Any], [["Key": 1]] as [Any],
            NSDictionary(dictionary: ["count": NSNumber(value: 1)]), ["nested": NSArray(array: [NSNumber(value: 1)])] as [String: Any],
            ["long": Int64(1)] as [String: Any], ["set": Set(["a"])] as [String: Any],
        ]
        for value in refused { #expect(JSONObjectWriter.bytes(value) == nil, "\(value)") }
    }

    @Test func responsesFromRefusedValuesStillMatchFoundation() {
        let object: [String: Any] = ["ratio": 0.5, "Mixed": "case", "count": 3]
        #expect(HTTPResponse.json(object).body == foundationJSON(object))
    }
}

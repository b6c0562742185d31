import Foundation
import JSON
import Testing

struct JSONValueDecoderTests {
    @Test func whatTheEncoderWritesReadsBack() throws {
        let text = try JSONValueEncoder().text(Parcel.sample)
        #expect(try JSONValueDecoder().decode(Parcel.self, from: text) == Parcel.sample)
        let nested = Nested(point: [106.8456, -6.2], label: "pos", extra: nil)
        #expect(try JSONValueDecoder().decode(Nested.self, from: JSONValueEncoder().text(nested)) == nested)
    }

    /// As `JSONEncoder` (sorted keys) wrote it: slashes escaped, a date as seconds since 2001.
    @Test func textFoundationWroteReadsTheSame() throws {
        let foundation = #"""
            {"counts":{"a":-2,"z":1},"fragile":true,"grid":[[1,2],[],[3]],"id":9007199254740993,"name":"Paket \"besar\" \/ é ✓\n",\#
            "sender":{"number":17,"street":"Jl. Merdeka"},"sent_at":786297600.123456,"size":"LARGE","stops":[{"street":"Pasar"}],\#
            "tags":["b","a"],"weight":0.1}
            """#
        #expect(try JSONValueDecoder().decode(Parcel.self, from: foundation) == Parcel.sample)
    }

    @Test func anAbsentMemberAndNullBothReadAsNilForAnOptional() throws {
        #expect(try JSONValueDecoder().decode(Address.self, from: #"{"street":"x"}"#) == Address(street: "x", number: nil))
        #expect(try JSONValueDecoder().decode(Address.self, from: #"{"street":"x","number":null}"#) == Address(street: "x", number: nil))
        // decodeNil tells null from a value; an absent member is no member at all.
        #expect(try JSONValueDecoder().decode(Nested.self, from: #"{"geometry":{"coordinates":[]},"label":"x","extra":null}"#).extra == nil)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Nested.self, from: #"{"geometry":{"coordinates":[]},"label":"x"}"#) }
    }

    @Test func aMissingMemberIsKeyNotFoundAndNullForAValueIsValueNotFound() {
        #expect(problem(Address.self, #"{"number":1}"#) == "keyNotFound street at ")
        #expect(problem(Address.self, #"{"street":null}"#) == "valueNotFound at street")
        #expect(problem(Parcel.self, #"{"sender":{"number":1}}"#).hasPrefix("keyNotFound"))
    }

    @Test func aValueOfAnotherKindIsATypeMismatchWithItsPath() {
        #expect(problem(Address.self, #"{"street":"x","number":"5"}"#) == "typeMismatch at number")
        #expect(problem([Address].self, #"[{"street":"x"},{"street":5}]"#) == "typeMismatch at Index 1.street")
        #expect(problem(Address.self, "[]") == "typeMismatch at ")
        #expect(problem(Parcel.Size.self, #""medium""#) == "dataCorrupted at ")
    }

    @Test func aWholeNumberIsReadAsAnIntegerOnlyWhenItFits() throws {
        #expect(try JSONValueDecoder().decode([Int].self, from: "[5.0, 1e2, -0]") == [5, 100, 0])
        #expect(try JSONValueDecoder().decode([Int64].self, from: "[9223372036854775807, -9223372036854775808, 9007199254740993]")
            == [.max, .min, 9_007_199_254_740_993])
        #expect(try JSONValueDecoder().decode([UInt8].self, from: "[255]") == [255])
        #expect(problem([Int].self, "[5.5]") == "dataCorrupted at Index 0")
        #expect(problem([UInt8].self, "[256]") == "dataCorrupted at Index 0")
        #expect(problem([UInt].self, "[-1]") == "dataCorrupted at Index 0")
        #expect(problem([Int].self, "[9223372036854775808]") == "dataCorrupted at Index 0")
    }

    @Test func aDoubleReadsWholeNumbersToo() throws {
        #expect(try JSONValueDecoder().decode([Double].self, from: "[1, 0.5, 1e300, 9007199254740993]") == [1, 0.5, 1e300, 9_007_199_254_740_992])
    }

    @Test func aDateIsSecondsSince2001UnlessTheStrategySaysOtherwise() throws {
        #expect(try JSONValueDecoder().decode([Date].self, from: "[786297600.5]") == [Date(timeIntervalSinceReferenceDate: 786_297_600.5)])
        let fromText = JSONValueDecoder(dateDecoding: .text { $0 == "then" ? Date(timeIntervalSince1970: 7) : nil })
        #expect(try fromText.decode([Date].self, from: #"["then"]"#) == [Date(timeIntervalSince1970: 7)])
        #expect(throws: DecodingError.self) { try fromText.decode([Date].self, from: #"["now"]"#) }
    }

    @Test func dictionariesAndArraysOfArraysRead() throws {
        #expect(try JSONValueDecoder().decode([String: [Int?]].self, from: #"{"a":[1,null],"b":[]}"#) == ["a": [1, nil], "b": []])
        #expect(try JSONValueDecoder().decode([String: String].self, from: "{}") == [:])
    }

    @Test func textThatIsNotJSONIsDataCorruptedWithTheSyntaxError() {
        #expect {
            try JSONValueDecoder().decode([Int].self, from: "[1,]")
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.underlyingError as? JSONSyntaxError == JSONSyntaxError(.unexpectedByte, at: 3)
        }
    }

    @Test func anUnkeyedContainerAtItsEndIsValueNotFound() {
        struct Pair: Decodable {
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                _ = try container.decode(Int.self)
                _ = try container.decode(Int.self)
            }
        }
        #expect(problem(Pair.self, "[1]") == "valueNotFound at Index 1")
    }

    /// The error's case, and for a missing key the key, with the coding path.
    private func problem<Value: Decodable>(_ type: Value.Type, _ text: String) -> String {
        do {
            _ = try JSONValueDecoder().decode(type, from: text)
            return "decoded"
        } catch DecodingError.keyNotFound(let key, let context) {
            return "keyNotFound \(key.stringValue) at \(path(context))"
        } catch DecodingError.valueNotFound(_, let context) {
            return "valueNotFound at \(path(context))"
        } catch DecodingError.typeMismatch(_, let context) {
            return "typeMismatch at \(path(context))"
        } catch DecodingError.dataCorrupted(let context) {
            return "dataCorrupted at \(path(context))"
        } catch {
            return "\(error)"
        }
    }

    private func path(_ context: DecodingError.Context) -> String { context.codingPath.map(\.stringValue).joined(separator: ".") }
}

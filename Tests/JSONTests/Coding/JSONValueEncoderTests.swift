import Foundation
import JSON
import Testing

struct JSONValueEncoderTests {
    @Test func aValueIsWrittenWithItsKeysSortedByTheirBytesAndNoWhitespace() throws {
        #expect(try JSONValueEncoder().text(Parcel.sample) == #"""
            {"counts":{"a":-2,"z":1},"fragile":true,"grid":[[1,2],[],[3]],"id":9007199254740993,"name":"Paket \"besar\" / é ✓\n",\#
            "sender":{"number":17,"street":"Jl. Merdeka"},"sent_at":786297600.123456,"size":"LARGE","stops":[{"street":"Pasar"}],\#
            "tags":["b","a"],"weight":0.1}
            """#)
    }

    @Test func uppercaseKeysSortBeforeUnderscoresAndLowercaseByTheirBytes() throws {
        #expect(try JSONValueEncoder().text(["b": 1, "_": 2, "B": 3, "a_b": 4, "ab": 5, "a10": 6, "a9": 7])
            == #"{"B":3,"_":2,"a10":6,"a9":7,"a_b":4,"ab":5,"b":1}"#)
    }

    @Test func aNilOptionalIsLeftOutAndEncodeNilWritesNull() throws {
        #expect(try JSONValueEncoder().encode(Address(street: "x", number: nil)) == ["street": "x"])
        #expect(try JSONValueEncoder().encode(Nested(point: [], label: "x", extra: nil))
            == ["geometry": ["coordinates": []], "label": "x", "extra": nil])
    }

    @Test func nestedContainersBuildTheirMembersInPlace() throws {
        #expect(try JSONValueEncoder().encode(Nested(point: [106.8456, -6.2], label: "pos", extra: 3))
            == ["geometry": ["coordinates": [106.8456, -6.2]], "label": "pos", "extra": 3])
    }

    @Test(arguments: [Int64.max, Int64.min, 9_007_199_254_740_993, -9_007_199_254_740_993, 0])
    func wholeNumbersAreWrittenExactly(id: Int64) throws {
        #expect(try JSONValueEncoder().text(["id": id]) == #"{"id":\#(id)}"#)
    }

    @Test(arguments: [0.1, -6.2, 1e-7, 123_456_789.123_456_79, 1e300, 5e-324, 2.5, 1e15, 4_503_599_627_370_497.0])
    func doublesReadBackAsTheSameDouble(number: Double) throws {
        let text = try JSONValueEncoder().text([number])
        #expect(try JSONValueDecoder().decode([Double].self, from: text) == [number], "\(text)")
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.infinity]) }
    }

    @Test func aDateIsSecondsSince2001UnlessTheStrategySaysOtherwise() throws {
        let date = Date(timeIntervalSinceReferenceDate: 786_297_600.5)
        #expect(try JSONValueEncoder().text(["at": date]) == #"{"at":786297600.5}"#)
        let asText = JSONValueEncoder(dateEncoding: .text { "moment \($0.timeIntervalSince1970)" })
        #expect(try asText.text(["at": date]) == #"{"at":"moment 1764604800.5"}"#)
        #expect(try JSONValueEncoder(dateEncoding: .text { _ in "then" }).text(Parcel.sample).contains(#""sent_at":"then""#))
    }

    /// A type encoding more members into its encoder after another type did (a message's envelope
    /// adds its type and version to the message's own fields).
    @Test func aSecondKeyedContainerAddsToTheSameObject() throws {
        struct Stamped: Encodable {
            let address: Address
            enum Keys: String, CodingKey { case type }
            func encode(to encoder: any Encoder) throws {
                try address.encode(to: encoder)
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode("address", forKey: .type)
            }
        }
        #expect(try JSONValueEncoder().text(Stamped(address: Address(street: "x", number: 1)))
            == #"{"number":1,"street":"x","type":"address"}"#)
    }

    @Test func singleValuesAtTheTopAreTheValueItself() throws {
        #expect(try JSONValueEncoder().encode("text") == "text")
        #expect(try JSONValueEncoder().encode(Parcel.Size.small) == "small")
        #expect(try JSONValueEncoder().encode(Optional<Int>.none) == nil)
        #expect(try JSONValueEncoder().encode(UInt64.max) == .number(Double(UInt64.max)))
    }
}

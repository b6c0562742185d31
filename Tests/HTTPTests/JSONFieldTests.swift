import Foundation
import HTTP
import Testing

private func decoded() throws -> [String: Any] {
    let json = #"{"yes":true,"no":false,"one":1,"zero":0,"half":1.5,"text":"true","nothing":null}"#
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

@Suite struct JSONFieldTests {
    @Test func boolReadsJSONBooleans() throws {
        let object = try decoded()
        #expect(JSONField.bool(object["yes"]) == true)
        #expect(JSONField.bool(object["no"]) == false)
    }

    @Test func boolRefusesNumbersAndStrings() throws {
        let object = try decoded()
        #expect(JSONField.bool(object["one"]) == nil)
        #expect(JSONField.bool(object["zero"]) == nil)
        #expect(JSONField.bool(object["text"]) == nil)
        #expect(JSONField.bool(object["nothing"]) == nil)
        #expect(JSONField.bool(object["absent"]) == nil)
    }

    @Test func numberReadsJSONNumbers() throws {
        let object = try decoded()
        #expect(JSONField.number(object["one"]) == 1)
        #expect(JSONField.number(object["zero"]) == 0)
        #expect(JSONField.number(object["half"]) == 1.5)
    }

    @Test func integerReadsWholeNumbersOnly() throws {
        let object = try decoded()
        #expect(JSONField.integer(object["one"]) == 1)
        #expect(JSONField.integer(object["zero"]) == 0)
        #expect(JSONField.integer(object["half"]) == nil)
        #expect(JSONField.integer(object["yes"]) == nil)
        #expect(JSONField.integer(object["text"]) == nil)
        #expect(JSONField.integer(object["nothing"]) == nil)
    }

    @Test func numberRefusesBooleansAndStrings() throws {
        let object = try decoded()
        #expect(JSONField.number(object["yes"]) == nil)
        #expect(JSONField.number(object["no"]) == nil)
        #expect(JSONField.number(object["text"]) == nil)
        #expect(JSONField.number(object["absent"]) == nil)
    }

    @Test func isBooleanTellsTrueFromOne() throws {
        let object = try decoded()
        #expect(JSONField.isBoolean(object["yes"]!))
        #expect(!JSONField.isBoolean(object["one"]!))
    }

    @Test func missingMeansAbsentOrNull() throws {
        let object = try decoded()
        #expect(JSONField.isMissing(object["absent"]))
        #expect(JSONField.isMissing(object["nothing"]))
        #expect(!JSONField.isMissing(object["zero"]))
        #expect(!JSONField.isMissing(object["no"]))
    }
}

import JSON
import Testing

@Suite struct JSONWriterTests {
    @Test func writesNestedMembersInTheirOrderWithOneCommaBetween() {
        var json = JSONWriter()
        json.openObject()
        json.member("type", "FeatureCollection")
        json.key("features")
        json.openArray()
        for id in 1...2 {
            json.openObject()
            json.member("id", id)
            json.key("point")
            json.openArray()
            json.number(106.8)
            json.number(-6.5)
            json.closeArray()
            json.member("hazard", id == 2)
            json.member("note", nil as String?)
            json.closeObject()
        }
        json.closeArray()
        json.key("empty")
        json.openArray()
        json.closeArray()
        json.closeObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == """
            {"type":"FeatureCollection","features":[{"id":1,"point":[106.8,-6.5],"hazard":false,"note":null},\
            {"id":2,"point":[106.8,-6.5],"hazard":true,"note":null}],"empty":[]}
            """)
    }

    @Test func writesValuesAsTheTreeDoes() throws {
        let text = "kutip \" garis\n\u{2028} / ✓"
        let tree: JSONValue = ["text": .string(text), "whole": .number(3), "nan": .number(.nan), "big": .integer(Int.max)]
        var json = JSONWriter()
        json.openObject()
        json.member("big", Int.max)
        json.member("nan", Double.nan)
        json.member("text", text)
        json.member("whole", 3.0)
        json.closeObject()
        #expect(json.bytes == tree.bytes)

        var members = JSONWriter()
        members.openArray()
        members.string(text)
        members.number(3)
        members.number(.nan)
        members.integer(1_000_000_007)
        members.closeArray()
        #expect(try JSONValue.parse(members.bytes) == [.string(text), .integer(3), .null, .integer(1_000_000_007)])
    }

    @Test func insertsTextWrittenBefore() {
        var geometry = JSONWriter()
        geometry.openObject()
        geometry.member("type", "Point")
        geometry.closeObject()
        var json = JSONWriter()
        json.openArray()
        json.json(geometry.bytes)
        json.json(geometry.bytes)
        json.closeArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"[{"type":"Point"},{"type":"Point"}]"#)
    }
}

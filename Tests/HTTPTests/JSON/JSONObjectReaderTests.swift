import Testing
@testable import HTTP

struct JSONObjectReaderTests {
    let body = JSONObjectReader([
        "name": "Siti", "lat": -6.2, "count": 3, "flag": true, "none": .null, "contact": ["phone": "0812"],
        "photos": ["a", "b"], "mixed": ["a", 1],
    ])

    @Test func membersOfTheRightTypeAreRead() throws {
        #expect(try body.string("name") == "Siti")
        #expect(try body.number("lat") == -6.2)
        #expect(try body.number("count") == 3)
        #expect(try body.integer("count") == 3)
        #expect(try body.bool("flag") == true)
        #expect(try body.object("contact")?.string("phone") == "0812")
        #expect(try body.strings("photos") == ["a", "b"])
    }

    @Test func missingAndNullMembersReadAsNil() throws {
        #expect(try body.string("absent") == nil)
        #expect(try body.string("none") == nil)
        #expect(try body.object("none") == nil)
        #expect(body.isMissing("none") && body.isMissing("absent") && !body.isMissing("name"))
    }

    @Test(arguments: [
        ("name", "a number"), ("lat", "a whole number"), ("flag", "a string"), ("count", "true or false"),
        ("name", "an object"), ("mixed", "a list of strings"),
    ])
    func aMemberOfAnotherTypeIsRefusedNamingIt(field: String, expected: String) {
        #expect(throws: JSONFieldError(field: field, expected: expected)) {
            switch expected {
            case "a number": _ = try body.number(field)
            case "a whole number": _ = try body.integer(field)
            case "a string": _ = try body.string(field)
            case "true or false": _ = try body.bool(field)
            case "an object": _ = try body.object(field)
            default: _ = try body.strings(field)
            }
        }
    }

    @Test func theRefusalIsA400InvalidFieldInBothLanguages() {
        let refusal = JSONFieldError(field: "lat", expected: "a number")
        #expect(refusal.status == 400 && refusal.code == "invalid_field")
        #expect(refusal.message(language: "en") == "lat must be a number")
        #expect(refusal.message(language: "id") == "lat harus berupa angka")
    }
}

import Complaints
import Testing

private let known: [String: Set<String>] = ["jalan": ["berlubang", "retak"], "pju": []]

/// A submission with every field filled in acceptably.
private func complete() -> ComplaintSubmission {
    ComplaintSubmission(category: "jalan", subcategory: "berlubang", description: "Lubang besar di depan pasar.",
                        location: "Jl. Merdeka No. 10", kelurahan: "Gambir", kecamatan: "Gambir",
                        lat: -6.1754, lon: 106.8272, anonymous: false, confidential: true,
                        contact: Contact(name: "Budi Santoso", email: "budi@example.id", phone: "+62 812-3456-7890"),
                        channel: .web)
}

/// `complete()` changed by `change`, checked.
private func problems(_ change: (inout ComplaintSubmission) -> Void) -> [SubmissionProblem] {
    var submission = complete()
    change(&submission)
    return submission.problems(knownCategories: known)
}

@Suite struct ComplaintSubmissionTests {
    @Test func aCompleteSubmissionHasNoProblems() {
        #expect(complete().problems(knownCategories: known) == [])
    }

    @Test func aMinimalSubmissionHasNoProblems() {
        let submission = ComplaintSubmission(category: "pju", description: "Lampu mati.", channel: .sms)
        #expect(submission.problems(knownCategories: known) == [])
    }

    @Test func emptyContactFieldsAreNotProblems() {
        #expect(problems { $0.contact = Contact(name: "", email: "", phone: "") } == [])
    }

    @Test func theReporterChoosesSMSOrWhatsAppForTheirPhone() {
        #expect(Contact(phone: "081234567890", textChannel: "WhatsApp").textChannel == .whatsapp)
        #expect(Contact(phone: "081234567890", textChannel: "sms").textChannel == .sms)
        #expect(Contact(phone: "081234567890", textChannel: " ").textChannel == nil)
        #expect(problems { $0.contact = Contact(phone: "081234567890", textChannel: "whatsapp") } == [])
        #expect(problems { $0.contact = Contact(phone: "081234567890", textChannel: "email") } == [.invalidContactChannel])
        #expect(problems { $0.contact = Contact(phone: "081234567890", textChannel: "merpati") } == [.invalidContactChannel])
        #expect(SubmissionProblem.invalidContactChannel.field == "contact_channel")
    }

    @Test func categoryIsRequired() {
        #expect(problems { $0.category = "" } == [.categoryRequired])
    }

    @Test func unknownCategoryIsAProblem() {
        #expect(problems { $0.category = "banjir" } == [.unknownCategory])
    }

    @Test func subcategoryMustBelongToTheCategory() {
        #expect(problems { $0.subcategory = "lampu" } == [.unknownSubcategory])
        #expect(problems { $0.category = "pju" } == [.unknownSubcategory])
        #expect(problems { $0.subcategory = nil } == [])
    }

    @Test(arguments: ["", " ", "\n\t  \n", "\u{85}", "\u{A0}\u{3000}", "\u{2028}\u{205F}\u{1680}", "\r\n"])
    func descriptionIsRequired(description: String) {
        #expect(problems { $0.description = description } == [.descriptionRequired])
    }

    /// What the OpenAPI `pattern` for non-blank text accepts is not blank here either: whitespace is
    /// decided per scalar, so a combining mark after a space or a zero-width no-break space is text.
    @Test(arguments: [" \u{301}", "\u{FEFF}", "\u{200B}", "\u{180E}", "x"])
    func descriptionWithAnyNonWhitespaceScalarIsNotBlank(description: String) {
        #expect(problems { $0.description = description } == [])
    }

    @Test func descriptionOver4000CharactersIsTooLong() {
        #expect(problems { $0.description = String(repeating: "a", count: 4001) } == [.descriptionTooLong])
        #expect(problems { $0.description = String(repeating: "a", count: 4000) } == [])
        #expect(problems { $0.description = "  " + String(repeating: "a", count: 4000) + "\n" } == [])
    }

    /// Lengths are counted as the database counts characters: in Unicode scalars, not in what Swift
    /// calls characters, so a decomposed "é" counts twice.
    @Test func lengthsCountUnicodeScalars() {
        let decomposed = "e\u{301}"
        #expect(problems { $0.description = String(repeating: decomposed, count: 2001) } == [.descriptionTooLong])
        #expect(problems { $0.description = String(repeating: decomposed, count: 2000) } == [])
        #expect(problems { $0.contact?.name = String(repeating: decomposed, count: 101) } == [.nameTooLong])
        #expect(problems { $0.kelurahan = String(repeating: decomposed, count: 51) } == [.locationTooLong])
    }

    @Test func coordinatesComeInPairs() {
        #expect(problems { $0.lon = nil } == [.coordinatesIncomplete])
        #expect(problems { $0.lat = nil } == [.coordinatesIncomplete])
        #expect(problems { $0.lat = nil; $0.lon = nil } == [])
    }

    @Test(arguments: [(90.1, 0.0), (-90.1, 0.0), (0.0, 180.1), (0.0, -180.1), (.nan, 0.0), (0.0, .infinity), (-.infinity, 0.0)])
    func coordinatesOutOfRangeAreAProblem(lat: Double, lon: Double) {
        #expect(problems { $0.lat = lat; $0.lon = lon } == [.coordinatesOutOfRange])
    }

    @Test func coordinatesOnTheEdgesAreFine() {
        #expect(problems { $0.lat = 90; $0.lon = 180 } == [])
        #expect(problems { $0.lat = -90; $0.lon = -180 } == [])
    }

    @Test func locationTextsHaveLimits() {
        #expect(problems { $0.location = String(repeating: "x", count: 501) } == [.locationTooLong])
        #expect(problems { $0.kelurahan = String(repeating: "x", count: 101) } == [.locationTooLong])
        #expect(problems { $0.kecamatan = String(repeating: "x", count: 101) } == [.locationTooLong])
        #expect(problems {
            $0.location = String(repeating: "x", count: 500)
            $0.kelurahan = String(repeating: "x", count: 100)
            $0.kecamatan = String(repeating: "x", count: 100)
        } == [])
    }

    @Test(arguments: ["budi", "budi@", "@example.id", "budi@example", "bu di@example.id", "a@b@c.id",
                      "budi@exa mple.id"])
    func malformedEmailIsAProblem(email: String) {
        #expect(problems { $0.contact?.email = email } == [.invalidEmail])
    }

    @Test(arguments: ["1234567", "1234567890123456", "0812-abc-4567", "0812#3456#78",
                      "+62 (812) 3456-7890" + String(repeating: " ", count: 20)])
    func malformedPhoneIsAProblem(phone: String) {
        #expect(problems { $0.contact?.phone = phone } == [.invalidPhone])
    }

    /// `Character.isNumber` also holds for fractions and circled digits, which no one can dial.
    @Test(arguments: ["½½½½½½½½", "⑧⑧⑧⑧⑧⑧⑧⑧", "²²²²²²²²²"])
    func phoneNumeralsMustBeDigits(phone: String) {
        #expect(problems { $0.contact?.phone = phone } == [.invalidPhone])
    }

    @Test(arguments: ["08123456", "+62 (21) 345-6789", "081234567890123"])
    func plausiblePhonesAreFine(phone: String) {
        #expect(problems { $0.contact?.phone = phone } == [])
    }

    @Test func nameOver200CharactersIsTooLong() {
        #expect(problems { $0.contact?.name = String(repeating: "n", count: 201) } == [.nameTooLong])
        #expect(problems { $0.contact?.name = String(repeating: "n", count: 200) } == [])
    }

    @Test func everyProblemIsReported() {
        let found = problems {
            $0.category = ""
            $0.description = ""
            $0.lon = nil
            $0.location = String(repeating: "x", count: 501)
            $0.contact = Contact(name: String(repeating: "n", count: 201), email: "nope", phone: "12")
        }
        #expect(found == [.categoryRequired, .descriptionRequired, .coordinatesIncomplete, .locationTooLong,
                          .invalidEmail, .invalidPhone, .nameTooLong])
    }

    @Test func problemsNameTheirFormField() {
        #expect(SubmissionProblem.coordinatesOutOfRange.field == "lat")
        #expect(SubmissionProblem.invalidPhone.field == "phone")
        #expect(SubmissionProblem.unknownSubcategory.field == "subcategory")
    }
}

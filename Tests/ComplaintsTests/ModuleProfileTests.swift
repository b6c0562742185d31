import Complaints
import Testing

private let profile = ModuleProfile(fields: [
    ModuleField("kind", id: "Jenis", en: "Kind", kind: .choice([("road", "Jalan", "Road"), ("bridge", "Jembatan", "Bridge")])),
    ModuleField("plate", id: "Nomor", en: "Plate", kind: .text(maxLength: 12, pattern: "[A-Z]{1,2} ?[0-9]{1,4} ?[A-Z]{0,3}")),
    ModuleField("on", id: "Tanggal", en: "Date", kind: .date),
    ModuleField("secret", id: "Rahasia", en: "Secret", kind: .text(maxLength: 5), confidential: true),
], consistency: { fields in
    fields["on"] != nil && fields["kind"] == nil ? FieldProblem(field: "kind", message: "a date needs a kind", id: "Tanggal memerlukan jenis.") : nil
})

@Suite struct ModuleProfileTests {
    @Test func validValuesAreNormalised() throws {
        let change = try profile.check(["kind": "road", "plate": "  B 1234 XYZ ", "on": "2028-02-29"], current: [:]).get()
        #expect(change == ["kind": "road", "plate": "B 1234 XYZ", "on": "2028-02-29"])
    }

    @Test(arguments: [
        ["kind": "river"], ["plate": "b 1234 xyz"], ["plate": "B 12345"], ["on": "2027-02-29"], ["on": "2026-13-01"],
        ["on": "1 Desember"], ["secret": "terlalu panjang"], ["unknown": "x"], [:],
    ] as [[String: String]])
    func invalidChangesAreRefused(change: [String: String]) {
        let result = profile.check(change.mapValues { Optional($0) }, current: [:])
        guard case .failure = result else {
            Issue.record("\(change) was accepted")
            return
        }
    }

    @Test func consistencyIsCheckedOnTheMergedFields() throws {
        #expect(throws: FieldProblem.self) { try profile.check(["on": "2026-12-01"], current: [:]).get() }
        #expect(try profile.check(["on": "2026-12-01"], current: ["kind": "bridge"]).get() == ["on": "2026-12-01"])
        // Removing the kind while a date stays is refused too.
        #expect(throws: FieldProblem.self) { try profile.check(["kind": nil], current: ["kind": "bridge", "on": "2026-12-01"]).get() }
    }

    @Test func refusalsSpeakIndonesianFirstAndEnglishToTheAPI() {
        guard case .failure(let choice) = profile.check(["kind": "river"], current: [:]),
              case .failure(let date) = profile.check(["on": "2027-02-29"], current: [:]) else {
            Issue.record("invalid values were accepted")
            return
        }
        #expect(choice.message(.id) == "Jenis: pilih salah satu dari Jalan, Jembatan.")
        #expect(choice.message(.en) == "kind must be one of road, bridge")
        #expect(date.message(.id) == "Tanggal: isi tanggal yang benar (TTTT-BB-HH).")
    }

    @Test func choicesAreShownInTheReadersLanguage() throws {
        let kind = try #require(profile.field("kind"))
        #expect(kind.display("bridge", .id) == "Jembatan")
        #expect(kind.display("bridge", .en) == "Bridge")
        #expect(try #require(profile.field("secret")).confidential)
    }
}

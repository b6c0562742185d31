import Complaints
import Foundation
import Testing

struct ReferenceInputTests {
    func refusal(_ kind: ReferenceKind, _ sent: [String: ReferenceValue], creating: Bool = true) -> Refusal? {
        do {
            _ = try ReferenceInput(kind, sent: sent, creating: creating)
            return nil
        } catch {
            return error
        }
    }

    @Test func aNewHolidayTakesItsDefaultsAndItsIdIsTheDay() throws {
        let input = try ReferenceInput(.holidays, sent: ["day": .text("2026-12-24"), "name_id": .text(" Cuti bersama Natal "),
                                                         "name_en": .text("Collective leave")], creating: true)
        #expect(input.values["kind"] == .text("national") && input.values["active"] == .boolean(true))
        #expect(input.values["name_id"] == .text("Cuti bersama Natal"), "text is trimmed")
        #expect(ReferenceKind.holidays.id(of: input.values) == "2026-12-24")
    }

    @Test(arguments: [
        (ReferenceKind.holidays, ["day": ReferenceValue.text("2026-02-30"), "name_id": .text("X"), "name_en": .text("X")], "invalid_field"),
        (.holidays, ["day": .text("2026-12-24"), "name_id": .text("X"), "name_en": .text("X"), "kind": .text("cuti")], "invalid_field"),
        (.deadlines, ["kind": .text("verify"), "working_days": .integer(0)], "invalid_field"),
        (.deadlines, ["kind": .text("verify"), "working_days": .integer(-4)], "invalid_field"),
        (.deadlines, ["kind": .text("verify"), "working_days": .integer(501)], "invalid_field"),
        (.deadlines, ["kind": .text("lunch"), "working_days": .integer(3)], "invalid_field"),
        (.agencies, ["code": .text("Dinas Baru"), "name_id": .text("X"), "name_en": .text("X")], "invalid_field"),
        (.agencies, ["code": .text("dinas-baru"), "name_id": .text("X"), "name_en": .text("X"), "time_zone": .text("UTC")], "invalid_field"),
        (.agencies, ["code": .text("dinas-baru"), "name_id": .text("X")], "missing_field"),
        (.agencies, ["code": .text("dinas-baru"), "name_id": .text("X"), "name_en": .text("X"), "colour": .text("red")], "unknown_field"),
        (.categories, ["code": .text("air"), "name_id": .text("Air"), "name_en": .text("Water"), "keyword": .text("air"),
                       "position": .integer(14)], "invalid_field"),
        (.routes, ["category": .text("sosial"), "module": .text("nowhere"), "agency": .text("dinsos")], "invalid_field"),
        (.agencies, ["code": .text("dinas-baru"), "name_id": .text("Dinas\u{0}Baru"), "name_en": .text("X")], "invalid_field"),
    ])
    func aBadValueIsRefusedWithItsCode(kind: ReferenceKind, sent: [String: ReferenceValue], code: String) {
        #expect(refusal(kind, sent)?.code == code)
        #expect(refusal(kind, sent)?.status == 400)
    }

    @Test func aChangeMayNotTouchTheIdAndMustChangeSomething() {
        #expect(refusal(.deadlines, ["kind": .text("follow_up")], creating: false)?.code == "field_not_editable")
        #expect(refusal(.deadlines, [:], creating: false)?.code == "invalid_request")
        #expect(refusal(.holidays, ["day": .text("2026-12-25")], creating: false) == nil, "a holiday moves to another day")
    }

    @Test func aRouteNamesItsAgencyAndCategoryForTheStoreToCheck() throws {
        let input = try ReferenceInput(.routes, sent: ["category": .text("sosial"), "kecamatan": .text("Lembang"),
                                                       "module": .text("social"), "agency": .text("dinsos")], creating: true)
        #expect(input.references.map(\.field) == ["category", "agency"])
        #expect(input.references.map(\.kind) == [.categories, .agencies])
        #expect(ReferenceKind.routes.id(of: input.values) == "sosial:Lembang")
        let standard = try ReferenceInput(.routes, sent: ["category": .text("sosial"), "module": .text("social"), "agency": .text("dinsos")],
                                          creating: true)
        #expect(ReferenceKind.routes.id(of: standard.values) == "sosial", "a category's default route is named by the category")
    }

    @Test func aPartOfARequestTypeIsNamedByItsTypeAndAgencyAndNamesThemAndItsCategoryForTheStoreToCheck() throws {
        let input = try ReferenceInput(.requestParts, sent: ["type": .text("kematian"), "agency": .text("disdukcapil"),
                                                             "category": .text("kependudukan"), "position": .integer(1),
                                                             "name_id": .text("Akta kematian"), "name_en": .text("Death certificate")],
                                       creating: true)
        #expect(ReferenceKind.requestParts.id(of: input.values) == "kematian:disdukcapil")
        #expect(input.references.map(\.kind) == [.requestTypes, .agencies, .categories])
        #expect(refusal(.requestParts, ["agency": .text("rsud")], creating: false)?.code == "field_not_editable", "one part per agency")
        #expect(refusal(.requestParts, ["type": .text("lahir")], creating: false)?.code == "field_not_editable")
        #expect(refusal(.requestParts, ["category": .text("sosial")], creating: false) == nil, "a part may move to another category")
    }

    @Test func aSubcategoryMayAskForARequestTypeOrNone() throws {
        let sent: [String: ReferenceValue] = ["category": .text("kependudukan"), "code": .text("akta-kematian"), "name_id": .text("Akta kematian"),
                                              "name_en": .text("Death certificate"), "position": .integer(8)]
        #expect(try ReferenceInput(.subcategories, sent: sent, creating: true).values["request_type"] == ReferenceValue.none)
        let asking = try ReferenceInput(.subcategories, sent: sent.merging(["request_type": .text("kematian")]) { $1 }, creating: true)
        #expect(asking.references.map(\.field) == ["category", "request_type"] && asking.references.last?.kind == .requestTypes)
        #expect(refusal(.subcategories, sent.merging(["request_type": .text("Kematian 3in1")]) { $1 })?.code == "invalid_field")
    }

    @Test func everyKindHasWordsInBothLanguagesAndAnIdOfItsFields() {
        for kind in ReferenceKind.allCases {
            #expect(!kind.nameID.isEmpty && !kind.nameEN.isEmpty)
            let names = Set(kind.fields.map(\.name))
            #expect(kind.idFields.allSatisfy(names.contains), "\(kind)")
        }
    }
}

extension ReferenceInputTests {
    @Test func aValueFromJSONTextReadsBackAsTheSameValue() throws {
        let value = ReferenceValue.list([.object(["key": .text("a"), "required": .boolean(true), "max": .integer(3),
                                                  "choices": .list([.text("x")]), "min": .none])])
        let encoded = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(ReferenceValue.self, from: encoded) == value)
    }
}

import Complaints
import Testing
@testable import Web

struct CategoryChoiceCategoryTests {
    @Test func namesTheCategoryAndItsSubcategoriesInTheLanguage() {
        let id = CategoryChoice(Sample.categories[0], language: .id), en = CategoryChoice(Sample.categories[0], language: .en)
        #expect(id.code == "pekerjaan-umum" && id.name == "Pekerjaan Umum" && en.name == "Public works")
        #expect(id.subcategories.map(\.code) == ["pju"] && id.subcategories.map(\.name) == ["Lampu jalan"])
        #expect(en.subcategories.map(\.name) == ["Street lights"])
    }
}

import Testing
@testable import Web

struct ErrorSummaryTests {
    let summary = ErrorSummary(errors: ["email": "Alamat email tidak valid.", "category": "Pilih kategori pengaduan.",
                                        "photos": "Foto terlalu besar."],
                               order: ComplaintFields.order)

    @Test func listsEachProblemAsALinkToItsFieldInPageOrder() {
        let html = summary.html(heading: "Periksa kembali isian yang ditandai.")
        #expect(html.hasPrefix("<div id=\"error-summary\" class=\"error-summary\"><p class=\"error\" role=\"alert\">Periksa kembali isian yang ditandai.</p><ul>"))
        #expect(html.contains("<li><a href=\"#category\">Pilih kategori pengaduan.</a></li><li><a href=\"#photos\">Foto terlalu besar.</a></li>"
                              + "<li><a href=\"#email\">Alamat email tidak valid.</a></li></ul></div>"))
    }

    @Test func theFirstFieldToFixTakesTheFocus() {
        #expect(summary.first == "category")
        #expect(summary.autofocus("category") == " autofocus")
        #expect(summary.autofocus("email").isEmpty && summary.autofocus("photos").isEmpty)
    }

    @Test func aFieldTheOrderDoesNotKnowComesLast() {
        let odd = ErrorSummary(errors: ["zeta": "z", "description": "d"], order: ComplaintFields.order)
        #expect(odd.first == "description")
        #expect(odd.html(heading: "h").hasSuffix("<li><a href=\"#description\">d</a></li><li><a href=\"#zeta\">z</a></li></ul></div>"))
    }

    @Test func noProblemsNoSummaryAndNoFocus() {
        let none = ErrorSummary(errors: [:], order: ComplaintFields.order)
        #expect(none.html(heading: "h").isEmpty && none.first == nil && none.autofocus("category").isEmpty)
    }

    @Test(arguments: Hostile.all)
    func messagesAreEscaped(hostile: Hostile) {
        let html = ErrorSummary(errors: ["location": hostile.raw], order: ComplaintFields.order).html(heading: hostile.raw)
        #expect(html.contains(">\(hostile.escaped)</a></li>") && html.contains("role=\"alert\">\(hostile.escaped)</p>"))
    }
}

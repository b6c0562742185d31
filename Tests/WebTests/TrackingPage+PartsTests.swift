import Complaints
import Foundation
import Testing
@testable import Web

/// The tracking page of a request that fans out: each agency's progress, and no rating of the whole.
struct TrackingPagePartsTests {
    func view(status: ComplaintStatus, parts: [TrackingView.Part]) -> TrackingView {
        var view = TrackingView(trackingCode: TrackingCode(parsing: Sample.code)!, categoryName: "Kependudukan", status: status,
                                confidential: false, description: "Bayi lahir", location: nil, area: nil, dueAt: nil,
                                createdAt: Sample.at, updatedAt: Sample.at, events: [])
        view.parts = parts
        return view
    }

    let parts = [
        TrackingView.Part(agencyName: "Rumah Sakit <Umum> Daerah", status: .closed, dueAt: nil),
        TrackingView.Part(agencyName: "BPJS Kesehatan", status: .inProgress, dueAt: Sample.at.addingTimeInterval(86_400)),
    ]

    @Test func eachAgencysProgressIsShownWithItsStatusAndDeadline() {
        let html = TrackingPage.render(view(status: .inProgress, parts: parts), language: .id)
        #expect(html.contains("<section id=\"parts\"><h2>Kemajuan di tiap instansi</h2>"))
        #expect(html.contains("<li class=\"part\" data-status=\"closed\"><strong>Rumah Sakit &lt;Umum&gt; Daerah</strong>: Ditutup</li>"))
        #expect(html.contains("<strong>BPJS Kesehatan</strong>: Sedang ditindaklanjuti (batas waktu 2 Jan 2026 07.00 WIB)"))
        let english = TrackingPage.render(view(status: .inProgress, parts: parts), language: .en)
        #expect(english.contains("Progress at each agency") && english.contains(": In progress (due 2 Jan 2026 07.00 WIB)"))
    }

    @Test func aResolvedRequestIsNotRatedAsAWhole() {
        let html = TrackingPage.render(view(status: .resolved, parts: parts), language: .id)
        #expect(Markup.postForms(html).isEmpty)
    }

    @Test func aCaseWithoutPartsShowsNoSuchSection() {
        #expect(!TrackingPage.render(view(status: .inProgress, parts: []), language: .id).contains("id=\"parts\""))
    }
}

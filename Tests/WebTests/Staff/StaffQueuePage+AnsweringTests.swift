import Complaints
import Foundation
import Testing
@testable import Web

struct StaffQueuePageAnsweringTests {
    func stored(answered: Bool = false, wait: ReporterWait? = nil, code: String) -> Case {
        let base = Sample.stored(code: code, status: wait == nil ? .inProgress : .awaitingReporter)
        return Case(id: base.id, trackingCode: base.trackingCode, category: base.category, subcategory: nil, module: base.module,
                    agency: base.agency, channel: base.channel, status: base.status, priority: base.priority, description: base.description,
                    location: nil, kelurahan: nil, kecamatan: nil, lat: nil, lon: nil, anonymous: false, confidential: false,
                    inspectorate: false, escalationLevel: 0, overdueStep: 0, assignedTo: nil, subUnit: nil, dueAt: nil,
                    createdAt: Sample.at, updatedAt: Sample.at, moduleFields: [:], reporterWait: wait, reporterAnswered: answered)
    }

    @Test func theQueueMarksACaseTheReporterAnsweredOrLeftUnanswered() {
        let cases = [stored(answered: true, code: "7QK2M9XW4HNPA"),
                     stored(wait: ReporterWait(resumeStatus: .inProgress, remaining: 60, lapsed: true), code: "7QK2M9XW4HNPB"),
                     stored(wait: ReporterWait(resumeStatus: .inProgress, remaining: 60), code: "7QK2M9XW4HNPC")]
        let listing = StaffQueueListing(entries: cases.map { QueueEntry($0, holder: nil) }, counts: QueueCounts(total: cases.count),
                                        filter: QueueFilter(module: .publicWorks))
        let html = StaffQueuePage.render(session: Sample.session(Sample.account()), listing: listing, categories: Sample.categories,
                                         subUnits: Sample.subUnits, language: .id, now: Sample.at)
        #expect(html.components(separatedBy: "data-mark=\"reporter-answered\"").count == 2)
        #expect(html.contains(">pelapor menjawab</strong>"))
        #expect(html.components(separatedBy: "data-mark=\"reporter-unanswered\"").count == 2)
        #expect(html.contains("Menunggu jawaban pelapor"))
    }
}

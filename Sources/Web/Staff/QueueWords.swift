import Complaints
import Foundation

/// The words of the queue page's search, holder filter, order, paging and lines, Indonesian first.
enum QueueWords: String, CaseIterable {
    case search, searchHint, holder, holderAny, holderMine, holderNone, sort, summary, age, nobody, previous, next, of, pages
    case wholeKecamatan

    func text(_ language: Language) -> String {
        let pair = Self.table[self]!
        return language == .en ? pair.en : pair.id
    }

    private static let table: [QueueWords: (id: String, en: String)] = [
        .search: ("Cari isi laporan atau kode", "Search the text or a code"),
        .searchHint: ("kata dari uraian atau lokasi (min. 3 huruf), atau kode pelacakan",
                      "words of the description or location (3 letters or more), or a tracking code"),
        .holder: ("Pemegang", "Held by"),
        .holderAny: ("— siapa saja —", "— anyone —"),
        .holderMine: ("Milik saya", "Mine"),
        .holderNone: ("Belum dipegang", "Unassigned"),
        .sort: ("Urutkan", "Sort"),
        .summary: ("Ringkasan", "Summary"),
        .age: ("Umur", "Age"),
        .nobody: ("belum ada", "nobody"),
        .previous: ("← Sebelumnya", "← Previous"),
        .next: ("Berikutnya →", "Next →"),
        .of: ("dari", "of"),
        .pages: ("Halaman antrean", "Queue pages"),
        .wholeKecamatan: ("seluruh kecamatan", "whole kecamatan"),
    ]

    static func order(_ order: QueueOrder, _ language: Language) -> String {
        switch (order, language) {
        case (.deadline, .id): return "Batas waktu terdekat"
        case (.age, .id): return "Paling lama menunggu"
        case (.priority, .id): return "Prioritas tertinggi"
        case (.deadline, .en): return "Soonest deadline"
        case (.age, .en): return "Waiting longest"
        case (.priority, .en): return "Highest priority"
        }
    }

    /// How long ago `date` was, in whole minutes, hours or days ("3 hari").
    static func age(since date: Date, now: Date, _ language: Language) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        let (count, unitID, unitEN): (Int, String, String) =
            seconds < 3_600 ? (seconds / 60, "menit", "min")
            : seconds < 86_400 ? (seconds / 3_600, "jam", "h")
            : (seconds / 86_400, "hari", "d")
        return language == .en ? "\(count) \(unitEN)" : "\(count) \(unitID)"
    }
}

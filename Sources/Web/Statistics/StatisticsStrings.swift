import Complaints

/// The statistics page's words, Indonesian first.
public enum StatisticsStrings: String, Sendable {
    case title, intro, filters, from, to, area, allAreas, category, allCategories, show, period, areaNote
    case total, byAgency, byCategory, trend, agency, week, received, resolved, verifyHours, resolveHours
    case withinShare, meanRating, confidential, noData, definitions, downloads, json, csv, chartOf, trendDesc, barsDesc
    case definitionReceived, definitionResolved, definitionVerify, definitionResolve, definitionWithin, definitionRating
    case definitionConfidential, definitionFresh, hours

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [StatisticsStrings: (String, String)] = [
        .title: ("Statistik pengaduan", "Complaint statistics"),
        .intro: ("Berapa pengaduan yang diterima dan diselesaikan tiap dinas dan kategori, seberapa cepat, dan bagaimana warga menilainya.",
                 "How many complaints each agency and category received and resolved, how fast, and how citizens rated the results."),
        .filters: ("Saring", "Filter"),
        .from: ("Dari tanggal", "From"),
        .to: ("Sampai tanggal", "To"),
        .area: ("Wilayah", "Area"),
        .allAreas: ("— seluruh wilayah —", "— every area —"),
        .category: ("Kategori", "Category"),
        .allCategories: ("— semua kategori —", "— every category —"),
        .show: ("Tampilkan", "Show"),
        .period: ("Pengaduan yang diterima", "Complaints received"),
        .areaNote: ("Dengan saringan wilayah, pengaduan rahasia tidak dihitung: pengaduan rahasia tidak pernah ditunjukkan tempatnya.",
                    "With an area filter, confidential complaints are left out: a confidential complaint is never placed."),
        .total: ("Ringkasan", "Summary"),
        .byAgency: ("Per dinas", "By agency"),
        .byCategory: ("Per kategori", "By category"),
        .trend: ("Tren mingguan", "Weekly trend"),
        .agency: ("Dinas", "Agency"),
        .week: ("Minggu mulai", "Week of"),
        .received: ("Diterima", "Received"),
        .resolved: ("Selesai", "Resolved"),
        .verifyHours: ("Median jam sampai verifikasi", "Median hours to verify"),
        .resolveHours: ("Median jam sampai selesai", "Median hours to resolve"),
        .withinShare: ("Selesai tepat waktu", "Resolved within the deadline"),
        .meanRating: ("Rata-rata penilaian warga (1–5)", "Citizens' mean rating (1–5)"),
        .confidential: ("Rahasia", "Confidential"),
        .noData: ("tidak ada data", "no data"),
        .definitions: ("Cara menghitung", "How the figures are counted"),
        .downloads: ("Unduh data yang sama", "Download the same data"),
        .json: ("JSON", "JSON"),
        .csv: ("CSV", "CSV"),
        .chartOf: ("Grafik", "Chart"),
        .trendDesc: ("Batang per minggu: diterima (biru) dan selesai (hijau). Angka yang sama ada di tabel di bawahnya.",
                     "Bars per week: received (blue) and resolved (green). The table below holds the same numbers."),
        .barsDesc: ("Batang diterima (biru) dan selesai (hijau). Angka yang sama ada di tabel di bawahnya.",
                    "Bars of received (blue) and resolved (green). The table below holds the same numbers."),
        .definitionReceived: ("Diterima: pengaduan yang masuk dalam periode (menurut tanggal setempat dinasnya), tanpa laporan ganda dan tanpa induk permohonan lintas dinas (tiap bagian dihitung di dinasnya).",
                              "Received: complaints that came in during the period (by the agency's local date), without duplicates and without the parent of a request shared by several agencies (each part counts at its agency)."),
        .definitionResolved: ("Selesai: yang kini berstatus selesai atau ditutup setelah diselesaikan. Pengaduan yang ditolak dihitung diterima, tidak selesai.",
                              "Resolved: those now resolved, or closed after a resolution. Rejected complaints count as received, never as resolved."),
        .definitionVerify: ("Jam sampai verifikasi: dari masuk sampai verifikasi pertama (atau langsung ditangani); median tepat atas semua yang sudah diverifikasi.",
                            "Hours to verify: from receipt to the first verification (or being taken up at once); the exact median over every case verified."),
        .definitionResolve: ("Jam sampai selesai: dari masuk sampai penyelesaian yang berlaku; median tepat atas yang selesai.",
                             "Hours to resolve: from receipt to the standing resolution; the exact median over the resolved cases."),
        .definitionWithin: ("Tepat waktu: bagian dari yang selesai yang diselesaikan paling lambat batas verifikasi ditambah batas tindak lanjut (hari kerja, dihitung dari saat masuk).",
                            "Within the deadline: the share of resolved cases resolved no later than the verification and follow-up service levels together (working days, counted from receipt)."),
        .definitionRating: ("Penilaian: rata-rata nilai terakhir yang diberikan warga atas penyelesaian.",
                            "Rating: the mean of the latest rating citizens gave a resolution."),
        .definitionConfidential: ("Rahasia: dihitung di semua angka, tetapi tidak pernah ditunjukkan tempat maupun isinya.",
                                  "Confidential: counted in every figure, but never placed or described."),
        .definitionFresh: ("Angka diperbarui paling lambat sekitar satu menit setelah perubahan.",
                           "The figures follow changes within about a minute."),
        .hours: ("jam", "hours"),
    ]
}

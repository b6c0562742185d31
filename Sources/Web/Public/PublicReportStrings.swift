import Complaints

/// The words of the public report pages (/laporan, /peta, the feeds), Indonesian first.
public enum PublicReportStrings: String, Sendable {
    case listTitle, listIntro, mapTitle, mapIntro, reportTitle, allAreas, allCategories, allStatuses, show, nextPage
    case none, unlistedInArea, unlistedEverywhere, onMap, asList, openData, feed, hotspots, hotspotIntro
    case legend, openReports, hazards, hazardNote, areaColumn, categoryColumn, countColumn, noBoundaries
    case pointsShown, reportNumber, backToList, noArea, filterTitle, resolvedAt, feedTitle

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [PublicReportStrings: (String, String)] = [
        .listTitle: ("Laporan warga", "Citizens' reports"),
        .listIntro: ("Laporan yang tidak dirahasiakan, terbaru lebih dulu. Identitas dan kontak pelapor tidak pernah ditampilkan.",
                     "Reports that are not confidential, newest first. Reporters' identities and contacts are never shown."),
        .mapTitle: ("Peta laporan", "Map of reports"),
        .mapIntro: ("Warna wilayah menunjukkan jumlah laporan yang masih terbuka (termasuk yang dirahasiakan, hanya dihitung). Titik menunjukkan laporan terbuka yang tidak dirahasiakan; segitiga merah adalah bahaya.",
                    "An area's colour shows how many reports are still open (confidential ones only counted). Dots are open reports that are not confidential; red triangles are hazards."),
        .reportTitle: ("Laporan", "Report"),
        .allAreas: ("Semua wilayah", "All areas"),
        .allCategories: ("Semua kategori", "All categories"),
        .allStatuses: ("Semua status", "All statuses"),
        .show: ("Tampilkan", "Show"),
        .nextPage: ("Halaman berikutnya", "Next page"),
        .none: ("Belum ada laporan publik yang sesuai.", "No public report matches."),
        .unlistedInArea: ("laporan rahasia di wilayah ini", "confidential reports in this area"),
        .unlistedEverywhere: ("laporan rahasia", "confidential reports"),
        .onMap: ("Lihat di peta", "See on the map"),
        .asList: ("Lihat daftar", "See the list"),
        .openData: ("Data terbuka", "Open data"),
        .feed: ("Umpan Atom wilayah ini", "This area's Atom feed"),
        .hotspots: ("Titik rawan per kelurahan/desa", "Hotspots per kelurahan/village"),
        .hotspotIntro: ("Jumlah laporan terbuka per wilayah dan kategori.", "Open reports per area and category."),
        .legend: ("Keterangan", "Legend"),
        .openReports: ("Laporan terbuka", "Open reports"),
        .hazards: ("Bahaya", "Hazards"),
        .hazardNote: ("Wilayah bergaris merah putus-putus memiliki laporan bahaya terbuka (banjir, pohon tumbang, PJU padam, bencana).",
                      "Areas with a dashed red edge have open hazard reports (flooding, fallen trees, broken street lights, disasters)."),
        .areaColumn: ("Wilayah", "Area"),
        .categoryColumn: ("Kategori", "Category"),
        .countColumn: ("Jumlah", "Count"),
        .noBoundaries: ("Batas wilayah belum dimuat.", "No area boundaries are loaded yet."),
        .pointsShown: ("Titik yang ditampilkan: laporan terbuka terbaru, paling banyak", "Points shown: the newest open reports, at most"),
        .reportNumber: ("Laporan nomor", "Report number"),
        .backToList: ("Kembali ke daftar laporan", "Back to the list of reports"),
        .noArea: ("Wilayah belum diketahui", "Area not known"),
        .filterTitle: ("Saring laporan", "Filter the reports"),
        .resolvedAt: ("Diselesaikan", "Resolved"),
        .feedTitle: ("Laporan warga", "Citizens' reports"),
    ]
}

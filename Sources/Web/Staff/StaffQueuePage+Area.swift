import Complaints

extension StaffQueuePage {
    /// The area filter: the known regions by name, each kecamatan a group with itself (every case of
    /// the kecamatan) first and then its desa/kelurahan; each sends its Kemendagri code. A code asked
    /// for that is not among them stays offered, chosen. Nothing when no region is known or asked for.
    static func areaFilter(_ areas: RegionDirectory, chosen: RegionCode?, any: String, language: Language) -> String {
        guard !areas.isEmpty || chosen != nil else { return "" }
        func option(_ region: NamedRegion, _ label: String) -> String {
            "<option value=\"\(region.code.value)\"\(chosen == region.code ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        var select = "<div><label for=\"area\">\(StaffStrings.area.text(language))</label><select id=\"area\" name=\"area\">\(any)"
        var offered = false
        for district in areas.districts {
            select += "<optgroup label=\"\(HTML.escape("Kecamatan \(district.kecamatan.name)"))\">"
            select += option(district.kecamatan, "\(district.kecamatan.name) (\(QueueWords.wholeKecamatan.text(language)))")
            for village in district.villages { select += option(village, village.name) }
            select += "</optgroup>"
            offered = offered || district.kecamatan.code == chosen || district.villages.contains { $0.code == chosen }
        }
        if let chosen, !offered { select += option(NamedRegion(code: chosen, name: chosen.value), chosen.value) }
        return select + "</select></div>"
    }
}

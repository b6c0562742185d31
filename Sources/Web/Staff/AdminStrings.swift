import Complaints

/// The admin reference-data pages' words, Indonesian first.
public enum AdminStrings: String, Sendable {
    case referenceData, save, add, addTitle, created, changed, none, dateHint

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    /// The label of a field of reference data.
    static func label(_ field: String, _ language: Language) -> String {
        let pair = labels[field] ?? (field, field)
        return language == .en ? pair.1 : pair.0
    }

    /// The notice after a redirect (`?done=`).
    public static func notice(_ done: String?, _ language: Language) -> String? {
        switch done {
        case "created": return created.text(language)
        case "changed": return changed.text(language)
        default: return nil
        }
    }

    private static let table: [AdminStrings: (String, String)] = [
        .referenceData: ("Data acuan", "Reference data"),
        .save: ("Simpan", "Save"),
        .add: ("Tambah", "Add"),
        .addTitle: ("Tambah data baru", "Add a record"),
        .created: ("Data ditambahkan; berlaku untuk kasus berikutnya.", "Record added; it applies to the next case."),
        .changed: ("Perubahan disimpan; berlaku untuk kasus berikutnya.", "Change saved; it applies to the next case."),
        .none: ("—", "—"),
        .dateHint: ("TTTT-BB-HH", "YYYY-MM-DD"),
    ]

    private static let labels: [String: (String, String)] = [
        "code": ("Kode", "Code"),
        "name_id": ("Nama (Indonesia)", "Name (Indonesian)"),
        "name_en": ("Nama (Inggris)", "Name (English)"),
        "keyword": ("Kata kunci SMS", "SMS keyword"),
        "position": ("Urutan", "Position"),
        "category": ("Kategori", "Category"),
        "misconduct": ("Berkadar pengawasan", "Misconduct"),
        "kecamatan": ("Kecamatan (kosong: semua)", "Kecamatan (empty: everywhere)"),
        "module": ("Modul", "Module"),
        "agency": ("Instansi", "Agency"),
        "time_zone": ("Zona waktu", "Time zone"),
        "active": ("Aktif", "Active"),
        "day": ("Tanggal", "Date"),
        "kind": ("Jenis", "Kind"),
        "working_days": ("Hari kerja", "Working days"),
        "type": ("Permohonan gabungan", "Combined request"),
        "request_type": ("Permohonan gabungan (kode, boleh kosong)", "Combined request (code, optional)"),
    ]
}

import Complaints

/// The admin reference-data pages' words, Indonesian first.
public enum AdminStrings: String, Sendable {
    case referenceData, save, add, addTitle, created, changed, none, dateHint, letterFieldsHint, letterTypesNote, lettersDeadlineNote

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
        .letterFieldsHint: ("Satu baris per isian; kosongkan kunci dan label untuk menghapusnya. Batas (maks. karakter, minimum, maksimum, pilihan dipisah koma) sesuai jenisnya.",
                            "One row per field; clear its key and labels to remove it. The checks (max. characters, minimum, maximum, choices separated by commas) go with its type."),
        .letterTypesNote: ("Templat isi memakai {{applicant.name}}, {{applicant.nik}}, {{applicant.address}} dan {{fields.KUNCI}}. Jenis surat tidak dihapus: matikan \"Aktif\" agar tidak dapat dipilih lagi. Surat yang sedang berjalan tetap memakai batas waktu dan alurnya; surat berikutnya memakai yang baru.",
                           "The body template uses {{applicant.name}}, {{applicant.nik}}, {{applicant.address}} and {{fields.KEY}}. Letter types are not deleted: switch \"Active\" off so it can no longer be chosen. Letters already running keep their deadline and their chain; the next letter uses the new ones."),
        .lettersDeadlineNote: ("Batas waktu surat desa dan kecamatan diatur per jenis surat:", "The deadlines of village and sub-district letters are set per letter type:"),
    ]

    private static let labels: [String: (String, String)] = [
        "code": ("Kode", "Code"),
        "name_id": ("Nama (Indonesia)", "Name (Indonesian)"),
        "name_en": ("Nama (Inggris)", "Name (English)"),
        "keyword": ("Kata kunci SMS", "SMS keyword"),
        "position": ("Urutan", "Position"),
        "category": ("Kategori", "Category"),
        "misconduct": ("Berkadar pengawasan", "Misconduct"),
        "hazard": ("Bahaya (peta dan pusat komando 112)", "Hazard (map and 112 command centre)"),
        "kecamatan": ("Kecamatan (kosong: semua)", "Kecamatan (empty: everywhere)"),
        "module": ("Modul", "Module"),
        "agency": ("Instansi", "Agency"),
        "time_zone": ("Zona waktu", "Time zone"),
        "active": ("Aktif", "Active"),
        "day": ("Tanggal", "Date"),
        "kind": ("Jenis", "Kind"),
        "working_days": ("Hari kerja", "Working days"),
        "classification": ("Kode klasifikasi", "Classification code"),
        "fields": ("Isian", "Fields"),
        "field": ("Isian", "Field"),
        "body_template": ("Templat isi surat", "Body template"),
        "reaches_district": ("Sampai kecamatan (camat menandatangani)", "Goes on to the kecamatan (the camat signs)"),
        "deadline_days": ("Batas waktu (hari kerja)", "Deadline (working days)"),
        "type": ("Permohonan gabungan", "Combined request"),
        "request_type": ("Permohonan gabungan (kode, boleh kosong)", "Combined request (code, optional)"),
    ]

    /// The label of a member of a letter type's field (a column of the fields' table).
    static func letterFieldLabel(_ member: String, _ language: Language) -> String {
        let pair = letterFieldLabels[member] ?? labels[member] ?? (member, member)
        return language == .en ? pair.1 : pair.0
    }

    private static let letterFieldLabels: [String: (String, String)] = [
        "key": ("Kunci", "Key"),
        "label_id": ("Label (Indonesia)", "Label (Indonesian)"),
        "label_en": ("Label (Inggris)", "Label (English)"),
        "type": ("Jenis isian", "Type"),
        "required": ("Wajib", "Required"),
        "max_length": ("Maks. karakter", "Max. characters"),
        "min": ("Minimum", "Minimum"),
        "max": ("Maksimum", "Maximum"),
        "choices": ("Pilihan", "Choices"),
    ]
}

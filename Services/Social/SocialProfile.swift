import Complaints

/// Social services' own fields: the kind of social problem (PMKS), the person in need, kept
/// confidential to the module, and where they were referred.
enum SocialProfile {
    static let profile = ModuleProfile(fields: [
        ModuleField("pmks_kind", id: "Jenis PMKS", en: "Kind of social problem", kind: .choice([
            ("neglected_child", "Anak terlantar", "Neglected child"), ("neglected_elderly", "Lansia terlantar", "Neglected elderly person"),
            ("disability", "Penyandang disabilitas", "Person with a disability"), ("homeless", "Gelandangan atau pengemis", "Homeless person or beggar"),
            ("mental_illness", "ODGJ terlantar", "Neglected person with mental illness"), ("disaster_victim", "Korban bencana", "Disaster victim"),
            ("extreme_poverty", "Fakir miskin", "Extreme poverty"), ("other", "Lainnya", "Other"),
        ])),
        ModuleField("person_name", id: "Nama orang yang membutuhkan", en: "Name of the person in need",
                    kind: .text(maxLength: 200), confidential: true),
        ModuleField("person_age", id: "Perkiraan usia", en: "Approximate age", kind: .text(maxLength: 3, pattern: "[0-9]{1,3}"),
                    confidential: true),
        ModuleField("referral", id: "Rujukan", en: "Referral", kind: .choice([
            ("care_home", "Panti sosial", "Social care home"), ("hospital", "Rumah sakit", "Hospital"),
            ("cash_aid", "Bantuan sosial (PKH/BPNT)", "Cash or food aid (PKH/BPNT)"), ("civil_registry", "Dinas Dukcapil (dokumen)", "Civil registry (documents)"),
            ("family", "Dikembalikan ke keluarga", "Returned to family"), ("other", "Lainnya", "Other"),
        ])),
        ModuleField("referral_note", id: "Catatan rujukan", en: "Referral note", kind: .text(maxLength: 500), confidential: true),
    ], consistency: { fields in
        fields["referral_note"] != nil && fields["referral"] == nil
            ? FieldProblem(field: "referral", message: "a referral note needs the referral",
                           id: "Catatan rujukan memerlukan jenis rujukan.") : nil
    })
}

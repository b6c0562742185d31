import Complaints

/// Public works' own fields: the asset, illegal streetlights, and proposals for new or metered
/// streetlights, which enter the work programme only after a feasible survey (DETAK PJU+).
enum PublicWorksProfile {
    static let profile = ModuleProfile(fields: [
        ModuleField("asset_kind", id: "Jenis aset", en: "Asset", kind: .choice([
            ("road", "Jalan", "Road"), ("bridge", "Jembatan", "Bridge"), ("drainage", "Drainase", "Drainage"),
            ("streetlight", "Penerangan jalan umum (PJU)", "Street lighting"), ("heavy_equipment", "Alat berat", "Heavy equipment"),
        ])),
        ModuleField("illegal_streetlight", id: "PJU ilegal (sambungan liar)", en: "Illegal streetlight", kind: .choice([
            ("suspected", "Diduga ilegal", "Suspected"), ("confirmed", "Terbukti ilegal", "Confirmed"), ("legal", "Legal", "Legal"),
        ])),
        ModuleField("proposal", id: "Usulan PJU", en: "Streetlight proposal", kind: .choice([
            ("new", "PJU baru", "New streetlight"), ("metered", "PJU meteran", "Metered streetlight"),
        ])),
        ModuleField("feasibility", id: "Survei kelayakan", en: "Feasibility survey", kind: .choice([
            ("pending", "Menunggu survei", "Survey pending"), ("feasible", "Layak", "Feasible"), ("not_feasible", "Tidak layak", "Not feasible"),
        ])),
        ModuleField("survey_date", id: "Tanggal survei", en: "Survey date", kind: .date),
        ModuleField("programme", id: "Program kerja", en: "Work programme", kind: .choice([
            ("accepted", "Masuk program kerja", "Accepted into the programme"), ("declined", "Tidak diprogramkan", "Declined"),
        ])),
    ], consistency: consistency)

    @Sendable static func consistency(_ fields: [String: String]) -> FieldProblem? {
        if fields["proposal"] == nil, fields["feasibility"] != nil || fields["programme"] != nil {
            return FieldProblem(field: "proposal", message: "feasibility and programme belong to a streetlight proposal: set proposal first",
                                id: "Survei kelayakan dan program kerja hanya untuk usulan PJU: isi jenis usulan dahulu.")
        }
        if fields["feasibility"] == "feasible" || fields["feasibility"] == "not_feasible", fields["survey_date"] == nil {
            return FieldProblem(field: "survey_date", message: "a survey result needs the survey_date",
                                id: "Hasil survei memerlukan tanggal survei.")
        }
        if fields["programme"] == "accepted", fields["feasibility"] != "feasible" {
            return FieldProblem(field: "programme", message: "a proposal enters the work programme only after a feasible survey",
                                id: "Usulan masuk program kerja hanya setelah survei menyatakan layak.")
        }
        return nil
    }
}

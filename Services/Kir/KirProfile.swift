import Complaints

/// Vehicle inspection's own fields: the plate, the kind of test, its result and the fee.
enum KirProfile {
    /// Indonesian plates: region letters, a number, optional suffix letters (`B 1234 XYZ`).
    static let platePattern = "[A-Z]{1,2} ?[0-9]{1,4} ?[A-Z]{0,3}"

    static let profile = ModuleProfile(fields: [
        ModuleField("plate", id: "Nomor kendaraan", en: "Vehicle plate", kind: .text(maxLength: 12, pattern: platePattern)),
        ModuleField("test_type", id: "Jenis uji", en: "Test type", kind: .choice([
            ("new", "Uji pertama", "First test"), ("periodic", "Uji berkala", "Periodic test"),
        ])),
        ModuleField("result", id: "Hasil uji", en: "Test result", kind: .choice([
            ("pass", "Lulus", "Passed"), ("fail", "Tidak lulus", "Failed"),
        ])),
        ModuleField("fee_status", id: "Retribusi", en: "Fee", kind: .choice([
            ("unpaid", "Belum dibayar", "Unpaid"), ("paid", "Lunas", "Paid"), ("waived", "Dibebaskan", "Waived"),
        ])),
    ], consistency: { fields in
        fields["result"] != nil && (fields["test_type"] == nil || fields["plate"] == nil)
            ? FieldProblem(field: "result", message: "a test result needs the plate and the test_type",
                           id: "Hasil uji memerlukan nomor kendaraan dan jenis uji.") : nil
    })
}

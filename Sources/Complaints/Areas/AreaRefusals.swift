/// An area named by a filter (staff queues, public reports, feeds) that is not a Kemendagri code.
extension Refusal {
    /// `area` is not a Kemendagri code of a kecamatan (`35.03.01`) or desa/kelurahan (`35.03.01.2001`).
    public static let invalidArea = Refusal(status: 400, code: "invalid_area",
                                            id: "Wilayah harus kode Kemendagri kecamatan (35.03.01) atau kelurahan/desa (35.03.01.2001).",
                                            en: "area must be the Kemendagri code of a kecamatan (35.03.01) or desa/kelurahan (35.03.01.2001).")
}

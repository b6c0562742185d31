/// The refusals of a staff route's path: a case code that does not read, a photo not there or not
/// the account's to see. Same statuses and codes as the domain's `caseNotFound` and `photoNotFound`,
/// with the words the staff routes have always answered.
extension Refusal {
    /// A case's path names no case (its code does not read).
    public static let noSuchCase = Refusal(status: 404, code: "case_not_found", id: "Tidak ada kasus dengan kode itu yang boleh Anda lihat.",
                                           en: "no such case")

    /// A staff page's photo that is not there or not the account's to see.
    public static let noSuchPhoto = Refusal(status: 404, code: "photo_not_found", id: "Foto tidak ditemukan.", en: "no such photo")
}

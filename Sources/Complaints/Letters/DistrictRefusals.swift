/// The refusals of the district admin's organisation (accounts, leave). Statuses and codes are
/// contracts (Schemas/openapi.yaml).
extension Refusal {
    public static let invalidLetterRole = Refusal(
        status: 400, code: "invalid_role",
        id: "Pilih jabatan surat: pelayanan desa, sekretaris desa, kepala desa, pelayanan kecamatan, kasi pelayanan, atau camat.",
        en: "role must be one of village_front_office, village_secretary, village_head, district_front_office, district_service_head, district_head")

    public static let regionOfPosition = Refusal(
        status: 400, code: "invalid_region",
        id: "Jabatan desa terikat pada kode desa/kelurahan, jabatan kecamatan pada kode kecamatan Anda.",
        en: "region must be a desa/kelurahan code of your kecamatan for the village positions, your kecamatan's code for the others")

    public static let leaveNotFound = Refusal(status: 404, code: "leave_not_found", id: "Cuti itu tidak ditemukan di kecamatan Anda.",
                                              en: "no leave of your kecamatan has that id")

    public static let leaveOver = Refusal(status: 409, code: "leave_over", id: "Cuti itu sudah dibatalkan atau sudah berakhir.",
                                          en: "that leave is cancelled or over already")

    public static let officialShape = Refusal(
        status: 400, code: "invalid_request", id: "Kirim {\"login\", \"password\", \"role\", \"region\", \"name\", \"nip\"} sebagai teks.",
        en: "send {\"login\", \"password\", \"role\", \"region\", \"name\", \"nip\"} as text")
}

import Complaints
import HTTP

/// The refusal of a staff page's form that the HTTP library could not read as a form, in the
/// page's words: the library's status and code (415 a shape that is not a form, 413 too large,
/// 400 broken), a message that tells the staff member what to do.
extension Refusal {
    static func unreadableForm(_ error: HTTPError) -> Refusal {
        switch error.status {
        case 415:
            return Refusal(status: 415, code: error.code,
                           id: "Formulir terkirim dalam bentuk yang tidak dikenal. Muat ulang halaman lalu coba lagi.",
                           en: "The form arrived in a shape this page does not read. Reload the page and try again.")
        case 413:
            return Refusal(status: 413, code: error.code,
                           id: "Kiriman terlalu besar. Kirim foto yang lebih kecil atau lebih sedikit lalu coba lagi.",
                           en: "What was sent is too large. Send smaller or fewer photos and try again.")
        default:
            return Refusal(status: error.status, code: error.code, id: "Formulir tidak terbaca. Muat ulang halaman lalu coba lagi.",
                           en: "The form could not be read. Reload the page and try again.")
        }
    }
}

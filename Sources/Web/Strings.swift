import Complaints

/// Every piece of UI text, Indonesian first, English second.
public enum Strings: String, Sendable {
    case appName, formTitle, formIntro, category, chooseCategory, subcategory, noSubcategory, description, descriptionHint
    case location, locationHint, kelurahan, kecamatan, latitude, longitude, coordinatesHint
    case anonymousHintNotified, contactHintSilent
    case privacy, anonymous, anonymousHint, confidential, confidentialHint, contactTitle, contactHint, name, email, phone
    case submit, fixErrors, trackTitle, trackingCode, keepCode, status, dueAt, submittedAt, updatedAt, area
    case timeline, notFoundTitle, notFound, trackLookup, trackButton, hiddenConfidential, submittedTitle, openTracking
    case poleID, poleHint, photos, photosHint, joinedCase, photoAlt
    case afterPhotoAlt, photosAgain, locate, locateWaiting, locateDone, locateFailed
    case feedbackTitle, feedbackHint, feedbackAutoClose, rating, reason, reasonHint, feedbackSubmit, feedbackThanks
    case rating1, rating2, rating3, rating4, rating5
    case feedbackReasonRequired, feedbackLowRatingRequired, feedbackInvalidRating, feedbackNotOpen, feedbackReasonTooLong
    case failureTooManyRequests, failureUnavailable, failureServerError, failureRefused, failureReference
    case photosScaling, handledBy, nextStep, nextVerification, nextFollowUp, nextRating, howTold
    case toldByEmailAndText, toldByEmail, toldByText, toldNowhere, resolutionTitle

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [Strings: (String, String)] = [
        .appName: ("Layanan Pengaduan Masyarakat", "Public Complaint Service"),
        .formTitle: ("Sampaikan pengaduan", "File a complaint"),
        .formIntro: ("Isi formulir di bawah. Anda akan menerima kode pelacakan untuk memantau tindak lanjutnya tanpa perlu masuk akun.",
                     "Fill in the form below. You will get a tracking code to follow your complaint without an account."),
        .category: ("Kategori", "Category"),
        .chooseCategory: ("— pilih kategori —", "— choose a category —"),
        .subcategory: ("Subkategori (jika ada)", "Subcategory (optional)"),
        .noSubcategory: ("— tidak ada —", "— none —"),
        .description: ("Uraian pengaduan", "What happened?"),
        .descriptionHint: ("Wajib diisi, paling banyak 4.000 karakter.", "Required, at most 4,000 characters."),
        .location: ("Lokasi (alamat atau patokan)", "Location (address or landmark)"),
        .locationHint: ("Misalnya: Jl. Merdeka depan SDN 3, tiang PJU nomor 12.", "For example: Jl. Merdeka in front of SDN 3, street light pole 12."),
        .kelurahan: ("Kelurahan/Desa", "Kelurahan/village"),
        .kecamatan: ("Kecamatan", "Sub-district (kecamatan)"),
        .latitude: ("Lintang", "Latitude"),
        .longitude: ("Bujur", "Longitude"),
        .coordinatesHint: ("Tidak wajib. Isi keduanya bila Anda mengetahuinya.", "Optional. Give both if you know them."),
        .privacy: ("Privasi", "Privacy"),
        .anonymous: ("Anonim", "Anonymous"),
        .anonymousHint: ("Petugas tidak akan melihat siapa Anda.", "Staff will not see who you are."),
        .confidential: ("Rahasia", "Confidential"),
        .confidentialHint: ("Publik hanya melihat status pengaduan, bukan isinya.", "The public sees only the status, not what you wrote."),
        .contactTitle: ("Kontak (tidak wajib)", "Contact (optional)"),
        .contactHint: ("Untuk mengabari Anda setiap ada perkembangan. Tidak pernah ditampilkan di halaman publik.",
                       "Used to tell you of every step. Never shown on a public page."),
        .contactHintSilent: ("Tidak pernah ditampilkan di halaman publik. Kabar perkembangan tidak dikirimkan: pantau pengaduan Anda dengan kode pelacakan.",
                             "Never shown on a public page. No updates are sent out: follow your complaint with its tracking code."),
        .anonymousHintNotified: ("Petugas tidak akan melihat siapa Anda maupun kontak Anda. Hub sendiri tetap mengabari Anda lewat kontak yang Anda tinggalkan.",
                                 "Staff will not see who you are or your contact. The hub itself still tells you of every step on the contact you leave."),
        .name: ("Nama", "Name"),
        .email: ("Email", "Email"),
        .phone: ("Nomor telepon", "Phone number"),
        .submit: ("Kirim pengaduan", "Send complaint"),
        .fixErrors: ("Periksa kembali isian yang ditandai.", "Please correct the marked fields."),
        .trackTitle: ("Lacak pengaduan", "Track a complaint"),
        .trackingCode: ("Kode pelacakan", "Tracking code"),
        .keepCode: ("Simpan kode ini (catat atau foto layar). Hanya dengan kode ini Anda dapat memantau pengaduan Anda.",
                    "Keep this code (write it down or take a screenshot). It is the only way to follow your complaint."),
        .status: ("Status", "Status"),
        .dueAt: ("Batas waktu tahap ini", "Deadline of this step"),
        .submittedAt: ("Dikirim", "Submitted"),
        .updatedAt: ("Diperbarui", "Updated"),
        .area: ("Wilayah", "Area"),
        .timeline: ("Riwayat", "Timeline"),
        .notFoundTitle: ("Tidak ditemukan", "Not found"),
        .notFound: ("Tidak ada pengaduan dengan kode tersebut. Periksa kembali kode Anda.", "No complaint has that code. Check the code and try again."),
        .trackLookup: ("Sudah punya kode pelacakan?", "Already have a tracking code?"),
        .trackButton: ("Lacak", "Track"),
        .hiddenConfidential: ("Isi pengaduan ini dirahasiakan.", "The content of this complaint is confidential."),
        .submittedTitle: ("Pengaduan diterima", "Complaint received"),
        .openTracking: ("Buka halaman pelacakan", "Open the tracking page"),
        .poleID: ("Nomor tiang PJU (jika ada)", "Street light pole number (if any)"),
        .poleHint: ("Nomor yang tertulis pada tiang lampu jalan.", "The number written on the street light pole."),
        .photos: ("Foto (tidak wajib)", "Photos (optional)"),
        .photosHint: ("Paling banyak 3 foto JPEG, PNG, atau WebP, masing-masing paling besar 5 MB.",
                      "Up to 3 JPEG, PNG or WebP photos, at most 5 MB each."),
        .joinedCase: ("Laporan Anda digabung dengan laporan lain tentang masalah yang sama. Status laporan tersebut:",
                      "Your report joined another report of the same problem. That report's status:"),
        .photoAlt: ("Foto pengaduan", "Complaint photo"),
        .locate: ("Gunakan lokasi saya", "Use my location"),
        .locateWaiting: ("Mencari lokasi…", "Finding your location…"),
        .locateDone: ("Lokasi terisi. Periksa lintang dan bujur di bawah.", "Location filled in. Check the latitude and longitude below."),
        .locateFailed: ("Lokasi tidak dapat diambil. Isi secara manual atau kosongkan.",
                        "Your location could not be read. Fill it in by hand or leave it empty."),
        .afterPhotoAlt: ("Foto hasil tindak lanjut", "Photo of the work done"),
        .photosAgain: ("Jika tadi Anda melampirkan foto, lampirkan lagi: peramban tidak menyimpan lampiran.",
                       "If you attached photos, attach them again: browsers do not keep attachments."),
        .feedbackTitle: ("Apakah masalah Anda sudah selesai?", "Is your problem solved?"),
        .feedbackHint: ("Beri nilai hasil tindak lanjut. Nilai 1 atau 2 beserta alasannya membuka kembali pengaduan; nilai 3 sampai 5 menutupnya.",
                        "Rate the result. A rating of 1 or 2 with a reason reopens the complaint; 3 to 5 closes it."),
        .feedbackAutoClose: ("Tanpa jawaban, pengaduan ditutup otomatis pada:", "Without an answer, the complaint closes by itself on:"),
        .rating: ("Nilai", "Rating"),
        .rating1: ("1 — tidak selesai sama sekali", "1 — not solved at all"),
        .rating2: ("2 — belum selesai", "2 — not solved yet"),
        .rating3: ("3 — cukup", "3 — acceptable"),
        .rating4: ("4 — baik", "4 — good"),
        .rating5: ("5 — sangat baik", "5 — very good"),
        .reason: ("Alasan", "Reason"),
        .reasonHint: ("Wajib bila nilai 1 atau 2: apa yang belum selesai? Tulisan ini tampil di halaman pelacakan, jadi jangan cantumkan data pribadi.",
                      "Required with a rating of 1 or 2: what is still wrong? It is shown on the tracking page, so leave out personal details."),
        .feedbackSubmit: ("Kirim penilaian", "Send rating"),
        .feedbackThanks: ("Terima kasih, penilaian Anda sudah tercatat.", "Thank you, your rating has been recorded."),
        .feedbackReasonRequired: ("Tuliskan alasan mengapa masalah belum selesai.", "Write why the problem is not solved."),
        .feedbackLowRatingRequired: ("Pengaduan hanya dibuka kembali dengan nilai 1 atau 2.", "A complaint is reopened only with a rating of 1 or 2."),
        .feedbackInvalidRating: ("Pilih nilai dari 1 sampai 5.", "Choose a rating from 1 to 5."),
        .feedbackReasonTooLong: ("Alasan paling banyak 4.000 karakter.", "The reason has at most 4,000 characters."),
        .feedbackNotOpen: ("Pengaduan ini tidak sedang menunggu penilaian Anda.", "This complaint is not waiting for your rating."),
        .failureTooManyRequests: ("Terlalu banyak permintaan dari sambungan Anda. Tunggu sebentar lalu coba lagi.",
                                  "Too many requests from your connection. Please wait a moment and try again."),
        .failureUnavailable: ("Layanan sedang tidak tersedia. Tidak ada data Anda yang hilang; silakan coba lagi sebentar lagi.",
                              "The service is unavailable for a moment. Nothing you sent was lost; please try again shortly."),
        .failureServerError: ("Terjadi kesalahan di pihak kami. Silakan coba lagi sebentar lagi.",
                              "Something went wrong on our side. Please try again shortly."),
        .failureRefused: ("Permintaan ini tidak dapat diproses. Kembali dan periksa isian Anda.",
                          "This request could not be processed. Go back and check what was sent."),
        .failureReference: ("Nomor rujukan untuk petugas layanan:", "Reference for the help desk:"),
        .photosScaling: ("Foto diperkecil agar tidak melebihi 5 MB…", "Making the photos smaller than 5 MB…"),
        .handledBy: ("Instansi yang menangani", "Handled by"),
        .nextStep: ("Langkah berikutnya", "Next step"),
        .nextVerification: ("Instansi memeriksa (memverifikasi) pengaduan Anda paling lambat", "The agency checks (verifies) your complaint by"),
        .nextFollowUp: ("Instansi menindaklanjuti pengaduan Anda paling lambat", "The agency acts on your complaint by"),
        .nextRating: ("Beri penilaian atas hasil tindak lanjut paling lambat", "Rate the result by"),
        .howTold: ("Cara Anda mendapat kabar", "How you will hear"),
        .toldByEmailAndText: ("Bila Anda meninggalkan alamat email atau nomor telepon, kami mengabarkan setiap perubahan ke sana. Halaman ini selalu menunjukkan status terbaru.",
                              "If you left an email address or a phone number, we tell you of every change there. This page always shows the latest status."),
        .toldByEmail: ("Bila Anda meninggalkan alamat email, kami mengabarkan setiap perubahan ke sana. Halaman ini selalu menunjukkan status terbaru.",
                       "If you left an email address, we tell you of every change there. This page always shows the latest status."),
        .toldByText: ("Bila Anda meninggalkan nomor telepon, kami mengabarkan setiap perubahan lewat SMS atau WhatsApp. Halaman ini selalu menunjukkan status terbaru.",
                      "If you left a phone number, we tell you of every change by SMS or WhatsApp. This page always shows the latest status."),
        .toldNowhere: ("Layanan ini belum mengirim kabar lewat email atau SMS. Buka halaman pelacakan ini secara berkala dengan kode Anda untuk melihat perkembangannya.",
                       "This service does not send email or text messages yet. Open this tracking page from time to time with your code to see how it goes."),
        .resolutionTitle: ("Hasil tindak lanjut petugas", "What the officer did"),
    ]
}

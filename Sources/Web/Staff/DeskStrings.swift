import Complaints

/// The walk-in desk's words (its form and the receipt printed for the visitor), Indonesian first.
public enum DeskStrings: String, Sendable {
    case deskTitle, deskIntro, intakeChannel, intakeChannelHint, visitorContactHint, deskSubmit
    case receiptTitle, receiptKeep, receivedAt, followTitle, followOnline, followByPhone, print, nextEntry

    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? (rawValue, rawValue)
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [DeskStrings: (String, String)] = [
        .deskTitle: ("Loket pengaduan", "Walk-in desk"),
        .deskIntro: ("Catat pengaduan pengunjung atas namanya, lalu cetak tanda terima berisi kode pelacakan.",
                     "Enter a visitor's complaint on their behalf, then print the receipt with its tracking code."),
        .intakeChannel: ("Kanal pengaduan", "Came in through"),
        .intakeChannelHint: ("Lewat kanal mana pengaduan ini sampai ke instansi.", "The channel through which the complaint reached the agency."),
        .visitorContactHint: ("Kontak pengunjung, untuk mengabarinya. Diperlakukan seperti kontak warga: tidak pernah tampil di halaman publik, dan tersembunyi dari petugas bila anonim.",
                              "The visitor's contact, to keep them informed. Treated as a citizen's: never on a public page, and hidden from staff when anonymous."),
        .deskSubmit: ("Simpan dan buat tanda terima", "Save and make the receipt"),
        .receiptTitle: ("Tanda terima pengaduan", "Complaint receipt"),
        .receiptKeep: ("Simpan tanda terima ini. Hanya dengan kode ini pengaduan dapat dipantau.",
                       "Keep this receipt. The code is the only way to follow the complaint."),
        .receivedAt: ("Diterima", "Received"),
        .followTitle: ("Cara memantau pengaduan", "How to follow the complaint"),
        .followOnline: ("Lewat internet: buka alamat ini, atau masukkan kode di halaman utama layanan.",
                        "Online: open this address, or enter the code on the service's home page."),
        .followByPhone: ("Lewat telepon atau loket: sebutkan kode ini kepada petugas; petugas menyampaikan status terbaru.",
                         "By phone or at the desk: read the code out to the officer, who tells you the latest status."),
        .print: ("Cetak tanda terima", "Print the receipt"),
        .nextEntry: ("Catat pengaduan berikutnya", "Enter the next complaint"),
    ]
}

import Complaints

/// What the public verification page of a letter shows: no names, only the positions that signed.
public struct LetterVerificationView: Sendable {
    public let number: String
    public let typeName: String
    /// When it was signed, in words.
    public let signedAt: String
    /// Each signature's title lines ("a.n. Kepala Desa Sukamaju", "Sekretaris Desa").
    public let signedBy: [[String]]
    /// The SHA-256 of the PDF, in hex.
    public let digest: String

    public init(number: String, typeName: String, signedAt: String, signedBy: [[String]], digest: String) {
        self.number = number
        self.typeName = typeName
        self.signedAt = signedAt
        self.signedBy = signedBy
        self.digest = digest
    }
}

/// `GET /verify/{number}?c={check}` as a page: whether the letter exists, who signed it (position),
/// when, and the digest of its PDF to compare a printed or forwarded copy with.
public enum LetterVerificationPage {
    public static func render(_ view: LetterVerificationView, path: String, language: Language) -> String {
        let en = language == .en
        let signers = view.signedBy.map { "<li>" + $0.map(HTML.escape).joined(separator: "<br>") + "</li>" }.joined()
        let body = """
        <h1>\(en ? "Letter verified" : "Surat terverifikasi")</h1>
        <p class="notice">\(en ? "This letter was issued by the hub and is genuine." : "Surat ini diterbitkan melalui hub dan asli.")</p>
        <dl>
        <dt>\(en ? "Number" : "Nomor")</dt><dd class="code" id="number">\(HTML.escape(view.number))</dd>
        <dt>\(en ? "Kind of letter" : "Jenis surat")</dt><dd>\(HTML.escape(view.typeName))</dd>
        <dt>\(en ? "Signed" : "Ditandatangani")</dt><dd>\(HTML.escape(view.signedAt))</dd>
        <dt>\(en ? "Signed by" : "Ditandatangani oleh")</dt><dd><ul>\(signers)</ul></dd>
        <dt>\(en ? "SHA-256 digest of the PDF" : "Sidik SHA-256 berkas PDF")</dt><dd><code id="digest">\(HTML.escape(view.digest))</code></dd>
        </dl>
        <p class="hint">\(en ? "Compare this digest with the PDF you hold (sha256sum FILE.pdf); a different digest means a changed file." : "Bandingkan sidik ini dengan berkas PDF yang Anda pegang (sha256sum BERKAS.pdf); sidik yang berbeda berarti berkas telah diubah.")</p>
        """
        return Layout.page(title: en ? "Letter verification" : "Verifikasi surat", language: language, switchPath: path, body: body)
    }

    /// The page for an unknown number or a wrong check value (the same for both).
    public static func notVerified(path: String, language: Language) -> String {
        let refusal = Refusal.letterNotVerified
        let body = "<h1>\(language == .en ? "Letter not verified" : "Surat tidak terverifikasi")</h1>"
            + "<p class=\"error\">\(HTML.escape(refusal.message(language)))</p>"
        return Layout.page(title: language == .en ? "Letter verification" : "Verifikasi surat", language: language, switchPath: path,
                           body: body)
    }
}

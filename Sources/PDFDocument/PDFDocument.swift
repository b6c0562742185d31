import Foundation

/// A PDF file built in memory (ISO 32000-1; written as PDF 1.4, which every reader opens): pages
/// drawn with the standard fonts, lines, rectangles and images, and the document information. The
/// same document always gives the same bytes: nothing varies unless it was given (no clock, no
/// random file identifier), so a digest of the file is stable.
///
///     var document = PDFDocument(info: .init(title: "Surat Keterangan Domisili"))
///     document.addPage { page in
///         page.text("PEMERINTAH KABUPATEN", at: PDFPoint(x: 297.6, y: 60), font: .helveticaBold, size: 14, alignment: .center)
///         page.paragraph(body, x: 72, y: 200, width: 451, font: .timesRoman, size: 12, alignment: .justified)
///     }
///     let pdf: [UInt8] = document.bytes
public struct PDFDocument: Sendable {
    /// The document information dictionary (ISO 32000-1, 14.3.3).
    public struct Info: Sendable, Equatable {
        public var title: String?
        public var author: String?
        public var subject: String?
        public var keywords: String?
        public var creator: String?
        public var producer: String
        /// Written only when given; a clock read here would change the bytes on every run.
        public var creationDate: Date?

        public init(
            title: String? = nil, author: String? = nil, subject: String? = nil, keywords: String? = nil,
            creator: String? = nil, producer: String = "complaint-hub PDFDocument", creationDate: Date? = nil
        ) {
            self.title = title
            self.author = author
            self.subject = subject
            self.keywords = keywords
            self.creator = creator
            self.producer = producer
            self.creationDate = creationDate
        }
    }

    public var info: Info
    public private(set) var pages: [PDFPage] = []

    public init(info: Info = Info()) { self.info = info }

    /// Adds a page of `size` and lets `draw` draw on it.
    public mutating func addPage(size: PageSize = .a4, _ draw: (inout PDFPage) throws -> Void) rethrows {
        var page = PDFPage(size: size)
        try draw(&page)
        pages.append(page)
    }

    /// This document with one more page: `PDFDocument().page { ... }.page { ... }.bytes`.
    public func page(size: PageSize = .a4, _ draw: (inout PDFPage) throws -> Void) rethrows -> PDFDocument {
        var copy = self
        try copy.addPage(size: size, draw)
        return copy
    }

    /// The file.
    public var bytes: [UInt8] { PDFFileWriter(document: self).write() }
}

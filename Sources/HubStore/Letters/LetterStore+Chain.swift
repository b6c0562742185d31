import Complaints
import Foundation
import Postgres

/// What finishing a letter needs besides the chain: the PDF writer behind its seam, where the
/// verification links point, and the key of their check values.
public struct LetterFinishing: Sendable {
    public let document: any LetterDocument
    /// The site's own URL, without a trailing slash (`https://hub.example.id`).
    public let siteURL: String
    /// `HUB_LETTER_KEY`; nil uses the key migration 022 keeps in the database.
    public let key: String?

    public init(document: any LetterDocument, siteURL: String, key: String?) {
        self.document = document
        self.siteURL = siteURL
        self.key = key
    }
}

extension LetterStore {
    /// The check value of a letter number: the first 20 hex digits of pgcrypto's HMAC-SHA-256 of the
    /// number under the letter key, so numbers cannot be guessed into valid links.
    static let checkSQL = """
        left(encode(hmac(convert_to($1::text, 'UTF8'), coalesce(convert_to($2::text, 'UTF8'), (select key from letter_key)),
                         'sha256'), 'hex'), 20)
        """

    /// Applies an action to a letter in the caller's transaction: the row is locked, the chain
    /// decides, and the change is written with its event and audit entry; an action that finishes the
    /// letter takes the next number of the region's sequence and stores the PDF with its digest. A
    /// return voids the signatures given so far: the corrected letter is signed again.
    /// - Parameter address: the client address, for the audit log.
    /// - Throws: `Refusal` (`letterNotFound` for a letter the official may not see, the chain's
    ///   refusals, `letterChanged` when the version moved), or the PDF writer's error.
    public static func perform(_ action: LetterAction, on code: String, by official: Official, address: String?,
                               finishing: LetterFinishing, calendar: WorkingCalendar,
                               on connection: PostgresConnection) throws -> LetterTransition {
        guard let row = try connection.query("""
            select \(letterColumns) from letters l join letter_types t on t.code = l.type_code where l.code = $1 for update of l
            """, [code.uppercased()]).first else { throw Refusal.letterNotFound }
        let letter = try letter(row)
        let now = Date()
        guard try canSee(official, letter) || isStandIn(official, letter, today: calendar.day(of: now), connection) else {
            throw Refusal.letterNotFound
        }
        let desk = try OfficialStore.desk(for: letter, actor: official, today: calendar.day(of: now), on: connection)
        let transition = try LetterChain.apply(action, to: letter, by: official, desk: desk, at: now, calendar: calendar)
        if let signature = transition.signature {
            try connection.query("""
                update letters set signature = coalesce(signature, '[]'::jsonb) || jsonb_build_array(jsonb_build_object(
                    'position', $2::text, 'region', $3::text, 'capacity', $4::text, 'name', $5::text, 'nip', $6::text,
                    'signer_position', $7::text, 'at', $8::timestamptz)), signed_at = $8
                 where id = $1
                """, [letter.id, signature.position.rawValue, signature.region.value, signature.capacity.rawValue, signature.signer.name,
                      signature.signer.nip, signature.signer.position.rawValue, signature.at])
        }
        var number: String?, year: Int?, sequence: Int?, pdf: Data?
        if let region = transition.numberedBy {
            year = FinishedLetter.year(of: now, in: calendar)
            sequence = try connection.query("""
                insert into letter_counters (region_code, year, last_number) values ($1, $2, 1)
                on conflict (region_code, year) do update set last_number = letter_counters.last_number + 1
                returning last_number
                """, [region.value, year!])[0].decode("last_number", as: Int.self)
            let type = try LetterTypeStore.find(letter.typeCode, includingInactive: true, on: connection)
            number = LetterNumber(classification: type?.classification ?? "470", sequence: sequence!, region: region, year: year!).text
            let finished = try finishedLetter(letter.id, number: number!, numberedBy: region, finishing: finishing, now: now,
                                              calendar: calendar, on: connection)
            pdf = Data(try finishing.document.pdf(for: finished))
        }
        let updated = try connection.query("""
            update letters set step = $3, step_since = $4, step_due_at = $11, version = version + 1, note = coalesce($5, note),
                   signature = case when $3 = 'correction' then null else signature end,
                   number = coalesce($6, number), number_region = coalesce($7, number_region), number_year = coalesce($8, number_year),
                   number_seq = coalesce($9, number_seq), pdf = coalesce($10, pdf),
                   pdf_digest = coalesce(encode(digest($10::bytea, 'sha256'), 'hex'), pdf_digest)
             where id = $1 and version = $2
            """, [letter.id, letter.version, transition.letter.step.rawValue, now, transition.event.note, number,
                  transition.numberedBy?.value, year, sequence, pdf, transition.letter.stepDueAt])
        guard updated.affectedRows == 1 else { throw Refusal.letterChanged }
        try recordEvent(transition.event, letterID: letter.id, on: connection)
        try audit(transition.auditAction, letter: transition.letter, by: official, address: address, on: connection)
        return transition
    }

    /// Whether the official stands in today for a holder of the letter's step (and so may act on a
    /// letter beyond their own region, as a designated official may for a camat).
    static func isStandIn(_ official: Official, _ letter: Letter, today: Int, _ connection: PostgresConnection) throws -> Bool {
        guard let position = letter.step.position else { return false }
        let holders = try OfficialStore.holders(position, in: letter.region(of: letter.step), on: connection)
        return try OfficialStore.leaves(of: holders.map(\.accountID), covering: today, on: connection)
            .contains { $0.standInID == official.accountID }
    }

    /// The check value of a number under the key.
    public static func check(of number: String, key: String?, on connection: PostgresConnection) throws -> String {
        try connection.query("select \(checkSQL) as c", [number, key])[0].decode("c")
    }

    /// The finished letter's content for its PDF: the letterhead, the body from the template, the
    /// signatures with their titles, and the verification link.
    static func finishedLetter(_ id: Int64, number: String, numberedBy region: RegionCode, finishing: LetterFinishing, now: Date,
                               calendar: WorkingCalendar, on connection: PostgresConnection) throws -> FinishedLetter {
        guard let row = try connection.query("""
            select \(letterColumns), t.body_template from letters l join letter_types t on t.code = l.type_code where l.id = $1
            """, [id]).first else { throw Refusal.letterNotFound }
        let record = try record(row, on: connection)
        guard let letterhead = try RegionStore.find(region, on: connection) else { throw Refusal.letterNotFound }
        var blocks: [SignatureBlock] = []
        for signature in record.signatures {
            blocks.append(SignatureBlock(titleLines: try titleLines(of: signature, on: connection), name: signature.name,
                                         nip: signature.nip))
        }
        let check = try check(of: number, key: finishing.key, on: connection)
        let body = LetterTemplate.render(try row.decode("body_template"), applicant: record.applicant, fields: record.fields)
        return FinishedLetter(letterhead: letterhead, number: number, typeNameID: record.typeNameID, body: body,
                              applicant: try Applicant(values: record.applicant), signatures: blocks,
                              verificationURL: "\(finishing.siteURL)/verify/\(number)?c=\(check)",
                              placeAndDate: "\(letterhead.name), \(FinishedLetter.dateWords(now, in: calendar))")
    }

    /// A signature's title lines with its region's name: "a.n. Kepala Desa Sukamaju", "Sekretaris Desa".
    static func titleLines(of signature: StoredSignature, on connection: PostgresConnection) throws -> [String] {
        let title = try RegionStore.find(signature.region, on: connection)?.headTitle ?? signature.position.labelID
        return signature.capacity.titleLines(headTitle: title, signer: signature.signerPosition)
    }
}

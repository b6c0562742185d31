/// A letter entry checked whole, for the front office's form: every problem at once, by the form's
/// field name (`applicant.nik`, `fields.sejak`), each the refusal the JSON API answers with, so a
/// refused form lists everything to fix rather than the first thing.
extension LetterType {
    /// The applicant's particulars the front office's form asks for, in page order: the three the
    /// letter needs, then those its body or its number may use.
    public static let applicantKeys = ["nik", "name", "address", "birth_place", "birth_date", "gender", "occupation"]

    /// Every problem of an entry, by form field name; empty when `Applicant(values:)` and
    /// `check(fields:)` both accept it.
    public func problems(applicant: [String: String], fields values: [String: String]) -> [String: Refusal] {
        var problems: [String: Refusal] = [:]
        // Each particular is checked on its own against otherwise good particulars, so that one
        // wrong value does not hide the next.
        let good = ["nik": "0000000000000000", "name": "-", "address": "-"]
        for key in Set(applicant.keys).union(good.keys) {
            var one = good
            one[key] = applicant[key] ?? ""
            do { _ = try Applicant(values: one) } catch { problems["applicant.\(key)"] = error }
        }
        if problems.isEmpty {
            do { _ = try Applicant(values: applicant) } catch { problems["applicant"] = error }
        }
        for field in fields {
            do { _ = try field.check(values[field.key]) } catch { problems["fields.\(field.key)"] = error }
        }
        for key in values.keys.sorted() where !fields.contains(where: { $0.key == key }) {
            problems["fields.\(key)"] = Refusal.unknownLetterField(key)
        }
        return problems
    }
}

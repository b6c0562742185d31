import Complaints
import HTTP
import Web

/// Where the login page sends the browser back to (`next`): a staff page of this site, never
/// anywhere else, so the login form cannot be used to send a signed-in user to another site.
enum ReturnPath {
    /// Where a login without `next` leads.
    static let queue = "/staff/"

    /// Where a login without `next` leads an account: the letter roles to their letters (a district
    /// admin to the positions of their kecamatan), the others to the queue.
    static func home(for role: Role) -> String {
        guard let position = LetterPosition(role: role) else { return queue }
        return position == .districtAdmin ? "/staff/district" : "/staff/letters"
    }

    /// `text` when it is a path under `/staff/`: printable ASCII, no backslash, no `//` (which a
    /// browser would read as another host), no `.` or `..` segment (written with `%2e` too, which a
    /// browser reads as a dot), at most 2,000 characters; else nil.
    static func validated(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/staff/"), text.utf8.count <= 2000,
              text.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }),
              !text.contains("//") else { return nil }
        let path = text.split(separator: "?", maxSplits: 1).first ?? ""
        guard !path.split(separator: "/").contains(where: { segment in
            let dots = segment.lowercased().replacingOccurrences(of: "%2e", with: ".")
            return dots == ".." || dots == "."
        }) else { return nil }
        return text
    }

    /// The page a request asked for, with its query but without `lang` (the login carries the
    /// language itself); nil for the plain queue, where a login leads anyway.
    static func of(_ request: HTTPRequest) -> String? {
        let path = request.path == "/staff" ? queue : request.path
        let items = request.queryItems.filter { $0.name != "lang" }.map { ($0.name, $0.value) }
        let whole = items.isEmpty ? path : path + "?" + FormDecoder.encode(items)
        return whole == queue ? nil : validated(whole)
    }

    /// The login page's address, carrying `next` when there is one.
    static func loginAddress(next: String?) -> String {
        next.map { "/staff/login?" + FormDecoder.encode([("next", $0)]) } ?? "/staff/login"
    }

    /// The login page's address in `language`.
    static func login(next: String?, _ language: Language) -> String {
        StaffFrame.link(loginAddress(next: next), language)
    }
}

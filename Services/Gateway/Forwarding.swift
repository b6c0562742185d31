import Complaints
import HTTP

/// Who answers the staff paths the gateway does not answer itself, by path prefix: the modules
/// declare their own routes and answer 404 and 405 for what they do not serve; the gateway knows only
/// whose prefix a path is under. The first prefix that matches decides.
enum Forwarding {
    /// Where a forwarded request goes.
    enum Owner: Sendable, Equatable {
        /// Always this module.
        case module(ModuleName)
        /// The module that owns the case named by the path's tracking code now (one lookup by the
        /// code); intake for a code no case has, which answers it as it answers a case the account
        /// may not see.
        case caseOwner
    }

    /// How the gateway renders what it fails at itself (a module that did not answer, the database
    /// away during the owner lookup). The module's own answers pass as they are.
    enum Rendering: Sendable, Equatable {
        case json
        /// A page in the reader's language, for the staff pages.
        case page
    }

    /// A path prefix, as segments; `{code}` stands for one segment holding a tracking code.
    struct Prefix: Sendable {
        let segments: [String]
        let owner: Owner
        let rendering: Rendering

        init(_ path: String, _ owner: Owner, _ rendering: Rendering = .json) {
            segments = path.split(separator: "/").map(String.init)
            self.owner = owner
            self.rendering = rendering
        }

        /// The segment standing for `{code}` when `path` is under this prefix; "" for a prefix without one.
        func match(_ path: [String]) -> String? {
            guard path.count >= segments.count else { return nil }
            var code = ""
            for (segment, part) in zip(segments, path) {
                if segment == "{code}" { code = part } else if segment != part { return nil }
            }
            return code
        }
    }

    /// The two trees forwarded: the staff JSON API and the staff pages.
    static let roots = ["/api/v1/staff/*", "/staff/*"]

    /// The prefixes under `roots`, most specific first. Signing in, accounts, the walk-in desk and
    /// everything not named here are intake's; a case's routes are its owner's. A case's photos are
    /// images, not pages: their failures keep the JSON shape.
    static let prefixes: [Prefix] = [
        Prefix("/api/v1/staff/cases/{code}", .caseOwner),
        Prefix("/api/v1/staff/roster", .module(.publicWorks)),
        Prefix("/api/v1/staff/kir", .module(.kir)),
        Prefix("/api/v1/staff", .module(.intake)),
        Prefix("/staff/cases/{code}/photos", .caseOwner),
        Prefix("/staff/cases/{code}", .caseOwner, .page),
        Prefix("/staff", .module(.intake), .page),
    ]

    /// The prefix a path is under and the segment standing for its `{code}`, or nil outside `roots`.
    static func destination(of path: [String]) -> (prefix: Prefix, code: String)? {
        for prefix in prefixes {
            if let code = prefix.match(path) { return (prefix, code) }
        }
        return nil
    }
}

/// The methods of the IANA HTTP Method Registry (https://www.iana.org/assignments/http-methods), the
/// one table of methods the server knows. A known method that a path does not serve is answered
/// 405 with Allow; any other method 501 (RFC 9110 §9.1, §15.6.2).
public enum HTTPMethodRegistry {
    /// Each registered method name (methods are case-sensitive), with where it is defined.
    public static let methods: Set<String> = [
        "ACL",                // RFC 3744
        "BASELINE-CONTROL",   // RFC 3253
        "BIND",               // RFC 5842
        "CHECKIN",            // RFC 3253
        "CHECKOUT",           // RFC 3253
        "CONNECT",            // RFC 9110
        "COPY",               // RFC 4918
        "DELETE",             // RFC 9110
        "GET",                // RFC 9110
        "HEAD",               // RFC 9110
        "LABEL",              // RFC 3253
        "LINK",               // RFC 2068
        "LOCK",               // RFC 4918
        "MERGE",              // RFC 3253
        "MKACTIVITY",         // RFC 3253
        "MKCALENDAR",         // RFC 4791
        "MKCOL",              // RFC 4918
        "MKREDIRECTREF",      // RFC 4437
        "MKWORKSPACE",        // RFC 3253
        "MOVE",               // RFC 4918
        "OPTIONS",            // RFC 9110
        "ORDERPATCH",         // RFC 3648
        "PATCH",              // RFC 5789
        "POST",               // RFC 9110
        "PRI",                // RFC 9113
        "PROPFIND",           // RFC 4918
        "PROPPATCH",          // RFC 4918
        "PUT",                // RFC 9110
        "QUERY",              // draft-ietf-httpbis-safe-method-w-body
        "REBIND",             // RFC 5842
        "REPORT",             // RFC 3253
        "SEARCH",             // RFC 5323
        "TRACE",              // RFC 9110
        "UNBIND",             // RFC 5842
        "UNCHECKOUT",         // RFC 3253
        "UNLINK",             // RFC 2068
        "UNLOCK",             // RFC 4918
        "UPDATE",             // RFC 3253
        "UPDATEREDIRECTREF",  // RFC 4437
        "VERSION-CONTROL",    // RFC 3253
    ]

    /// Whether `method` is registered (exact spelling: `get` is not `GET`).
    public static func contains(_ method: String) -> Bool { methods.contains(method) }
}

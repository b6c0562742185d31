import Complaints

/// The frame every citizen page shares: language, title, a language switch, and plain CSS that
/// works on a cheap phone without scripts.
enum Layout {
    /// Plain CSS every page shares: readable on a cheap phone, no scripts needed.
    static let css = """
    body{font-family:system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
    header{display:flex;justify-content:space-between;align-items:baseline;border-bottom:2px solid #0b5394;margin-bottom:1rem}
    label{display:block;font-weight:600;margin-top:1rem}
    input,select,textarea{width:100%;box-sizing:border-box;font-size:1rem;padding:.5rem}
    input[type=checkbox],input[type=radio]{width:auto}
    fieldset label{font-weight:400}
    .hint{color:#555;font-size:.9rem;margin:.2rem 0}
    .error{color:#a00;font-weight:600}
    .code{font-size:2rem;font-family:monospace;letter-spacing:.1em;background:#eef;padding:.5rem 1rem;display:inline-block}
    button{margin-top:1.5rem;font-size:1.1rem;padding:.6rem 1.5rem;background:#0b5394;color:#fff;border:0}
    .text{white-space:pre-line}
    ol.timeline{padding-left:1.2rem} ol.timeline li{margin-bottom:.6rem}
    .error-summary{border:3px solid #a00;padding:.2rem 1rem;margin:1rem 0} .error-summary a{color:#a00}
    [hidden]{display:none!important}
    .receipt-code{font-size:2.6rem;font-weight:700;border:3px solid #1a1a1a;background:none}
    .url{font-family:monospace;word-break:break-all}
    @media print{header,nav,.no-print,button,script{display:none!important} body{max-width:none;padding:0;font-size:12pt}
    .receipt-code{font-size:32pt} a{color:#000;text-decoration:none}}
    """

    /// Staff pages are wider (queues are tables) and carry their navigation in the header.
    static let staffCSS = """
    body.staff{max-width:72rem}
    table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
    .late{color:#a00;font-weight:700} nav a,nav form{margin-left:1rem} nav form{display:inline} nav button{margin:0;padding:.2rem .8rem;font-size:.9rem}
    .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end} .filters label{margin-top:0} .filters>*{flex:1 1 10rem}
    .action{border:1px solid #ccc;padding:.2rem 1rem 1rem;margin:.8rem 0} .action button{margin-top:.8rem}
    .notice{background:#eef7ee;padding:.5rem 1rem} .internal{color:#555;font-style:italic}
    .find{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem} .find label{flex-basis:100%} .find input{flex:1 1 14rem;width:auto} .find button{margin-top:0}
    #queue td:first-child a{font-family:monospace;font-size:1rem;white-space:nowrap}
    .reference-record{border-top:2px solid #ccc;padding-top:.5rem;margin-top:1.5rem} .letter-fields select{min-width:6.5rem}
    @media print{body.staff{max-width:none}}
    """

    /// - Parameters:
    ///   - nav: links and forms for the header's right side (staff pages), before the language switch.
    ///   - staff: the wider staff layout.
    static func page(title: String, language: Language, switchPath: String, body: String, nav: String = "",
                     staff: Bool = false) -> String {
        let other: Language = language == .id ? .en : .id
        let separator = switchPath.contains("?") ? "&" : "?"
        let switchLink = other == .en ? "\(switchPath)\(separator)lang=en" : switchPath
        return """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · \(HTML.escape(Strings.appName.text(language)))</title>
        <style>
        \(css)\(staff ? "\n" + staffCSS : "")
        </style>
        </head>
        <body\(staff ? " class=\"staff\"" : "")>
        <header><strong>\(HTML.escape(Strings.appName.text(language)))\(staff ? " · " + HTML.escape(StaffStrings.staffArea.text(language)) : "")</strong>
        <nav>\(nav)<a href="\(HTML.escape(switchLink))" lang="\(other.rawValue)">\(other == .en ? "English" : "Bahasa Indonesia")</a></nav></header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }
}

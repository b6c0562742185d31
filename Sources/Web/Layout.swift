import Complaints

/// The frame every citizen page shares: language, title, a language switch, and plain CSS that
/// works on a cheap phone without scripts.
enum Layout {
    static func page(title: String, language: Language, switchPath: String, body: String) -> String {
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
        </style>
        </head>
        <body>
        <header><strong>\(HTML.escape(Strings.appName.text(language)))</strong>
        <a href="\(HTML.escape(switchLink))" lang="\(other.rawValue)">\(other == .en ? "English" : "Bahasa Indonesia")</a></header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }
}

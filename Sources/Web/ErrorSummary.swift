/// The list at the top of a refused form: each problem as a link to its field (`#field`), in the
/// order the fields stand in the form, and the first field to fix marked `autofocus` so the browser
/// moves there without a script (the form script also moves focus when a link is followed).
struct ErrorSummary {
    /// Messages by field name.
    let errors: [String: String]
    /// The form's field names in page order; a field not listed is shown after them, by name.
    let order: [String]

    /// The first field to fix, in page order.
    var first: String? { fields.first }

    private var fields: [String] {
        order.filter { errors[$0] != nil } + errors.keys.filter { !order.contains($0) }.sorted()
    }

    /// ` autofocus` on the first field to fix, nothing elsewhere.
    func autofocus(_ field: String) -> String { field == first ? " autofocus" : "" }

    /// The summary: a heading in the page's words, then one link per field. Empty with no errors.
    func html(heading: String) -> String {
        guard !errors.isEmpty else { return "" }
        var html = "<div id=\"error-summary\" class=\"error-summary\"><p class=\"error\" role=\"alert\">\(HTML.escape(heading))</p><ul>"
        for field in fields {
            html += "<li><a href=\"#\(HTML.escape(Self.anchor(field)))\">\(HTML.escape(errors[field] ?? ""))</a></li>"
        }
        return html + "</ul></div>"
    }

    /// The element id a field's link leads to (a field's id is its name).
    static func anchor(_ field: String) -> String { field }
}

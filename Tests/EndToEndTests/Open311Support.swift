import Foundation
import HTTP
import Postgres
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The formats GeoReport v2 answers in.
enum Open311Format: String, CaseIterable { case json, xml }

/// What the Open311 end-to-end suites share: a reporter whose contact must never appear publicly,
/// form submission, the spec's error shape in both formats, and W3C datetimes for queries.
protocol Open311Testing {}

extension Open311Testing {
    static var reporter: (first: String, last: String, email: String, phone: String) {
        (first: "Siti", last: "Rahmawati", email: "siti.rahma@example.id", phone: "081298765432")
    }

    var formType: String { "application/x-www-form-urlencoded" }

    func submit(_ hub: RunningHub, _ format: Open311Format, _ fields: [(String, String)]) throws -> HTTPResponse {
        try hub.request("POST", "/open311/v2/requests.\(format.rawValue)", headers: [("Content-Type", formType)],
                        body: Array(FormDecoder.encode(fields).utf8))
    }

    /// Checks an Open311 error answer and returns its descriptions.
    @discardableResult
    func expectError(_ response: HTTPResponse, _ status: Int, _ format: Open311Format, _ context: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        #expect(response.status == status, "\(context): \(response.status) \(response.text)", sourceLocation: sourceLocation)
        switch format {
        case .json:
            #expect(response.headers["Content-Type"] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
            let errors = response.open311JSON as? [[String: Any]] ?? []
            #expect(!errors.isEmpty && errors.allSatisfy { $0["code"] as? Int == status && $0["description"] is String },
                    "\(context): \(response.text)", sourceLocation: sourceLocation)
            return errors.compactMap { $0["description"] as? String }
        case .xml:
            #expect(response.headers["Content-Type"] == "text/xml; charset=utf-8", sourceLocation: sourceLocation)
            let tree = try XMLNode.parse(response)
            #expect(tree.name == "errors" && !tree.children.isEmpty, "\(context): \(response.text)", sourceLocation: sourceLocation)
            #expect(tree.children.allSatisfy { $0.name == "error" && $0.child("code")?.text == String(status) },
                    "\(context): \(response.text)", sourceLocation: sourceLocation)
            return tree.children.compactMap { $0.child("description")?.text }
        }
    }

    func w3c(_ date: Date, offset: String = "+07:00") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        formatter.timeZone = offset == "Z" ? TimeZone(identifier: "UTC") : TimeZone(secondsFromGMT: 7 * 3600)
        // Encoded, as a client must: a literal + in a query string means a space.
        return (formatter.string(from: date) + offset).replacingOccurrences(of: "+", with: "%2B")
    }
}

/// A parsed XML element: name, child elements, and its own text.
struct XMLNode {
    var name: String
    var children: [XMLNode] = []
    var text = ""

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Parses a response body, failing the test when it is not well-formed XML.
    static func parse(_ response: HTTPResponse) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(response.body))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw TestSupportError("not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?")): \(response.text)")
        }
        return root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(XMLNode(name: elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            var node = stack.removeLast()
            if !node.children.isEmpty { node.text = "" }
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }
    }
}

extension HTTPResponse {
    /// The body parsed as any JSON value (arrays included), or nil.
    var open311JSON: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
}

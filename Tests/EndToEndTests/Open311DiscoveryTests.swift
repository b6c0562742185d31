import Foundation
import HTTP
import Postgres
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Open311 discovery, services and service definitions through the gateway, in JSON and XML.
@Suite(.serialized)
struct Open311DiscoveryTests: Open311Testing {
    @Test func discoveryAndServicesAnswerInBothFormats() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())

        let discoveryJSON = try hub.get("/open311/v2/discovery.json")
        #expect(discoveryJSON.status == 200)
        #expect(discoveryJSON.headers["Content-Type"] == "application/json; charset=utf-8")
        let discovery = try #require(discoveryJSON.open311JSON as? [String: Any])
        #expect(discovery["changeset"] is String && discovery["contact"] is String && discovery["key_service"] is String)
        let endpoint = try #require((discovery["endpoints"] as? [[String: Any]])?.first)
        #expect(endpoint["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
        let site = "http://localhost:\(hub.ports["gateway"]!)"
        #expect(endpoint["url"] as? String == "\(site)/open311/v2", "the site's URL (HUB_PUBLIC_URL), never the request's Host")
        #expect(endpoint["formats"] as? [String] == ["text/xml", "application/json"])
        let discoveryXML = try hub.get("/open311/v2/discovery.xml")
        #expect(discoveryXML.status == 200)
        #expect(discoveryXML.headers["Content-Type"] == "text/xml; charset=utf-8")
        #expect(discoveryXML.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        let discoveryTree = try XMLNode.parse(discoveryXML)
        #expect(discoveryTree.name == "discovery")
        #expect(discoveryTree.child("endpoints")?.child("endpoint")?.child("url")?.text == "\(site)/open311/v2")
        #expect(discoveryTree.child("endpoints")?.child("endpoint")?.child("formats")?.children.map(\.text)
                == ["text/xml", "application/json"])
        #expect(try hub.get("/open311/discovery.json").status == 200, "discovery is also found above the version")

        let servicesJSON = try hub.get("/open311/v2/services.json")
        #expect(servicesJSON.status == 200)
        let services = try #require(servicesJSON.open311JSON as? [[String: Any]])
        #expect(services.count == 13)
        let publicWorks = try #require(services.first { $0["service_code"] as? String == "pekerjaan-umum" })
        #expect(publicWorks["service_name"] as? String == "Pekerjaan Umum")
        #expect((publicWorks["description"] as? String)?.hasPrefix("Public works") == true)
        #expect(publicWorks["metadata"] as? Bool == true)
        #expect(publicWorks["type"] as? String == "realtime")
        #expect(publicWorks["group"] as? String == "Pekerjaan Umum")
        #expect((publicWorks["keywords"] as? String)?.contains("Penerangan jalan umum (PJU)") == true)
        let health = try #require(services.first { $0["service_code"] as? String == "kesehatan" })
        #expect(health["group"] as? String == "Meja Umum", "the general desk (intake) owns health")
        let servicesXML = try XMLNode.parse(try hub.get("/open311/v2/services.xml"))
        #expect(servicesXML.name == "services")
        #expect(servicesXML.children.count == 13 && servicesXML.children.allSatisfy { $0.name == "service" })
        let xmlPublicWorks = try #require(servicesXML.children.first { $0.child("service_code")?.text == "pekerjaan-umum" })
        #expect(xmlPublicWorks.child("metadata")?.text == "true")
        #expect(xmlPublicWorks.child("group")?.text == "Pekerjaan Umum")

        let definitionJSON = try hub.get("/open311/v2/services/pekerjaan-umum.json")
        #expect(definitionJSON.status == 200)
        let definition = try #require(definitionJSON.open311JSON as? [String: Any])
        #expect(definition["service_code"] as? String == "pekerjaan-umum")
        let attributes = try #require(definition["attributes"] as? [[String: Any]])
        let subcategory = try #require(attributes.first { $0["code"] as? String == "subcategory" })
        #expect(subcategory["datatype"] as? String == "singlevaluelist")
        #expect(subcategory["variable"] as? Bool == true && subcategory["required"] as? Bool == false)
        let values = subcategory["values"] as? [[String: Any]] ?? []
        #expect(values.contains { $0["key"] as? String == "pju" && $0["name"] as? String == "Penerangan jalan umum (PJU)" })
        let pole = try #require(attributes.first { $0["code"] as? String == "pole_id" })
        #expect(pole["datatype"] as? String == "string")
        #expect(attributes.map { $0["order"] as? Int } == Array(1...attributes.count).map { Optional($0) })
        let definitionXML = try XMLNode.parse(try hub.get("/open311/v2/services/pekerjaan-umum.xml"))
        #expect(definitionXML.name == "service_definition")
        let xmlAttributes = definitionXML.child("attributes")?.children ?? []
        #expect(xmlAttributes.map { $0.child("code")?.text } == attributes.map { $0["code"] as? String })
        let xmlValues = xmlAttributes.first { $0.child("code")?.text == "subcategory" }?.child("values")?.children ?? []
        #expect(xmlValues.contains { $0.name == "value" && $0.child("key")?.text == "pju" })
        let healthDefinition = try #require(try hub.get("/open311/v2/services/kesehatan.json").open311JSON as? [String: Any])
        #expect((healthDefinition["attributes"] as? [[String: Any]])?.contains { $0["code"] as? String == "pole_id" } == false,
                "only public works asks for a pole")

        // Errors in the spec's shape, in the format asked for.
        try expectError(try hub.get("/open311/v2/services/tidak-ada.json"), 404, .json)
        try expectError(try hub.get("/open311/v2/services/tidak-ada.xml"), 404, .xml)
        try expectError(try hub.get("/open311/v2/services.yaml"), 404, .xml)
        try expectError(try hub.get("/open311/v2/services"), 404, .xml)
        try expectError(try hub.get("/open311/v2/nothing.json"), 404, .json)
        let wrongMethod = try hub.request("POST", "/open311/v2/services.json", headers: [("Content-Type", formType)])
        try expectError(wrongMethod, 405, .json)
        #expect(wrongMethod.headers["Allow"] == "GET, HEAD")
        let head = try hub.request("HEAD", "/open311/v2/services.xml")
        #expect(head.status == 200 && head.body.isEmpty)
    }
}

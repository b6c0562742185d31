import Complaints
import Foundation
import HTTP
import ServiceKit
import Testing

/// The public view's JSON: the contract's field names, nulls where a value is missing, and nothing of
/// a confidential complaint beyond its status.
struct PublicCaseJSONTests {
    func view(confidential: Bool) -> PublicCase {
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        return PublicCase(trackingCode: "ABCDEFGHJKMNP", category: "pekerjaan-umum", categoryNameID: "Pekerjaan Umum",
                          categoryNameEN: "Public works", status: .inProgress, confidential: confidential,
                          description: "Jembatan retak", location: "Jl. Sudirman", kelurahan: "Sukamaju", kecamatan: nil,
                          dueAt: nil, createdAt: at, updatedAt: at,
                          timeline: [PublicEvent(kind: EventKind(rawValue: "submitted"), at: at, actorRole: ActorRole(rawValue: "citizen"), toStatus: "received", note: nil, noteEN: nil),
                                     PublicEvent(kind: EventKind(rawValue: "note"), at: at, actorRole: ActorRole(rawValue: "staff"), toStatus: nil, note: "Dicek", noteEN: "Checked")],
                          joinedStatus: .dispatched, photos: [PublicPhoto(position: 1, purpose: .resolution, mediaType: "image/png")])
    }

    @Test func aPublicComplaintShowsItsFieldsUnderTheContractsNames() throws {
        let json = view(confidential: false).json(language: .en)
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(Set(members.keys) == ["tracking_code", "category", "category_name", "status", "status_label", "confidential",
                                      "created_at", "updated_at", "timeline", "due_at", "kelurahan", "kecamatan", "photos",
                                      "joined_case", "description", "location"])
        #expect(json["category_name"] == "Public works" && json["status"] == "in_progress")
        #expect(json["due_at"] == .null && json["kecamatan"] == .null && json["kelurahan"] == "Sukamaju")
        let first = try #require(json["timeline"]?.element(0)), second = try #require(json["timeline"]?.element(1))
        #expect(first["at"] == json["created_at"])
        #expect(first == ["kind": "submitted", "at": first["at"] ?? .null, "actor_role": "citizen", "status": "received"])
        #expect(second == ["kind": "note", "at": first["at"] ?? .null, "actor_role": "staff", "note": "Checked"])
        #expect(json["photos"] == [["url": "/api/v1/complaints/ABCDEFGHJKMNP/resolution-photos/1", "purpose": "resolution",
                                    "media_type": "image/png"]])
        #expect(json["joined_case"]?["status"] == "dispatched")
    }

    @Test func aConfidentialComplaintShowsNoDescriptionOrLocation() {
        let json = view(confidential: true).json(language: .id)
        #expect(json["description"] == nil && json["location"] == nil)
        #expect(json["confidential"] == true && json["category_name"] == "Pekerjaan Umum")
    }
}

extension JSONValue {
    func element(_ index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

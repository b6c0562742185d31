import Complaints
import HubStore
import Web

extension LetterSheet {
    /// The staff pages' view of a stored letter, with its type's field labels and its village's name.
    /// - Parameters:
    ///   - type: the letter's type (for the fields' labels and order), nil when it was retired.
    ///   - villageName: the village's name, or nil to show its code.
    init(_ record: LetterRecord, type: LetterType?, villageName: String?, language: Language) {
        var fields: [(label: String, value: String)] = []
        for field in type?.fields ?? [] {
            if let value = record.fields[field.key] { fields.append((language == .en ? field.labelEN : field.labelID, value)) }
        }
        for key in record.fields.keys.sorted() where type?.fields.contains(where: { $0.key == key }) != true {
            fields.append((key, record.fields[key] ?? ""))
        }
        self.init(letter: record.letter, typeName: language == .en ? record.typeNameEN : record.typeNameID,
                  villageName: villageName ?? record.letter.village.value, applicant: record.applicant, fields: fields,
                  fieldValues: record.fields,
                  events: record.events.map { event in
                      Event(action: event.action, to: event.to, position: event.actorPosition, standIn: event.onBehalfOf != nil,
                            note: event.note, at: event.at, dueAt: event.dueAt)
                  },
                  signatures: record.signatures.map { "\($0.capacity == .own ? "" : $0.capacity.rawValue + " ")\($0.position.labelID): \($0.name)" },
                  number: record.number, createdAt: record.createdAt)
    }
}

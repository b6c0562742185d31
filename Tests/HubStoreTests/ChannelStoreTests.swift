import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The intake channels kept in the schema (migration 021) and the record of the one a complaint came through.
struct ChannelStoreTests {
    func fresh() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
    }

    @Test func theDeskOffersJakartasChannelsATelephoneCallAndALetterInTheTablesOrder() throws {
        let offered = try ChannelStore.offered(on: try fresh())
        #expect(offered.count == 16)
        #expect(offered.prefix(5).map(\.code) == ["tatap-muka-balai-kota", "tatap-muka-wali-kota", "tatap-muka-kecamatan",
                                                  "tatap-muka-kelurahan", "tatap-muka-inspektorat"])
        #expect(offered.suffix(2).map(\.code) == ["telepon", "surat"])
        #expect(offered.allSatisfy { !$0.nameID.isEmpty && !$0.nameEN.isEmpty && $0.nameID != $0.code })
    }

    @Test func aRegionEditsItsChannelsAsData() throws {
        let connection = try fresh()
        try connection.query("insert into intake_channels (code, name_id, name_en, position) values ('kentongan', 'Kentongan', 'Slit drum', 0)")
        try connection.query("update intake_channels set active = false where code = 'aplikasi-qlue'")
        let offered = try ChannelStore.offered(on: connection)
        #expect(offered.first?.code == "kentongan" && !offered.contains { $0.code == "aplikasi-qlue" })
    }

    @Test func aComplaintRecordsTheChannelItCameThrough() throws {
        let connection = try fresh()
        let telephone = try #require(try ChannelStore.offered(on: connection).first { $0.code == "telepon" })
        let receipt = try connection.transaction { connection -> ComplaintStore.Receipt in
            let receipt = try ComplaintStore.submit(ComplaintSubmission(category: "kesehatan", description: "Lewat telepon",
                                                                        channel: .desk).validated(on: connection), on: connection)
            try ChannelStore.record(telephone, complaintID: receipt.id, on: connection)
            return receipt
        }
        #expect(try ChannelStore.channel(ofComplaint: receipt.id, on: connection) == telephone)
    }

    @Test func aChannelRetiredAfterItWasChosenIsRefusedAndTheSubmissionStoresNothing() throws {
        let connection = try fresh()
        let letter = try #require(try ChannelStore.offered(on: connection).first { $0.code == "surat" })
        try connection.query("update intake_channels set active = false where code = 'surat'")
        #expect(throws: Refusal.unknownIntakeChannel) {
            try connection.transaction { connection in
                let receipt = try ComplaintStore.submit(ComplaintSubmission(category: "kesehatan", description: "Surat tertulis",
                                                                            channel: .desk).validated(on: connection), on: connection)
                try ChannelStore.record(letter, complaintID: receipt.id, on: connection)
            }
        }
        #expect(try connection.query("select count(*)::text as n from complaints").first?["n"] == "0")
        #expect(try connection.query("select count(*)::text as n from complaint_intake_channels").first?["n"] == "0")
    }

    @Test func theAgencyOfACaseIsPublicAndNamedInBothLanguages() throws {
        let connection = try fresh()
        let code = try connection.transaction { connection in
            try ComplaintStore.submit(ComplaintSubmission(category: "kesehatan", description: "Antrean panjang", channel: .web)
                .validated(on: connection), on: connection).trackingCode.value
        }
        let found = try #require(try PublicCase.load(code, on: connection))
        let outlook = try CaseOutlook.load(found, on: connection)
        let agency = try #require(try connection.query("""
            select a.name_id, a.name_en from complaints c join agencies a on a.code = c.agency_code where c.tracking_code = $1
            """, [code]).first)
        #expect(outlook.agencyNameID == agency["name_id"] && outlook.agencyNameEN == agency["name_en"])
        #expect(outlook.nextStep == .verification && outlook.nextStepDue != nil)
    }
}

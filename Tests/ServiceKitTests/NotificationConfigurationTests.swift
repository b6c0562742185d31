import Complaints
import Foundation
import ServiceKit
import Testing

/// `HUB_SMTP_URL`, `HUB_MAIL_FROM`, `HUB_TEXT_GATEWAY_*`, `HUB_CONTACT_RETENTION_DAYS`.
extension HubConfigurationTests {
    @Test func unsetNothingIsSentAndContactsGoAfterThirtyDays() throws {
        let settings = try HubConfiguration.reading([:]).notifications
        #expect(settings.channels == .none && settings.textChannel == .sms && settings.contactRetentionDays == 30)
    }

    @Test func theRelaysURLNamesHostPortAndOptionalCredentials() throws {
        let settings = try HubConfiguration.reading(["HUB_SMTP_URL": "smtp://hub:rahasia%40x@mail.lan:2525",
                                                     "HUB_MAIL_FROM": "lapor@example.go.id"]).notifications
        #expect(settings.smtp == NotificationConfiguration.SMTPRelay(url: "smtp://hub:rahasia%40x@mail.lan:2525"))
        #expect(settings.smtp?.host == "mail.lan" && settings.smtp?.port == 2525 && settings.smtp?.user == "hub")
        #expect(settings.channels == NoticeChannels(email: true, text: false))
        #expect(try HubConfiguration.reading(["HUB_SMTP_URL": "smtp://mail.lan", "HUB_MAIL_FROM": "a@b.id"]).notifications.smtp?.port == 25)
    }

    @Test func eachHalfWithoutTheOtherStopsTheServiceNamingTheVariable() throws {
        #expect(try #require(problems(["HUB_SMTP_URL": "smtp://mail.lan:25"])).variables == ["HUB_MAIL_FROM"])
        #expect(try #require(problems(["HUB_TEXT_GATEWAY_URL": "https://sms.lan/send"])).variables == ["HUB_TEXT_GATEWAY_SECRET"])
        let bad = try #require(problems(["HUB_SMTP_URL": "http://mail.lan:rahasia@x", "HUB_MAIL_FROM": "a@b.id"]))
        #expect(bad.variables == ["HUB_SMTP_URL"] && !bad.description.contains("rahasia"))
        #expect(try #require(problems(["HUB_TEXT_GATEWAY_CHANNEL": "telegram"])).variables == ["HUB_TEXT_GATEWAY_CHANNEL"])
        #expect(try #require(problems(["HUB_CONTACT_RETENTION_DAYS": "0"])).variables == ["HUB_CONTACT_RETENTION_DAYS"])
    }

    @Test func theHazardWebhookIsAnHTTPAddressWithAnOptionalSecret() throws {
        #expect(try HubConfiguration.reading([:]).notifications.hazardWebhook == nil)
        let set = try HubConfiguration.reading(["HUB_HAZARD_WEBHOOK_URL": "https://112.example.go.id/hazards",
                                                "HUB_HAZARD_WEBHOOK_SECRET": "rahasia"]).notifications
        #expect(set.hazardWebhook?.absoluteString == "https://112.example.go.id/hazards" && set.hazardWebhookSecret == "rahasia")
        let bad = try #require(problems(["HUB_HAZARD_WEBHOOK_URL": "ftp://112.example.go.id/rahasia"]))
        #expect(bad.variables == ["HUB_HAZARD_WEBHOOK_URL"] && !bad.description.contains("rahasia"))
    }
}

import Complaints
import ServiceKit
import Testing

struct ReporterNoticesEnvironmentTests {
    @Test func eachConfiguredSenderIsAWayToTellTheReporter() {
        #expect(ReporterNotices.configured(in: [:]) == .none)
        #expect(ReporterNotices.configured(in: ["HUB_SMTP_URL": "smtp://relay:25"]) == ReporterNotices(email: true, text: false))
        #expect(ReporterNotices.configured(in: ["HUB_TEXT_GATEWAY_URL": "https://sms.example.id/send"])
                == ReporterNotices(email: false, text: true))
        #expect(ReporterNotices.configured(in: ["HUB_SMTP_URL": "smtp://relay:25", "HUB_TEXT_GATEWAY_URL": "https://sms.example.id/send"])
                == ReporterNotices(email: true, text: true))
    }

    @Test func anEmptySettingConfiguresNothing() {
        #expect(ReporterNotices.configured(in: ["HUB_SMTP_URL": "", "HUB_TEXT_GATEWAY_URL": "  "]) == .none)
    }
}

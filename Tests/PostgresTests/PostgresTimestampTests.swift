import Foundation
import Postgres
import Testing

@Suite struct PostgresTimestampTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000000Z"),
        (1_795_413_859.123456, "2026-11-23T06:04:19.123456Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500000Z"),
        (-1.25, "1969-12-31T23:59:58.750000Z"),
        (253_402_300_799.5, "9999-12-31T23:59:59.500000Z"),
    ])
    func formatsToTheMicrosecond(seconds: Double, text: String) {
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func aFormattedDateParsesBackToTheMicrosecond() throws {
        for seconds in stride(from: -86_400.0 * 365, through: 86_400.0 * 365 * 60, by: 86_400.0 * 37 + 3_601.000_123) {
            let date = Date(timeIntervalSince1970: seconds)
            let parsed = try #require(PostgresTimestamp.parse(PostgresTimestamp.format(date)))
            #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.000_001)
        }
    }

    @Test func parsesPostgreSQLsOwnTextWithAnyOffset() {
        let withFraction = PostgresTimestamp.parse("2026-11-23 06:04:19.123456+00")?.timeIntervalSince1970 ?? 0
        #expect(abs(withFraction - 1_795_413_859.123456) < 0.000_001)
        #expect(PostgresTimestamp.parse("2026-11-23 13:04:19+07")?.timeIntervalSince1970 == 1_795_413_859)
        #expect(PostgresTimestamp.parse("2026-11-23 11:34:19+05:30")?.timeIntervalSince1970 == 1_795_413_859)
        #expect(PostgresTimestamp.parse("23/11/2026") == nil)
    }

    @Test func aYearPostgreSQLCannotReadIsNeverParsedAndFormattingItDoesNotCrash() {
        #expect(PostgresTimestamp.parse("0000-01-01 00:00:00+01") == nil)
        #expect(PostgresTimestamp.parse("9999-12-31 23:00:00-14") == nil)
        #expect(PostgresTimestamp.parse("0001-01-01 00:00:00+00") != nil)
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: -62_135_596_800 - 3_600)).hasPrefix("0000-12-31T23:00:00"))
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: -62_135_596_800 - 86_400 * 800)).hasSuffix(".000000Z"), "year -1")
        #expect(PostgresTimestamp.format(Date(timeIntervalSince1970: 253_402_300_800)).hasPrefix("10000-01-01T00:00:00"))
    }
}

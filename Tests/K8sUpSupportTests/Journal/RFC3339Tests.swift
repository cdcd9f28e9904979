import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// Journal and Lease timestamps: RFC 3339 in UTC, milliseconds or microseconds.
@Suite struct RFC3339Tests {
    @Test func formatsMillisecondsAndMicrosecondsInUTC() {
        let date = Date(timeIntervalSince1970: 1_735_787_045.123456)
        #expect(RFC3339.format(date) == "2025-01-02T03:04:05.123Z")
        #expect(RFC3339.microTime(date) == "2025-01-02T03:04:05.123456Z")
        #expect(RFC3339.format(date, fractionDigits: 0) == "2025-01-02T03:04:05Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func neverRoundsUpToTheNextSecond() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_735_787_045.9999)) == "2025-01-02T03:04:05.999Z")
    }

    @Test func parsesWhatItWritesAndWhatKubernetesPrints() throws {
        let date = Date(timeIntervalSince1970: 1_735_787_045.123)
        #expect(RFC3339.parse("2025-01-02T03:04:05.123Z") == date)
        #expect(RFC3339.parse("2025-01-02T03:04:05.123000Z") == date)
        #expect(RFC3339.parse("2025-01-02T03:04:05Z") == Date(timeIntervalSince1970: 1_735_787_045))
        #expect(RFC3339.parse("2025-01-02T05:04:05+02:00") == Date(timeIntervalSince1970: 1_735_787_045))
        #expect(RFC3339.parse("2025-01-01T22:04:05-05:00") == Date(timeIntervalSince1970: 1_735_787_045))
    }

    @Test func rejectsAnythingElse() {
        for text in [
            "", "2025-01-02", "2025-01-02T03:04:05", "2025-13-02T03:04:05Z", "2025-01-02T03:04:05.Z",
            "2025-01-02T03:04:05Zjunk", "yesterday",
        ] {
            #expect(RFC3339.parse(text) == nil, "\(text)")
        }
    }
}

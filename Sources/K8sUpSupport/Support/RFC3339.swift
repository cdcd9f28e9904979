import Foundation
import Glibc

/// RFC 3339 timestamps in UTC, as the journal (milliseconds) and Kubernetes' `MicroTime` (microseconds,
/// `2006-01-02T15:04:05.000000Z`) write them, and a parser for any RFC 3339 time kubectl prints.
package enum RFC3339 {
    /// `2025-01-02T03:04:05.123Z` with `fractionDigits` digits (0 to 6) after the seconds.
    package static func format(_ date: Date, fractionDigits: Int = 3) -> String {
        let digits = min(max(fractionDigits, 0), 6)
        // Whole microseconds since the epoch, so the fraction never rounds up to a full second.
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let (seconds, fraction) = micros.quotientAndRemainderFlooring(dividingBy: 1_000_000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var text =
            pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
            + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
        if digits > 0 {
            var scale: Int64 = 1
            for _ in digits..<6 { scale *= 10 }
            text += "." + pad(Int(fraction / scale), digits)
        }
        return text + "Z"
    }

    /// Kubernetes' `MicroTime`: `2006-01-02T15:04:05.000000Z`.
    package static func microTime(_ date: Date) -> String {
        format(date, fractionDigits: 6)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (also with a lower-case `t`/`z` or a space
    /// for the `T`); nil for anything else.
    package static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            let day = scanner.number(2), scanner.skip(anyOf: "Tt "), let hour = scanner.number(2), scanner.skip(":"),
            let minute = scanner.number(2), scanner.skip(":"), let second = scanner.number(2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var micros: Int64 = 0
        if scanner.skip(".") {
            let fraction = scanner.digits()
            guard !fraction.isEmpty else { return nil }
            for index in 0..<6 { micros = micros * 10 + Int64(index < fraction.count ? fraction[index] : 0) }
        }
        var offsetSeconds = 0
        if !scanner.skip(anyOf: "Zz") {
            guard let sign = scanner.take(anyOf: "+-"), let hours = scanner.number(2), scanner.skip(":"),
                let minutes = scanner.number(2)
            else { return nil }
            offsetSeconds = (hours * 60 + minutes) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard scanner.isAtEnd else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = Int64(timegm(&parts)) - Int64(offsetSeconds)
        // One correctly rounded division, so a parsed time equals the literal it was written from.
        return Date(timeIntervalSince1970: Double(seconds * 1_000_000 + micros) / 1_000_000)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Reads digits and separators from the front of a timestamp.
    private struct DigitScanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { position == bytes.count }

        mutating func number(_ width: Int) -> Int? {
            guard position + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + width] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += width
            return value
        }

        mutating func digits() -> [Int] {
            var result: [Int] = []
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                result.append(Int(bytes[position] - UInt8(ascii: "0")))
                position += 1
            }
            return result
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            skip(anyOf: String(character))
        }

        mutating func skip(anyOf characters: String) -> Bool {
            take(anyOf: characters) != nil
        }

        mutating func take(anyOf characters: String) -> UInt8? {
            guard position < bytes.count, characters.utf8.contains(bytes[position]) else { return nil }
            position += 1
            return bytes[position - 1]
        }
    }
}

extension Int64 {
    /// Division rounding towards minus infinity, with a remainder that is never negative (times before
    /// 1970 still print their fraction correctly).
    fileprivate func quotientAndRemainderFlooring(dividingBy divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

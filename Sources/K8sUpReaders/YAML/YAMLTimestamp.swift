/// A YAML 1.1 timestamp as PyYAML's `construct_yaml_timestamp` reads it (a `date`, or a `datetime` that
/// is naive or has a fixed UTC offset), and the text `ansible-inventory` prints for it: Python's
/// `isoformat()`, e.g. `2001-12-14`, `2001-12-14T21:59:43.100000-05:00`.
struct YAMLTimestamp: Equatable {
    struct Time: Equatable {
        var hour: Int
        var minute: Int
        var second: Int
        /// The first six fraction digits, zero-padded, as PyYAML keeps them.
        var microsecond: Int
        /// Minutes east of UTC; nil for a naive time (no `Z` or offset given).
        var offsetMinutes: Int?
    }

    var year: Int
    var month: Int
    var day: Int
    var time: Time?

    var hasTime: Bool { time != nil }

    /// Matches PyYAML's `timestamp_regexp` (without range checks): `YYYY-M[M]-D[D]` optionally followed by
    /// `[Tt ]H[H]:MM:SS[.fraction][ ][Z|±H[H][:MM]]`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLTimestamp? {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.digits(min: 4, max: 4), cursor.take(UInt8(ascii: "-")),
            let month = cursor.digits(min: 1, max: 2), cursor.take(UInt8(ascii: "-")),
            let day = cursor.digits(min: 1, max: 2)
        else { return nil }
        var timestamp = YAMLTimestamp(year: year, month: month, day: day)
        if cursor.atEnd { return timestamp }
        if !cursor.take(UInt8(ascii: "T")) && !cursor.take(UInt8(ascii: "t")) {
            guard cursor.skipBlanks() > 0 else { return nil }
        }
        guard let hour = cursor.digits(min: 1, max: 2), cursor.take(UInt8(ascii: ":")),
            let minute = cursor.digits(min: 2, max: 2), cursor.take(UInt8(ascii: ":")),
            let second = cursor.digits(min: 2, max: 2)
        else { return nil }
        var time = Time(hour: hour, minute: minute, second: second, microsecond: 0, offsetMinutes: nil)
        if cursor.take(UInt8(ascii: ".")) {
            let fraction = cursor.digitRun()
            let digits = fraction.prefix(6).map { Int($0 - UInt8(ascii: "0")) }
            let padded = digits + Array(repeating: 0, count: 6 - digits.count)
            time.microsecond = padded.reduce(0) { $0 * 10 + $1 }
        }
        if !cursor.atEnd {
            cursor.skipBlanks()
            if cursor.take(UInt8(ascii: "Z")) {
                time.offsetMinutes = 0
            } else {
                let negative = cursor.peek == UInt8(ascii: "-")
                guard cursor.take(UInt8(ascii: "-")) || cursor.take(UInt8(ascii: "+")),
                    let offsetHours = cursor.digits(min: 1, max: 2)
                else { return nil }
                var offsetMinutes = 0
                if cursor.take(UInt8(ascii: ":")) {
                    guard let minutes = cursor.digits(min: 2, max: 2) else { return nil }
                    offsetMinutes = minutes
                }
                let total = offsetHours * 60 + offsetMinutes
                time.offsetMinutes = negative ? -total : total
            }
            guard cursor.atEnd else { return nil }
        }
        timestamp.time = time
        return timestamp
    }

    /// Python's `isoformat()` of the `date`/`datetime`, or the error Python raises constructing it.
    func isoFormat() -> Result<String, YAMLTimestampError> {
        if let problem = validationProblem() { return .failure(YAMLTimestampError(message: problem)) }
        let date = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        guard let time else { return .success(date) }
        var text = date + "T" + Self.pad(time.hour, 2) + ":" + Self.pad(time.minute, 2) + ":" + Self.pad(time.second, 2)
        if time.microsecond != 0 { text += "." + Self.pad(time.microsecond, 6) }
        if let offset = time.offsetMinutes {
            text += (offset < 0 ? "-" : "+") + Self.pad(abs(offset) / 60, 2) + ":" + Self.pad(abs(offset) % 60, 2)
        }
        return .success(text)
    }

    /// Python's checks, in the order PyYAML triggers them (the UTC offset is built before the datetime).
    private func validationProblem() -> String? {
        if let offset = time?.offsetMinutes, abs(offset) >= 24 * 60 {
            return "the UTC offset must be strictly between -24:00 and +24:00"
        }
        if year < 1 { return "year \(year) is out of range" }
        if !(1...12).contains(month) { return "month must be in 1..12" }
        let daysInMonth = [31, Self.isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if !(1...daysInMonth[month - 1]).contains(day) { return "day is out of range for month" }
        guard let time else { return nil }
        if !(0...23).contains(time.hour) { return "hour must be in 0..23" }
        if !(0...59).contains(time.minute) { return "minute must be in 0..59" }
        if !(0...59).contains(time.second) { return "second must be in 0..59" }
        return nil
    }

    private static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A read position in the bytes of a timestamp.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ expected: UInt8) -> Bool {
            guard peek == expected else { return false }
            index += 1
            return true
        }

        @discardableResult
        mutating func skipBlanks() -> Int {
            let start = index
            while peek == UInt8(ascii: " ") || peek == UInt8(ascii: "\t") { index += 1 }
            return index - start
        }

        mutating func digitRun() -> ArraySlice<UInt8> {
            let start = index
            while let next = peek, YAMLImplicitResolver.isDigit(next) { index += 1 }
            return ArraySlice(bytes[start..<index])
        }

        /// Between `min` and `max` digits (greedy), as a number.
        mutating func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, let next = peek, YAMLImplicitResolver.isDigit(next) {
                value = value * 10 + Int(next - UInt8(ascii: "0"))
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }
    }
}

/// Why a timestamp that matches the pattern is not a valid date or time (Python's `ValueError`).
struct YAMLTimestampError: Error {
    var message: String
}

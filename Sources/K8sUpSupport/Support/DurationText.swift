import Foundation

/// Durations as operators write them on the command line and in Kubespray vars: `5m`, `90s`, `1h30m`,
/// `360s`, `500ms`, or plain seconds (`300`).
package enum DurationText {
    /// The duration, or nil when the text is not one.
    package static func parse(_ text: String) -> Duration? {
        let trimmed = Array(text.trimmingCharacters(in: .whitespaces))
        if let seconds = Int(String(trimmed)), seconds >= 0 { return .seconds(seconds) }
        var milliseconds = 0, number = 0, sawDigit = false, sawUnit = false
        var index = 0
        while index < trimmed.count {
            let character = trimmed[index]
            index += 1
            if let digit = character.wholeNumberValue, character.isASCII {
                number = number * 10 + digit
                sawDigit = true
                guard number < 1_000_000 else { return nil }
                continue
            }
            guard sawDigit else { return nil }
            var unit = String(character)
            if character == "m", index < trimmed.count, trimmed[index] == "s" {
                unit = "ms"
                index += 1
            }
            guard let scale = ["h": 3_600_000, "m": 60_000, "s": 1000, "ms": 1][unit] else { return nil }
            milliseconds += number * scale
            number = 0
            sawDigit = false
            sawUnit = true
        }
        guard sawUnit, !sawDigit else { return nil }
        return .milliseconds(milliseconds)
    }
}

import Foundation

/// Durations as operators write them on the command line and in Kubespray vars: `5m`, `90s`, `1h30m`,
/// `360s`, or plain seconds (`300`).
enum DurationText {
    /// The duration, or nil when the text is not one.
    static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
        var total = 0, number = 0, sawDigit = false, sawUnit = false
        for character in trimmed {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = number * 10 + digit
                sawDigit = true
                guard number < 1_000_000 else { return nil }
                continue
            }
            guard sawDigit, let unit = ["h": 3600, "m": 60, "s": 1][String(character)] else { return nil }
            total += number * unit
            number = 0
            sawDigit = false
            sawUnit = true
        }
        guard sawUnit, !sawDigit else { return nil }
        return .seconds(total)
    }
}

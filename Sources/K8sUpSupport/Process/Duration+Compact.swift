extension Duration {
    /// `30s`, `2m`, `1m30s`, `1.5s`, `250ms`: how a timeout reads in a message.
    package var compactDescription: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds % 1000 != 0 {
            let tenths = (milliseconds + 50) / 100
            return "\(tenths / 10).\(tenths % 10)s"
        }
        let seconds = milliseconds / 1000
        guard seconds >= 60 else { return "\(seconds)s" }
        let (minutes, rest) = seconds.quotientAndRemainder(dividingBy: 60)
        return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
    }

    /// The duration in seconds, as `Date` arithmetic takes it.
    package var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

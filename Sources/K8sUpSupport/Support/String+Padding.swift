/// Small text helpers for aligned, plain-text output.
extension String {
    /// The string without one trailing `suffix`, if it has it.
    package func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }

    /// Pads with spaces to `width` characters (no truncation).
    package func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

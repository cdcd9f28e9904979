/// Python's idea of whitespace (`str.isspace`, `str.strip()`, `\s` in a `str` regex), which host patterns
/// use to trim and split: Unicode White_Space plus the four ASCII separators U+001C to U+001F.
enum PythonWhitespace {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// `text.strip()`.
    static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !contains($0) }),
            let last = scalars.lastIndex(where: { !contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}

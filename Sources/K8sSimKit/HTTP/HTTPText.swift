/// Whitespace handling for header lines and chunk sizes (spaces and tabs, as HTTP allows).
extension StringProtocol {
    var trimmingHTTPSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

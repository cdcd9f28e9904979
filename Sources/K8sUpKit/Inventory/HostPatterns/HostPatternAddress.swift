import Foundation

/// The one question `split_host_pattern` asks of Ansible's `parse_address(pattern, allow_ranges=True)`:
/// does a comma-free pattern read as a single host address (`fe80::1`, `node[1:3]`, `cp1:22`)? If so it
/// stays one pattern; otherwise it is split at colons.
///
/// This is a transcription of the regular expressions in ansible-core 2.19's
/// `parsing/utils/addresses.py`, kept private to host patterns because it only answers yes or no (no port,
/// no range expansion). The inventory readers have their own full address parser.
enum HostPatternAddress {
    /// True when Ansible's `parse_address(text, allow_ranges=True)` returns instead of raising.
    static func parses(_ text: String) -> Bool {
        var address = text
        // As in Ansible, both port forms are tried in turn, the second on what the first left.
        for pattern in [bracketedHostPort, hostPort] {
            if let host = pattern.flatMap({ firstGroup(of: $0, in: address) }) { address = host }
        }
        return [ipv4, ipv6, hostname].contains { pattern in
            pattern.map { matchesWhole($0, address) } ?? false
        }
    }

    // MARK: - Ansible's expressions

    private static let numericRange = #"\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\]"#
    private static let hexadecimalRange = #"\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\]"#
    private static let alphanumericRange = #"\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]"#
    private static let ipv6Component = "(?:[0-9a-f]{1,4}|\(hexadecimalRange))"
    private static let ipv4Component = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|\(numericRange))"
    private static let label = #"(?:[\w]|\#(alphanumericRange))(?:[\w_-]|\#(alphanumericRange))*(?<![_-])"#

    private static let bracketedHostPort = compile(#"^\[(.+)\]:([0-9]+)$"#, caseInsensitive: false)
    private static let hostPort = compile(#"^((?:[^:\[\]]|\[[^\]]*\])*):([0-9]+)$"#, caseInsensitive: false)
    private static let ipv4 = compile(#"^(?:\#(ipv4Component)\.){3}\#(ipv4Component)$"#, caseInsensitive: true)
    private static let hostname = compile(#"^\#(label)(?:\.\#(label))*$"#, caseInsensitive: true)
    private static let ipv6: NSRegularExpression? = {
        let c = ipv6Component
        let forms = [
            "(?:\(c):){7}\(c)", "(?:\(c):){1,6}:", "(?:\(c):)(?::\(c)){1,6}", "(?:\(c):){2}(?::\(c)){1,5}",
            "(?:\(c):){3}(?::\(c)){1,4}", "(?:\(c):){4}(?::\(c)){1,3}", "(?:\(c):){5}(?::\(c)){1,2}",
            "(?:\(c):){6}(?::\(c))", ":(?::\(c)){1,6}", "\(c)?::",
            #"(?:0:){6}(?:\#(c)\.){3}\#(c)"#, #"::(?:ffff:)?(?:\#(c)\.){3}\#(c)"#,
            #"(?:0:){5}ffff:(?:\#(c)\.){3}\#(c)"#,
        ]
        return compile("^(" + forms.joined(separator: "|") + ")$", caseInsensitive: true)
    }()

    private static func compile(_ pattern: String, caseInsensitive: Bool) -> NSRegularExpression? {
        // The expressions are constants; if ICU ever rejected one, nothing would parse as an address and
        // colon-splitting (Ansible's fallback) would apply.
        try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    private static func matchesWhole(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func firstGroup(of pattern: NSRegularExpression, in text: String) -> String? {
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

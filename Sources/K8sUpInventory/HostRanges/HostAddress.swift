import PythonParity

/// A host identifier with an optional port, read exactly as Ansible's `parse_address`
/// (`ansible/parsing/utils/addresses.py`) reads it.
///
/// The host may be a host name, an IPv4 address or an IPv6 address, and with `allowRanges` each may contain
/// `[x:y]` / `[x:y:step]` ranges (`node[01:20]`, `10.0.0.[1:9]`, `db-[a:f]`). A port is a `:NN` suffix on a
/// host name or IPv4 address, or on any bracketed identifier (`[::1]:22`, the only way to give an IPv6
/// address a port).
struct HostAddress: Equatable, Sendable {
    /// The host part, still containing any ranges.
    var host: String
    var port: Int?

    /// `parse_address(address, allow_ranges)`.
    static func parse(_ address: String, allowRanges: Bool) throws(HostRangeError) -> HostAddress {
        var text = Array(address.unicodeScalars)
        var port: Int?
        // Ansible applies both port patterns in turn, so `[a:5]:22` ends up as host `a` with port 5.
        if let match = matchBracketedHostPort(text) {
            text = match.host
            port = try portNumber(match.port, in: address)
        }
        if let match = matchHostPort(text) {
            text = match.host
            port = try portNumber(match.port, in: address)
        }
        let body = endAnchored(text)
        guard isIPv4(body) || isIPv6(body) || isHostname(body) else {
            throw .notAnAddress(address)
        }
        let host = String(String.UnicodeScalarView(text))
        if !allowRanges && text.contains("[") { throw .rangeNotAllowed(host) }
        return HostAddress(host: host, port: port)
    }

    /// The text a pattern ending in `$` must match: Python's `$` also matches just before a final newline.
    static func endAnchored(_ text: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        text.last == "\n" ? text.dropLast() : text[...]
    }

    /// `^\[(.+)\]:([0-9]+)$`: the greedy `.+` ends at the last `]:` followed only by digits.
    private static func matchBracketedHostPort(
        _ text: [Unicode.Scalar]
    ) -> (host: [Unicode.Scalar], port: ArraySlice<Unicode.Scalar>)? {
        let body = endAnchored(text)
        guard body.first == "[", let colon = trailingPortColon(body), colon >= 3, body[colon - 1] == "]" else {
            return nil
        }
        let host = body[1..<(colon - 1)]
        guard !host.contains("\n") else { return nil }  // `.` does not match a newline
        return (Array(host), body[(colon + 1)...])
    }

    /// `^((?:[^:\[\]]|\[[^\]]*\])*):([0-9]+)$`: plain characters and whole `[...]` groups, then `:port`.
    private static func matchHostPort(
        _ whole: [Unicode.Scalar]
    ) -> (host: [Unicode.Scalar], port: ArraySlice<Unicode.Scalar>)? {
        let text = endAnchored(whole)
        var index = text.startIndex
        // Both alternatives are disjoint, so the greedy scan is the only way the pattern can match.
        scanning: while index < text.endIndex {
            switch text[index] {
            case ":", "]":
                break scanning
            case "[":
                guard let close = text[(index + 1)...].firstIndex(of: "]") else { break scanning }
                index = close + 1
            default:
                index += 1
            }
        }
        guard index < text.endIndex, text[index] == ":", trailingPortColon(text) == index else { return nil }
        return (Array(text[..<index]), text[(index + 1)...])
    }

    /// The position of a `:` that is followed by one or more ASCII digits up to the end.
    private static func trailingPortColon(_ text: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = text.endIndex
        while index > text.startIndex, ("0"..."9").contains(text[index - 1]) { index -= 1 }
        guard index < text.endIndex, index > text.startIndex, text[index - 1] == ":" else { return nil }
        return index - 1
    }

    private static func portNumber(
        _ digits: ArraySlice<Unicode.Scalar>, in address: String
    ) throws(HostRangeError) -> Int {
        guard let port = try? PythonInteger.parseInt(digits) else {
            throw .portOutOfRange(pattern: address, port: String(String.UnicodeScalarView(digits)))
        }
        return port
    }
}

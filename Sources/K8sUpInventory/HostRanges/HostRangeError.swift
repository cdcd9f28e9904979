/// Why a host pattern such as `node[01:20]:2222` could not be read or expanded.
///
/// The inventory readers turn these into `InventoryError.invalid` at the place where the pattern was
/// written; `description` is the part of the message after the location.
enum HostRangeError: Error, Equatable, CustomStringConvertible {
    /// `parse_address` found neither an IPv4 nor an IPv6 address nor a host name.
    case notAnAddress(String)
    /// `parse_address(allow_ranges=False)` met a `[x:y]` range.
    case rangeNotAllowed(String)
    /// The `[...]` part is malformed; `problem` says how.
    case badRange(pattern: String, problem: String)
    /// A range such as `[5:1]` selects no host at all (Ansible silently defines zero hosts).
    case emptyRange(pattern: String, range: String)
    /// The pattern names more hosts than any real inventory has, which is surely a typo.
    case tooManyHosts(pattern: String, limit: Int)
    /// The expansion would build unreasonably many characters (huge names times many hosts or ranges).
    case tooLarge(pattern: String)
    /// A `:port` suffix that does not fit in an integer.
    case portOutOfRange(pattern: String, port: String)

    var description: String {
        switch self {
        case .notAnAddress(let text):
            return "'\(text)' is not a valid host name, IPv4 address or IPv6 address"
        case .rangeNotAllowed(let text):
            return "host '\(text)' contains a [x:y] range, which is not allowed here"
        case .badRange(let pattern, let problem):
            return "host pattern '\(pattern)': \(problem)"
        case .emptyRange(let pattern, let range):
            return "host pattern '\(pattern)': the range [\(range)] selects no hosts "
                + "(write [begin:end] with begin <= end)"
        case .tooManyHosts(let pattern, let limit):
            return "host pattern '\(pattern)' expands to more than \(limit) hosts"
        case .tooLarge(let pattern):
            return "host pattern '\(pattern)' is too large to expand"
        case .portOutOfRange(let pattern, let port):
            return "host pattern '\(pattern)': port \(port) is out of range"
        }
    }
}

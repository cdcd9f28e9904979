import K8sUpSupport

/// A host name as inventories write it, expanded into the hosts it stands for: Ansible's ranges
/// (`worker-[1:8]`, `node[01:04]` keeping the zero padding, letters `cp-[a:c]`, a step `[1:9:2]`, several
/// ranges in one name) and an SSH port after the name (`node1:2222`, which becomes `ansible_port`).
enum SimHostPattern {
    /// One host of a pattern.
    struct Expanded: Equatable {
        let name: String
        let port: Int?
    }

    static func expand(_ pattern: String, at location: SourceLocation) throws(SimInventoryError) -> [Expanded] {
        var name = pattern
        var port: Int?
        // `name:port`, but never an IPv6 address (more than one colon) or a colon inside a range.
        if let colon = name.lastIndex(of: ":"), name.firstIndex(of: ":") == colon, !name.contains("[") {
            let digits = name[name.index(after: colon)...]
            guard let number = Int(digits), !digits.isEmpty, digits.allSatisfy(\.isNumber) else {
                throw .invalid(location, "'\(pattern)': the part after ':' must be an SSH port number")
            }
            port = number
            name = String(name[..<colon])
        } else if let close = name.lastIndex(of: "]"), name[close...].dropFirst().first == ":" {
            let digits = name[name.index(close, offsetBy: 2)...]
            guard let number = Int(digits), digits.allSatisfy(\.isNumber) else {
                throw .invalid(location, "'\(pattern)': the part after ':' must be an SSH port number")
            }
            port = number
            name = String(name[...close])
        }
        guard !name.isEmpty else { throw .invalid(location, "a host line without a host name") }
        return try expandRanges(name, pattern: pattern, at: location).map { Expanded(name: $0, port: port) }
    }

    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// Expands the first `[begin:end(:step)]` of `name`, then the rest of each result.
    private static func expandRanges(_ name: String, pattern: String, at location: SourceLocation)
        throws(SimInventoryError) -> [String]
    {
        guard let open = name.firstIndex(of: "[") else { return [name] }
        guard let close = name[open...].firstIndex(of: "]") else {
            throw .invalid(location, "'\(pattern)': a host range '[' without its closing ']'")
        }
        let head = name[..<open]
        let tail = name[name.index(after: close)...]
        let bounds = name[name.index(after: open)..<close].split(separator: ":", omittingEmptySubsequences: false)
            .map(String.init)
        guard bounds.count == 2 || bounds.count == 3 else {
            throw .invalid(location, "'\(pattern)': a host range is [begin:end] or [begin:end:step]")
        }
        let begin = bounds[0].isEmpty ? "0" : bounds[0]
        let end = bounds[1]
        guard !end.isEmpty else { throw .invalid(location, "'\(pattern)': the host range has no end") }
        var step = 1
        if bounds.count == 3 {
            guard let parsed = Int(bounds[2]), parsed > 0 else {
                throw .invalid(location, "'\(pattern)': the host range's step must be a whole number above 0")
            }
            step = parsed
        }
        let items: [String]
        if let first = Int(begin), let last = Int(end) {
            let width = begin.count > 1 && begin.hasPrefix("0") ? begin.count : 0
            if width > 0, end.count != width {
                throw .invalid(
                    location, "'\(pattern)': a zero-padded host range needs begin and end of the same width")
            }
            guard first <= last else {
                throw .invalid(location, "'\(pattern)': the host range's begin is after its end")
            }
            items = stride(from: first, through: last, by: step).map { number in
                let digits = String(number)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        } else if begin.count == 1, end.count == 1, let first = letters.firstIndex(of: Character(begin)),
            let last = letters.firstIndex(of: Character(end))
        {
            guard first <= last else {
                throw .invalid(location, "'\(pattern)': the host range's begin is after its end")
            }
            items = stride(from: first, through: last, by: step).map { String(letters[$0]) }
        } else {
            throw .invalid(
                location, "'\(pattern)': a host range runs from number to number or from letter to letter")
        }
        var result: [String] = []
        for item in items {
            result += try expandRanges(head + item + tail, pattern: pattern, at: location)
        }
        return result
    }
}

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

    /// More hosts than k8sim would ever simulate in one process: a pattern that stands for more is refused
    /// before it is expanded.
    static let maximumHosts = 10_000

    /// Every combination of the ranges of `name`, left to right, as Ansible expands them one at a time.
    private static func expandRanges(_ name: String, pattern: String, at location: SourceLocation)
        throws(SimInventoryError) -> [String]
    {
        var pieces: [[String]] = []
        var total = 1
        var rest = Substring(name)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else {
                throw .invalid(location, "'\(pattern)': a host range '[' without its closing ']'")
            }
            pieces.append([String(rest[..<open])])
            let items = try range(String(rest[rest.index(after: open)..<close]), pattern: pattern, at: location) {
                count throws(SimInventoryError) in
                let (product, overflow) = total.multipliedReportingOverflow(by: count)
                guard !overflow, product <= maximumHosts else {
                    throw .invalid(
                        location, "'\(pattern)' stands for more than \(maximumHosts) hosts, more than k8sim simulates")
                }
                total = product
            }
            pieces.append(items)
            rest = rest[rest.index(after: close)...]
        }
        pieces.append([String(rest)])
        return pieces.reduce([""]) { names, piece in names.flatMap { name in piece.map { name + $0 } } }
    }

    /// The items of one range `begin:end(:step)`; `admit` sees their number before they are made.
    private static func range(
        _ bounds: String, pattern: String, at location: SourceLocation,
        admit: (Int) throws(SimInventoryError) -> Void
    ) throws(SimInventoryError) -> [String] {
        let parts = bounds.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3 else {
            throw .invalid(location, "'\(pattern)': a host range is [begin:end] or [begin:end:step]")
        }
        let begin = parts[0].isEmpty ? "0" : parts[0]
        let end = parts[1]
        guard !end.isEmpty else { throw .invalid(location, "'\(pattern)': the host range has no end") }
        var step = 1
        if parts.count == 3 {
            guard let parsed = Int(parts[2]), parsed > 0 else {
                throw .invalid(location, "'\(pattern)': the host range's step must be a whole number above 0")
            }
            step = parsed
        }
        let first: Int
        let last: Int
        let width: Int
        let isNumeric = Int(begin) != nil && Int(end) != nil
        if isNumeric, let low = Int(begin), let high = Int(end) {
            (first, last) = (low, high)
            width = begin.count > 1 && begin.hasPrefix("0") ? begin.count : 0
            if width > 0, end.count != width {
                throw .invalid(
                    location, "'\(pattern)': a zero-padded host range needs begin and end of the same width")
            }
        } else if begin.count == 1, end.count == 1, let low = letters.firstIndex(of: Character(begin)),
            let high = letters.firstIndex(of: Character(end))
        {
            (first, last, width) = (low, high, 0)
        } else {
            throw .invalid(
                location, "'\(pattern)': a host range runs from number to number or from letter to letter")
        }
        guard first <= last else { throw .invalid(location, "'\(pattern)': the host range's begin is after its end") }
        let (span, overflow) = last.subtractingReportingOverflow(first)
        let (count, tooMany) = (span / step).addingReportingOverflow(1)
        try admit(overflow || tooMany ? Int.max : count)
        return stride(from: first, through: last, by: step).map { index in
            guard isNumeric else { return String(letters[index]) }
            let digits = String(index)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }
}

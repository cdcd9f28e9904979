import PythonParity

/// The `ipv4`, `ipv6` and `hostname` patterns of Ansible's `addresses.py`, written out by hand.
///
/// Every component of those regexes is delimited by `.` or `:` (ranges are bracketed and contain neither
/// `.` nor `]`), so each pattern reduces to splitting at the delimiters and checking the pieces; no
/// backtracking is needed. All three are case-insensitive (`re.I`).
extension HostAddress {
    /// `(?:{i4}\.){3}{i4}` where i4 is 0..255 in decimal or a `[x:y(:z)]` numeric range.
    package static func isIPv4(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy(isIPv4Component)
    }

    private static func isIPv4Component(_ part: ArraySlice<Unicode.Scalar>) -> Bool {
        if part.first == "[" { return isRange(part, bounds: isDecimalDigit) }
        guard (1...3).contains(part.count), part.allSatisfy(isDecimalDigit) else { return false }
        if part.count < 3 { return true }
        // [01]?[0-9]{1,2} | 2[0-4][0-9] | 25[0-5]: exactly the three-digit strings up to 255.
        let value = part.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        return value <= 255
    }

    /// The `ipv6` pattern: eight groups, the `::` forms with at most seven groups, and the three
    /// IPv4-in-IPv6 forms (whose dotted part uses hexadecimal components too).
    package static func isIPv6(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let pieces = ipv6Pieces(text) else { return false }
        if pieces.contains(where: { $0 == .dot }) { return isEmbeddedIPv4Form(pieces) }
        let doubleColons = (0..<max(pieces.count - 1, 0)).filter { pieces[$0] == .colon && pieces[$0 + 1] == .colon }
        if doubleColons.isEmpty {
            return groupCount(pieces[...]) == 8
        }
        guard doubleColons.count == 1, let split = doubleColons.first else { return false }
        guard let before = groupCount(pieces[..<split]), let after = groupCount(pieces[(split + 2)...]) else {
            return false
        }
        return before <= 6 && after <= 6 && before + after <= 7
    }

    /// One unit of an IPv6 address: a group (1–4 hex digits or a hex range), `:` or `.`.
    private enum IPv6Piece: Equatable {
        case group(String)
        case colon
        case dot
    }

    private static func ipv6Pieces(_ text: ArraySlice<Unicode.Scalar>) -> [IPv6Piece]? {
        var pieces: [IPv6Piece] = []
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == ":" || scalar == "." {
                pieces.append(scalar == ":" ? .colon : .dot)
                index += 1
                continue
            }
            if case .group = pieces.last { return nil }  // two groups with no separator between them
            var end = index
            if scalar == "[" {
                guard let close = text[index...].firstIndex(of: "]") else { return nil }
                end = close + 1
                guard isRange(text[index..<end], bounds: isHexDigit, step: isDecimalDigit) else { return nil }
            } else {
                while end < text.endIndex, isHexDigit(text[end]) { end += 1 }
                guard (1...4).contains(end - index) else { return nil }
            }
            pieces.append(.group(String(String.UnicodeScalarView(text[index..<end])).lowercased()))
            index = end
        }
        return pieces
    }

    /// The number of groups in `g(:g)*`, 0 for an empty sequence, nil for anything else.
    private static func groupCount(_ pieces: ArraySlice<IPv6Piece>) -> Int? {
        if pieces.isEmpty { return 0 }
        var expectGroup = true
        var count = 0
        for piece in pieces {
            switch (piece, expectGroup) {
            case (.group, true): count += 1
            case (.colon, false): break
            default: return nil
            }
            expectGroup.toggle()
        }
        return expectGroup ? nil : count
    }

    /// `(?:0:){6}D`, `::(?:ffff:)?D` and `(?:0:){5}ffff:D`, where D is `(?:g\.){3}g`.
    private static func isEmbeddedIPv4Form(_ pieces: [IPv6Piece]) -> Bool {
        guard pieces.count >= 7 else { return false }
        let dotted = pieces.suffix(7)
        for (offset, piece) in dotted.enumerated() {
            let isGroup: Bool
            if case .group = piece { isGroup = true } else { isGroup = false }
            if offset.isMultiple(of: 2) ? !isGroup : piece != .dot { return false }
        }
        let prefix = Array(pieces.dropLast(7))
        let zeroColon: [IPv6Piece] = [.group("0"), .colon]
        let ffffColon: [IPv6Piece] = [.group("ffff"), .colon]
        let forms: [[IPv6Piece]] = [
            Array([[IPv6Piece]](repeating: zeroColon, count: 6).joined()),
            [.colon, .colon],
            [.colon, .colon] + ffffColon,
            Array([[IPv6Piece]](repeating: zeroColon, count: 5).joined()) + ffffColon,
        ]
        return forms.contains(prefix)
    }

    /// The `hostname` pattern: dot-separated labels of `\w`, `-` and `_` and alphanumeric ranges, each
    /// starting with a word character or range and not ending in `-` or `_`.
    package static func isHostname(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isLabel)
    }

    private static func isLabel(_ label: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = label.first, first != "-", let last = label.last, last != "-", last != "_" else {
            return false
        }
        var index = label.startIndex
        while index < label.endIndex {
            let scalar = label[index]
            if scalar == "[" {
                guard let close = label[index...].firstIndex(of: "]"), isAlphanumericRange(label[index...close])
                else { return false }
                index = close + 1
            } else if scalar == "-" || PythonCharacters.isWordCharacter(scalar) {
                index += 1
            } else {
                return false
            }
        }
        return true
    }

    /// `\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]`, case-insensitive.
    private static func isAlphanumericRange(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let inner = text.dropFirst().dropLast()
        let parts = inner.split(separator: ":", omittingEmptySubsequences: false)
        guard text.last == "]", parts.count == 2 || parts.count == 3 else { return false }
        if parts.count == 3, !isDigits(parts[2]) { return false }
        let isLetterRange =
            parts[0].count == 1 && parts[1].count == 1 && isASCIILetter(parts[0][parts[0].startIndex])
            && isASCIILetter(parts[1][parts[1].startIndex])
        return isLetterRange || (isDigits(parts[0]) && isDigits(parts[1]))
    }

    /// `\[(?:B+:B+)(?::S+)?\]` for bound characters B and step characters S.
    private static func isRange(
        _ text: ArraySlice<Unicode.Scalar>, bounds: (Unicode.Scalar) -> Bool,
        step: (Unicode.Scalar) -> Bool = isDecimalDigit
    ) -> Bool {
        guard text.first == "[", text.last == "]", text.count >= 2 else { return false }
        let parts = text.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        let boundsOK = parts.prefix(2).allSatisfy { !$0.isEmpty && $0.allSatisfy(bounds) }
        return boundsOK && (parts.count == 2 || (!parts[2].isEmpty && parts[2].allSatisfy(step)))
    }

    private static func isDigits(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        !text.isEmpty && text.allSatisfy(isDecimalDigit)
    }

    private static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}

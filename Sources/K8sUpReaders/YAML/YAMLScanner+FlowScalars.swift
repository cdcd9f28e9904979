/// Scanning of quoted and plain scalars, with YAML's line folding, following libyaml's
/// `yaml_parser_scan_flow_scalar` and `yaml_parser_scan_plain_scalar`.
extension YAMLScanner {
    /// Folding state shared by quoted and plain scalars: a single line break becomes a space, each further
    /// empty line a `\n`; spaces before a break are dropped.
    private struct Folding {
        var text: [UInt8] = []
        var leadingBreak: [UInt8] = []
        var trailingBreaks: [UInt8] = []
        var whitespaces: [UInt8] = []

        mutating func joinBreaks() {
            if leadingBreak.first == 0x0A {
                if trailingBreaks.isEmpty {
                    text.append(UInt8(ascii: " "))
                } else {
                    text += trailingBreaks
                }
            } else {
                text += leadingBreak
                text += trailingBreaks
            }
            leadingBreak.removeAll(keepingCapacity: true)
            trailingBreaks.removeAll(keepingCapacity: true)
        }

        mutating func joinWhitespaces() {
            text += whitespaces
            whitespaces.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - Quoted scalars

    mutating func scanFlowScalar(single: Bool) throws(YAMLError) {
        let start = mark
        let quote = single ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        let kind = single ? "single-quoted" : "double-quoted"
        skip()
        var folding = Folding()
        while true {
            if mark.column == 0 && (isDocumentMarker(UInt8(ascii: "-")) || isDocumentMarker(UInt8(ascii: "."))) {
                throw error(
                    "found a document marker ('---' or '...') inside the \(kind) string that starts at "
                        + "line \(start.line + 1), column \(start.column + 1); is a closing quote missing?",
                    at: mark)
            }
            guard !isZ() else {
                let closing = single ? "'" : "\""
                throw error(
                    "this \(kind) string is never closed: the file ends before its closing \(closing)",
                    at: start)
            }
            var leadingBlanks = false
            while !isBlankZ() {
                let current = byte()
                if single && current == quote && byte(1) == quote {
                    folding.text.append(quote)
                    skip()
                    skip()
                } else if current == quote {
                    break
                } else if !single && current == UInt8(ascii: "\\") && isBreak(1) {
                    skip()
                    skipLine()
                    leadingBlanks = true
                    break
                } else if !single && current == UInt8(ascii: "\\") {
                    try scanEscape(into: &folding.text)
                } else {
                    read(into: &folding.text)
                }
            }
            if byte() == quote { break }
            while isBlank() || isBreak() { readSeparator(into: &folding, leadingBlanks: &leadingBlanks) }
            if leadingBlanks { folding.joinBreaks() } else { folding.joinWhitespaces() }
        }
        skip()
        let style: YAMLScalarStyle = single ? .singleQuoted : .doubleQuoted
        append(.scalar(String(decoding: folding.text, as: UTF8.self), style), from: start, to: mark)
    }

    /// One blank or line break between the lines of a quoted or plain scalar: blanks after a break are
    /// indentation and dropped; the first break is kept apart from further ones for `Folding.joinBreaks`.
    private mutating func readSeparator(into folding: inout Folding, leadingBlanks: inout Bool) {
        if isBlank() {
            if leadingBlanks { skip() } else { read(into: &folding.whitespaces) }
        } else if !leadingBlanks {
            folding.whitespaces.removeAll(keepingCapacity: true)
            readLine(into: &folding.leadingBreak)
            leadingBlanks = true
        } else {
            readLine(into: &folding.trailingBreaks)
        }
    }

    private func isDocumentMarker(_ indicator: UInt8) -> Bool {
        byte(0) == indicator && byte(1) == indicator && byte(2) == indicator && isBlankZ(3)
    }

    /// Decodes one backslash escape of a double-quoted scalar.
    private mutating func scanEscape(into text: inout [UInt8]) throws(YAMLError) {
        let escapeMark = mark
        var codeLength = 0
        switch byte(1) {
        case UInt8(ascii: "0"): text.append(0)
        case UInt8(ascii: "a"): text.append(0x07)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "t"), UInt8(ascii: "\t"): text.append(0x09)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "v"): text.append(0x0B)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "e"): text.append(0x1B)
        case UInt8(ascii: " "): text.append(0x20)
        case UInt8(ascii: "\""): text.append(UInt8(ascii: "\""))
        case UInt8(ascii: "/"): text.append(UInt8(ascii: "/"))
        case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "N"): text += [0xC2, 0x85]
        case UInt8(ascii: "_"): text += [0xC2, 0xA0]
        case UInt8(ascii: "L"): text += [0xE2, 0x80, 0xA8]
        case UInt8(ascii: "P"): text += [0xE2, 0x80, 0xA9]
        case UInt8(ascii: "x"): codeLength = 2
        case UInt8(ascii: "u"): codeLength = 4
        case UInt8(ascii: "U"): codeLength = 8
        default:
            let after = position + 1
            let escaped = isBlankZ(1) ? "" : String(decoding: input[after..<after + Self.width(byte(1))], as: UTF8.self)
            throw error(
                "unknown escape sequence '\\\(escaped)' in a double-quoted string (write '\\\\' for a "
                    + "backslash, or use single quotes)", at: escapeMark)
        }
        skip()
        skip()
        guard codeLength > 0 else { return }
        var value: UInt32 = 0
        for offset in 0..<codeLength {
            guard let digit = hexValue(offset) else {
                throw error(
                    "expected \(codeLength) hexadecimal digits in this escape sequence (write '\\\\' for a "
                        + "backslash, or use single quotes)", at: escapeMark)
            }
            value = value << 4 | digit
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error(
                "this escape sequence is not a valid Unicode character (surrogate or beyond U+10FFFF)",
                at: escapeMark)
        }
        text += Array(String(Character(scalar)).utf8)
        for _ in 0..<codeLength { skip() }
    }

    // MARK: - Plain scalars

    mutating func scanPlainScalar() throws(YAMLError) {
        let start = mark
        var end = mark
        var folding = Folding()
        var leadingBlanks = false
        let minimumIndent = indent + 1
        while true {
            if mark.column == 0 && (isDocumentMarker(UInt8(ascii: "-")) || isDocumentMarker(UInt8(ascii: "."))) {
                break
            }
            if byte() == UInt8(ascii: "#") { break }
            var runStart = -1
            while !isBlankZ() {
                let current = byte()
                if flowLevel > 0 && current == UInt8(ascii: ":") && Self.isFlowIndicatorOrQuestion(byte(1)) {
                    throw error(
                        "found ':' directly followed by '\(Character(Unicode.Scalar(byte(1))))' in a flow "
                            + "collection (put a space after ':' or quote the value)", at: mark)
                }
                if (current == UInt8(ascii: ":") && isBlankZ(1))
                    || (flowLevel > 0 && Self.isFlowIndicator(current))
                {
                    break
                }
                if leadingBlanks {
                    folding.joinBreaks()
                    leadingBlanks = false
                } else if !folding.whitespaces.isEmpty {
                    folding.joinWhitespaces()
                }
                if runStart < 0 { runStart = position }
                skip()
                end = mark
            }
            // Joins only happen before the first character of a run, so the run can be copied at once.
            if runStart >= 0 { folding.text.append(contentsOf: input[runStart..<position]) }
            guard isBlank() || isBreak() else { break }
            while isBlank() || isBreak() {
                if leadingBlanks && mark.column < minimumIndent && byte() == UInt8(ascii: "\t") {
                    throw error(
                        "found a tab character that violates indentation in a plain scalar "
                            + "(use spaces to indent continuation lines)", at: mark)
                }
                readSeparator(into: &folding, leadingBlanks: &leadingBlanks)
            }
            if flowLevel == 0 && mark.column < minimumIndent { break }
        }
        append(.scalar(String(decoding: folding.text, as: UTF8.self), .plain), from: start, to: end)
        if leadingBlanks { simpleKeyAllowed = true }
    }

    private static func isFlowIndicator(_ value: UInt8) -> Bool {
        value == UInt8(ascii: ",") || value == UInt8(ascii: "[") || value == UInt8(ascii: "]")
            || value == UInt8(ascii: "{") || value == UInt8(ascii: "}")
    }

    private static func isFlowIndicatorOrQuestion(_ value: UInt8) -> Bool {
        isFlowIndicator(value) || value == UInt8(ascii: "?")
    }
}

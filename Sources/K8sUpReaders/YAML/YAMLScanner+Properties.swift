/// Scanning of directives (`%YAML`, `%TAG`), anchors, aliases and tags, as libyaml does it.
extension YAMLScanner {
    // MARK: - Directives

    mutating func scanDirective() throws(YAMLError) {
        let start = mark
        skip()
        var name: [UInt8] = []
        while isAlpha() { read(into: &name) }
        guard !name.isEmpty else { throw error("expected a directive name after '%'", at: mark) }
        guard isBlankZ() else {
            throw error(
                "found an unexpected character in the directive name (only letters, digits, '-' and '_')",
                at: mark)
        }
        let kind: YAMLToken.Kind
        switch String(decoding: name, as: UTF8.self) {
        case "YAML": kind = try scanVersionDirectiveValue()
        case "TAG": kind = try scanTagDirectiveValue()
        default:
            throw error(
                "unknown directive '%\(String(decoding: name, as: UTF8.self))' "
                    + "(only %YAML and %TAG exist)", at: mark)
        }
        let end = mark
        while isBlank() { skip() }
        if byte() == UInt8(ascii: "#") {
            while !isBreakZ() { skip() }
        }
        guard isBreakZ() else { throw error("expected a comment or the end of the line after the directive", at: mark) }
        skipLine()
        append(kind, from: start, to: end)
    }

    private mutating func scanVersionDirectiveValue() throws(YAMLError) -> YAMLToken.Kind {
        while isBlank() { skip() }
        let major = try scanVersionNumber()
        guard byte() == UInt8(ascii: ".") else {
            throw error("expected a digit or '.' in the %YAML version", at: mark)
        }
        skip()
        let minor = try scanVersionNumber()
        return .versionDirective(major: major, minor: minor)
    }

    private mutating func scanVersionNumber() throws(YAMLError) -> Int {
        var value = 0
        var length = 0
        while isDigit() {
            length += 1
            guard length <= 9 else { throw error("found an extremely long %YAML version number", at: mark) }
            value = value * 10 + Int(byte() - UInt8(ascii: "0"))
            skip()
        }
        guard length > 0 else { throw error("expected a version number such as 1.1 after %YAML", at: mark) }
        return value
    }

    private mutating func scanTagDirectiveValue() throws(YAMLError) -> YAMLToken.Kind {
        while isBlank() { skip() }
        let handle = try scanTagHandle(directive: true)
        guard isBlank() else { throw error("expected a space after the %TAG handle", at: mark) }
        while isBlank() { skip() }
        let prefix = try scanTagURI(allowFlowIndicators: true, directive: true, head: [])
        guard isBlankZ() else { throw error("expected a space or the end of the line after the %TAG prefix", at: mark) }
        return .tagDirective(handle: handle, prefix: prefix)
    }

    // MARK: - Anchors and aliases

    mutating func scanAnchor(isAlias: Bool) throws(YAMLError) {
        let start = mark
        skip()
        var name: [UInt8] = []
        while isAlpha() { read(into: &name) }
        let end = mark
        guard !name.isEmpty, isBlankZ() || Self.anchorTerminators.contains(byte()) else {
            let what = isAlias ? "an alias (after '*')" : "an anchor (after '&')"
            throw error("the name of \(what) must be letters, digits, '-' or '_', followed by a space", at: mark)
        }
        let text = String(decoding: name, as: UTF8.self)
        append(isAlias ? .alias(text) : .anchor(text), from: start, to: end)
    }

    // MARK: - Tags

    mutating func scanTag() throws(YAMLError) {
        let start = mark
        var handle: String
        var suffix: String
        if byte(1) == UInt8(ascii: "<") {
            handle = ""
            skip()
            skip()
            suffix = try scanTagURI(allowFlowIndicators: true, directive: false, head: [])
            guard byte() == UInt8(ascii: ">") else {
                throw error(
                    "expected '>' to close the verbatim tag that starts at line \(start.line + 1), "
                        + "column \(start.column + 1)", at: mark)
            }
            skip()
        } else {
            handle = try scanTagHandle(directive: false)
            if handle.utf8.count >= 2 && handle.hasSuffix("!") {
                suffix = try scanTagURI(allowFlowIndicators: false, directive: false, head: [])
            } else {
                suffix = try scanTagURI(allowFlowIndicators: false, directive: false, head: Array(handle.utf8))
                handle = "!"
                if suffix.isEmpty {
                    // The lone '!' is the non-specific tag: libyaml gives it an empty handle and suffix "!".
                    handle = ""
                    suffix = "!"
                }
            }
        }
        guard isBlankZ() || (flowLevel > 0 && byte() == UInt8(ascii: ",")) else {
            throw error("expected a space after the tag (tags are written '!!str value')", at: mark)
        }
        append(.tag(handle: handle, suffix: suffix), from: start, to: mark)
    }

    private mutating func scanTagHandle(directive: Bool) throws(YAMLError) -> String {
        guard byte() == UInt8(ascii: "!") else { throw error("expected '!' to start a tag handle", at: mark) }
        var handle: [UInt8] = []
        read(into: &handle)
        while isAlpha() { read(into: &handle) }
        if byte() == UInt8(ascii: "!") {
            read(into: &handle)
        } else if directive && handle != [UInt8(ascii: "!")] {
            throw error("expected '!' to end the %TAG handle (handles look like !name!)", at: mark)
        }
        return String(decoding: handle, as: UTF8.self)
    }

    /// Reads the URI part of a tag; `head` is text already read as a would-be handle (its `!` dropped).
    private mutating func scanTagURI(allowFlowIndicators: Bool, directive: Bool, head: [UInt8])
        throws(YAMLError) -> String
    {
        var uri = Array(head.dropFirst())
        var length = head.count
        while isURICharacter(allowFlowIndicators: allowFlowIndicators) {
            if byte() == UInt8(ascii: "%") {
                try scanURIEscapes(into: &uri)
            } else {
                read(into: &uri)
            }
            length += 1
        }
        guard length > 0 else { throw error("expected a tag name (URI) after '!'", at: mark) }
        return String(decoding: uri, as: UTF8.self)
    }

    /// Characters that may end an anchor or alias name besides whitespace.
    private static let anchorTerminators = Set("?:,]}%@`".utf8)
    /// URI characters of a tag besides `[0-9A-Za-z_-]`.
    private static let uriPunctuation = Set(";/?:@&=+$.%!~*'()".utf8)
    /// Allowed in verbatim tags (`!<…>`) and `%TAG` prefixes only.
    private static let flowIndicators = Set(",[]".utf8)

    private func isURICharacter(allowFlowIndicators: Bool) -> Bool {
        if isAlpha() { return true }
        let value = byte()
        return Self.uriPunctuation.contains(value) || (allowFlowIndicators && Self.flowIndicators.contains(value))
    }

    /// Decodes `%XX` escapes that together form one UTF-8 character.
    private mutating func scanURIEscapes(into uri: inout [UInt8]) throws(YAMLError) {
        var remaining = 0
        repeat {
            guard byte() == UInt8(ascii: "%"), let high = hexValue(1), let low = hexValue(2) else {
                throw error("expected a URI escape of the form %XX in the tag", at: mark)
            }
            let octet = UInt8(high << 4 | low)
            if remaining == 0 {
                remaining =
                    octet & 0x80 == 0
                    ? 1
                    : octet & 0xE0 == 0xC0
                        ? 2
                        : octet & 0xF0 == 0xE0
                            ? 3
                            : octet & 0xF8 == 0xF0 ? 4 : 0
                guard remaining > 0 else { throw error("found an incorrect leading UTF-8 octet in the tag", at: mark) }
            } else if octet & 0xC0 != 0x80 {
                throw error("found an incorrect trailing UTF-8 octet in the tag", at: mark)
            }
            uri.append(octet)
            skip()
            skip()
            skip()
            remaining -= 1
        } while remaining > 0
    }
}

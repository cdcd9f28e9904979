import PythonParity

/// Values a shape does not keep: checked with the same rules and messages as kept ones, line numbers kept
/// up to date, but nothing built (no strings, no nodes), so that skipping costs a scan of the bytes.
extension JSONReader.Parser {
    /// Moves past the value at the current byte.
    mutating func skipValue() throws(YAMLError) {
        switch current {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try skipNested { parser throws(YAMLError) in try parser.skipObjectMembers() }
        case UInt8(ascii: "["): try skipNested { parser throws(YAMLError) in try parser.skipArrayItems() }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            if try scanNumber() == .integer, index - start > PythonInteger.maximumDigits {
                // Too many digits for Python: the parser's own error.
                index = start
                _ = try parseNumber()
            }
        default:
            for (word, _) in Self.literals where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return
            }
            throw error("expecting a value")
        }
    }

    /// Moves past a string, checking its escapes; whether it had any.
    @discardableResult
    mutating func skipString() throws(YAMLError) -> Bool {
        index += 1
        var hasEscapes = false
        while true {
            skipPlainStringBytes()
            guard index < bytes.count else { throw error("unterminated string") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return hasEscapes
            case UInt8(ascii: "\\"):
                _ = try parseEscape()
                hasEscapes = true
            default:
                throw error("invalid control character in a string")
            }
        }
    }

    /// One more level of nesting, within the same limit as kept values.
    private mutating func skipNested(_ body: (inout Self) throws(YAMLError) -> Void) throws(YAMLError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONReader.maximumDepth else {
            throw error("arrays and objects are nested more than \(JSONReader.maximumDepth) levels deep")
        }
        index += 1
        try body(&self)
    }

    private mutating func skipArrayItems() throws(YAMLError) {
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return
        }
        repeat {
            try skipValue()
        } while try skipSeparator(closing: UInt8(ascii: "]"))
    }

    private mutating func skipObjectMembers() throws(YAMLError) {
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw error("expecting property name enclosed in double quotes")
            }
            try skipString()
            try skipColon()
            try skipValue()
            guard try skipSeparator(closing: UInt8(ascii: "}")) else { return }
        }
    }

    /// Moves past the `:` after a member name and the blanks around it.
    mutating func skipColon() throws(YAMLError) {
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw error("expecting ':' delimiter") }
        index += 1
        skipWhitespace()
    }

    /// Moves past the `,` (true: another item or member follows) or the `closing` bracket (false) after
    /// an array's item or an object's member, and the blanks around them.
    mutating func skipSeparator(closing: UInt8) throws(YAMLError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            index += 1
            skipWhitespace()
            return true
        case closing:
            index += 1
            return false
        default:
            throw error("expecting ',' delimiter")
        }
    }
}

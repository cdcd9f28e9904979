/// Reads one Python 3.11 string or bytes literal token (`'…'`, `"…"`, `'''…'''`, `"""…"""` with the
/// prefixes `r`, `u`, `b`, `br`, `rb`, `f`, `fr`, `rf` in any case) and decodes its escapes exactly as
/// CPython does.
///
/// `str` escapes: `\\ \' \" \a \b \f \n \r \t \v`, octal `\ooo` (up to 0o777), `\xhh`, `\uhhhh`,
/// `\Uhhhhhhhh`, `\N{NAME}`; any other backslash stays as written. `bytes` escapes: the same without
/// `\u`, `\U` and `\N`, octal values truncated to a byte, and only ASCII characters in the literal.
enum PythonStringLiteral {
    /// Which prefix letters the literal had.
    struct Prefix: Equatable {
        var raw = false
        var bytes = false
        var formatted = false

        /// The prefix spelled by `letters`, if Python's tokenizer accepts that combination.
        init?<Letters: Collection<Unicode.Scalar>>(_ letters: Letters) {
            var unicode = false
            for letter in letters {
                let lower = letter.properties.lowercaseMapping
                if lower == "b" && !(bytes || unicode || formatted) {
                    bytes = true
                } else if lower == "u" && !(bytes || unicode || raw || formatted) {
                    unicode = true
                } else if lower == "r" && !(raw || unicode) {
                    raw = true
                } else if lower == "f" && !(formatted || bytes || unicode) {
                    formatted = true
                } else {
                    return nil
                }
            }
        }
    }

    /// The decoded contents of a literal.
    enum Value: Equatable {
        case text([UInt32])
        case bytes([UInt8])
        /// An f-string: valid syntax, but never a literal (`ast.JoinedStr`).
        case formatted
    }

    /// A scanned literal and where it ends.
    struct Token: Equatable {
        var value: Value
        /// The index just after the closing quote.
        var end: Int
    }

    /// The literal whose opening quote is at `quoteIndex`; nil for a syntax error.
    static func scan(_ source: [Unicode.Scalar], quoteIndex: Int, prefix: Prefix) -> Token? {
        guard let (body, end) = body(source, quoteIndex: quoteIndex) else { return nil }
        if prefix.formatted { return Token(value: .formatted, end: end) }
        if prefix.bytes {
            // "bytes can only contain ASCII literal characters"
            guard body.allSatisfy(\.isASCII) else { return nil }
            let bytes = prefix.raw ? body.map { UInt8($0.value) } : decodeBytes(body)
            return bytes.map { Token(value: .bytes($0), end: end) }
        }
        if prefix.raw { return Token(value: .text(body.map(\.value)), end: end) }
        return decodeText(body).map { Token(value: .text($0), end: end) }
    }

    /// The characters between the quotes, found as CPython's tokenizer finds them: a backslash always
    /// skips the next character (even in raw literals), and single-quoted literals may not end the input.
    private static func body(_ source: [Unicode.Scalar], quoteIndex: Int) -> (ArraySlice<Unicode.Scalar>, Int)? {
        let quote = source[quoteIndex]
        let isTriple =
            quoteIndex + 2 < source.count && source[quoteIndex + 1] == quote
            && source[quoteIndex + 2] == quote
        let quoteSize = isTriple ? 3 : 1
        let start = quoteIndex + quoteSize
        var index = start
        var closingQuotes = 0
        while closingQuotes < quoteSize {
            guard index < source.count else { return nil }  // unterminated string literal
            let scalar = source[index]
            index += 1
            if scalar == quote {
                closingQuotes += 1
            } else {
                closingQuotes = 0
                if scalar == "\\" { index += 1 }
            }
        }
        return (source[start..<(index - quoteSize)], index)
    }

    private static func simpleEscape(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "\\", "'", "\"": return scalar.value
        case "a": return 0x07
        case "b": return 0x08
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default: return nil
        }
    }

    /// Up to three octal digits starting at `index`; returns the value and the index after them.
    private static func octal(_ body: ArraySlice<Unicode.Scalar>, from index: Int) -> (UInt32, Int) {
        var value: UInt32 = 0
        var position = index
        while position < body.endIndex, position < index + 3, ("0"..."7").contains(body[position]) {
            value = value * 8 + body[position].value - 0x30
            position += 1
        }
        return (value, position)
    }

    /// Exactly `count` hex digits starting at `index`.
    private static func hex(_ body: ArraySlice<Unicode.Scalar>, from index: Int, count: Int) -> UInt32? {
        guard index + count <= body.endIndex else { return nil }
        var value: UInt32 = 0
        for scalar in body[index..<(index + count)] {
            guard let digit = scalar.properties.isASCIIHexDigit ? UInt32(String(scalar), radix: 16) : nil else {
                return nil
            }
            value = value * 16 + digit
        }
        return value
    }

    private static func decodeText(_ body: ArraySlice<Unicode.Scalar>) -> [UInt32]? {
        var result: [UInt32] = []
        result.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let scalar = body[index]
            index += 1
            guard scalar == "\\", index < body.endIndex else {
                result.append(scalar.value)
                continue
            }
            let escape = body[index]
            index += 1
            if let value = simpleEscape(escape) {
                result.append(value)
            } else if ("0"..."7").contains(escape) {
                let (value, next) = octal(body, from: index - 1)
                result.append(value)
                index = next
            } else if escape == "x" || escape == "u" || escape == "U" {
                let count = escape == "x" ? 2 : escape == "u" ? 4 : 8
                // "truncated \xXX escape" or "illegal Unicode character"
                guard let value = hex(body, from: index, count: count), value <= 0x10FFFF else { return nil }
                result.append(value)
                index += count
            } else if escape == "N" {
                guard index < body.endIndex, body[index] == "{",
                    let close = body[index...].firstIndex(of: "}"), close > index + 1
                else { return nil }  // "malformed \N character escape"
                let name = String(String.UnicodeScalarView(body[(index + 1)..<close]))
                guard let character = PythonUnicodeNames.lookup(name) else { return nil }  // "unknown … name"
                result.append(character.value)
                index = close + 1
            } else {
                result.append(contentsOf: [0x5C, escape.value])
            }
        }
        return result
    }

    private static func decodeBytes(_ body: ArraySlice<Unicode.Scalar>) -> [UInt8]? {
        var result: [UInt8] = []
        var index = body.startIndex
        while index < body.endIndex {
            let scalar = body[index]
            index += 1
            guard scalar == "\\", index < body.endIndex else {
                result.append(UInt8(scalar.value))
                continue
            }
            let escape = body[index]
            index += 1
            if let value = simpleEscape(escape) {
                result.append(UInt8(value))
            } else if ("0"..."7").contains(escape) {
                let (value, next) = octal(body, from: index - 1)
                result.append(UInt8(truncatingIfNeeded: value))
                index = next
            } else if escape == "x" {
                guard let value = hex(body, from: index, count: 2) else { return nil }  // "invalid \x escape"
                result.append(UInt8(value))
                index += 2
            } else {
                result.append(contentsOf: [0x5C, UInt8(escape.value)])
            }
        }
        return result
    }
}

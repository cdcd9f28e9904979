import PythonParity

/// JSON strings and numbers with Python's `json` rules.
extension JSONReader.Parser {
    /// A string: no raw control characters; escapes `\" \\ \/ \b \f \n \r \t \uXXXX` (surrogate pairs
    /// combined). A lone surrogate cannot be a Swift string, so it is an error here (Python keeps it).
    mutating func parseString() throws(YAMLError) -> String {
        index += 1
        var text: [UInt8] = []
        var segmentStart = index
        while true {
            skipPlainStringBytes()
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if text.isEmpty {
                    let result = String(decoding: bytes[segmentStart..<index], as: UTF8.self)
                    index += 1
                    return result
                }
                text += bytes[segmentStart..<index]
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                text += bytes[segmentStart..<index]
                let scalar = try parseEscape()
                if scalar.isASCII {
                    text.append(UInt8(scalar.value))
                } else {
                    text += Array(String(Character(scalar)).utf8)
                }
                segmentStart = index
                continue
            }
            throw error("invalid control character in a string")
        }
    }

    /// Moves past the bytes of a string that need no attention: all but `"`, `\` and control characters.
    mutating func skipPlainStringBytes() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return }
            index += 1
        }
    }

    /// The character of the escape at the current `\`, moving past it.
    mutating func parseEscape() throws(YAMLError) -> Unicode.Scalar {
        let escape = index + 1 < bytes.count ? bytes[index + 1] : 0
        let simple: UInt8? =
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            index += 2
            return Unicode.Scalar(simple)
        }
        guard escape == UInt8(ascii: "u") else { throw error("invalid \\escape") }
        var value = try hexQuad(at: index + 2)
        index += 6
        if (0xD800...0xDBFF).contains(value) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                case let low = try hexQuad(at: index + 2), (0xDC00...0xDFFF).contains(low)
            else { throw error("lone surrogate in a \\u escape") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        }
        guard let scalar = Unicode.Scalar(value) else { throw error("lone surrogate in a \\u escape") }
        return scalar
    }

    private mutating func hexQuad(at offset: Int) throws(YAMLError) -> UInt32 {
        var value: UInt32 = 0
        for position in offset..<offset + 4 {
            guard position < bytes.count, let digit = Self.hexDigit(bytes[position]) else {
                throw error("invalid \\uXXXX escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, or `-Infinity`. An integer unless it has a
    /// fraction or an exponent.
    mutating func parseNumber() throws(YAMLError) -> DataValue {
        let start = index
        let kind = try scanNumber()
        if kind == .negativeInfinity { return .float(-.infinity) }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if kind == .float {
            guard let number = Double(text) else { throw error("invalid number") }
            return .float(number)
        }
        if index - start <= 18, let small = Int(text) { return .int(small) }
        guard let big = try? PythonInteger.parse(text.unicodeScalars, radix: 10).dataValue else {
            throw error("integer has more than \(PythonInteger.maximumDigits) digits")
        }
        return big
    }

    /// What kind of number `scanNumber` passed.
    enum NumberKind {
        case integer, float, negativeInfinity
    }

    /// Moves past the number at the current byte, checking its syntax only.
    mutating func scanNumber() throws(YAMLError) -> NumberKind {
        let start = index
        if current == UInt8(ascii: "-") {
            index += 1
            if bytes[index...].starts(with: "Infinity".utf8) {
                index += 8
                return .negativeInfinity
            }
        }
        if current == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(at: index) {
            while isDigit(at: index) { index += 1 }
        } else {
            index = start
            throw error("expecting a value")
        }
        var kind = NumberKind.integer
        if current == UInt8(ascii: "."), isDigit(at: index + 1) {
            index += 1
            while isDigit(at: index) { index += 1 }
            kind = .float
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let digitsAt = index + (next == UInt8(ascii: "+") || next == UInt8(ascii: "-") ? 2 : 1)
            if isDigit(at: digitsAt) {
                index = digitsAt
                while isDigit(at: index) { index += 1 }
                kind = .float
            }
        }
        return kind
    }

    private func isDigit(at offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
    }
}

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
                try parseEscape(into: &text)
                segmentStart = index
                continue
            }
            guard byte >= 0x20 else { throw error("invalid control character in a string") }
            index += 1
        }
    }

    private mutating func parseEscape(into text: inout [UInt8]) throws(YAMLError) {
        let escape = index + 1 < bytes.count ? bytes[index + 1] : 0
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
            UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
            UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[escape] {
            text.append(replacement)
            index += 2
            return
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
        text += Array(String(Character(scalar)).utf8)
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
        if current == UInt8(ascii: "-") {
            index += 1
            if bytes[index...].starts(with: "Infinity".utf8) {
                index += 8
                return .float(-.infinity)
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
        var isFloat = false
        if current == UInt8(ascii: "."), isDigit(at: index + 1) {
            index += 1
            while isDigit(at: index) { index += 1 }
            isFloat = true
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let digitsAt = index + (next == UInt8(ascii: "+") || next == UInt8(ascii: "-") ? 2 : 1)
            if isDigit(at: digitsAt) {
                index = digitsAt
                while isDigit(at: index) { index += 1 }
                isFloat = true
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isFloat {
            guard let number = Double(text) else { throw error("invalid number") }
            return .float(number)
        }
        if index - start <= 18, let small = Int(text) { return .int(small) }
        guard let big = try? PythonInteger.parse(text.unicodeScalars, radix: 10).dataValue else {
            throw error("integer has more than \(PythonInteger.maximumDigits) digits")
        }
        return big
    }

    private func isDigit(at offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
    }
}

/// Python's `int(text, base)` (CPython's `PyLong_FromUnicodeObject`), for YAML and JSON integers and for the
/// places where Ansible calls `int()` on inventory text (range bounds, ports, group priorities).
extension PythonInteger {
    /// Why text is not an integer Python would accept.
    package enum ParseFailure: Error {
        case invalid
        /// More than `maximumDigits` decimal digits; from `parseInt`, also a value that does not fit in `Int`.
        case tooLarge
    }

    /// `int(text, radix)`: surrounding whitespace, one sign, an optional `0b`/`0o`/`0x` prefix matching the
    /// radix (and one `_` after it), then digits with single underscores between them. Like Python, any
    /// Unicode decimal digit (such as `٣`) counts, and more than 4300 digits are refused unless the radix is
    /// a power of two.
    package static func parse(_ text: some Sequence<Unicode.Scalar>, radix: Int) throws(ParseFailure) -> PythonInteger {
        guard var bytes = PythonCharacters.numberASCII(text) else { throw .invalid }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        let prefixLetter: [Int: UInt8] = [2: UInt8(ascii: "b"), 8: UInt8(ascii: "o"), 16: UInt8(ascii: "x")]
        if let letter = prefixLetter[radix], bytes.count >= 2, bytes.first == UInt8(ascii: "0"),
            bytes[bytes.startIndex + 1] | 0x20 == letter
        {
            bytes.removeFirst(2)
            if bytes.first == UInt8(ascii: "_") { bytes.removeFirst() }
        }
        var digits: [UInt8] = []
        var afterDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                guard afterDigit else { throw .invalid }
                afterDigit = false
                continue
            }
            guard let digit = digitValue(byte), digit < radix else { throw .invalid }
            digits.append(UInt8(digit))
            afterDigit = true
        }
        // Also rejects no digits at all and a trailing underscore.
        guard afterDigit else { throw .invalid }
        // Python counts leading zeros too; only power-of-two bases are exempt from the limit.
        if radix & (radix - 1) != 0 && digits.count > maximumDigits { throw .tooLarge }
        guard let magnitude = PythonInteger(digits: digits, radix: radix) else { throw .tooLarge }
        return negative ? magnitude.negated() : magnitude
    }

    /// `int(text)` where an `Int` is needed: `.tooLarge` also for a valid integer beyond `Int`.
    package static func parseInt(_ text: some Sequence<Unicode.Scalar>) throws(ParseFailure) -> Int {
        guard let value = try parse(text, radix: 10).intValue else { throw .tooLarge }
        return value
    }

    /// An ASCII digit or letter digit (`a`/`A` is 10).
    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}

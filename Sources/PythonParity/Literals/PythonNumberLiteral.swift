/// Reads a Python 3.11 number token (`42`, `1_000`, `0x_ff`, `0o17`, `0b1`, `1.5e-3`, `.5`, `1.`, `2j`)
/// exactly as CPython's tokenizer does, including its errors: leading zeros in a non-zero decimal integer,
/// a misplaced `_`, a letter or digit straight after the number, and decimal integers of more than 4300
/// digits.
enum PythonNumberLiteral {
    /// The value of the number starting at `start` and the index just after it; nil for a syntax error.
    static func scan(_ source: [Unicode.Scalar], from start: Int) -> (value: PythonObject, end: Int)? {
        var scanner = Scanner(source: source, index: start)
        return scanner.scanNumber()
    }

    /// The tokenizer's state while reading one number.
    private struct Scanner {
        let source: [Unicode.Scalar]
        var index: Int
        /// The literal without underscores, as Swift's `Double` parser accepts it.
        var text = String.UnicodeScalarView()

        var current: Unicode.Scalar? { index < source.count ? source[index] : nil }

        mutating func advance() {
            if let scalar = current, scalar != "_" { text.append(scalar) }
            index += 1
        }

        mutating func scanNumber() -> (value: PythonObject, end: Int)? {
            if current == "0", index + 1 < source.count, let radix = Self.radix(source[index + 1]) {
                index += 2
                return scanRadixInteger(radix)
            }
            var nonZeroAfterZero = false
            if current == "0" {
                advance()
                while true {
                    if current == "_" {
                        advance()
                        guard isDigit(current) else { return nil }
                    }
                    guard current == "0" else { break }
                    advance()
                }
                if isDigit(current) {
                    nonZeroAfterZero = true
                    guard decimalTail() else { return nil }
                }
            } else if current == "." {
                return scanFraction()
            } else {
                guard decimalTail() else { return nil }
            }
            switch current {
            case ".": return scanFraction()
            case "e", "E": return scanExponent()
            case "j", "J": return scanImaginary()
            default:
                // "leading zeros in decimal integer literals are not permitted"
                guard !nonZeroAfterZero, endsCleanly() else { return nil }
                let digits = text.map { UInt8($0.value - 0x30) }
                // Python refuses to convert more than 4300 decimal digits ("Exceeds the limit").
                guard let integer = PythonInteger(digits: digits, radix: 10) else { return nil }
                return (.int(integer), index)
            }
        }

        /// `0x…`, `0o…`, `0b…` with optional single underscores before each digit group.
        mutating func scanRadixInteger(_ radix: Int) -> (value: PythonObject, end: Int)? {
            var digits: [UInt8] = []
            repeat {
                if current == "_" { index += 1 }
                guard let first = current.flatMap({ Self.digitValue($0, radix: radix) }) else { return nil }
                digits.append(first)
                index += 1
                while let digit = current.flatMap({ Self.digitValue($0, radix: radix) }) {
                    digits.append(digit)
                    index += 1
                }
            } while current == "_"
            guard endsCleanly() else { return nil }
            if let integer = PythonInteger(digits: digits, radix: radix) { return (.int(integer), index) }
            return (.hugeInt(negative: false, hexDigits: Self.hexDigits(digits, radix: radix)), index)
        }

        /// After the `.` (or at a leading `.`): optional digits, then an exponent or `j`.
        mutating func scanFraction() -> (value: PythonObject, end: Int)? {
            advance()
            if isDigit(current) {
                guard decimalTail() else { return nil }
            }
            if current == "e" || current == "E" { return scanExponent() }
            if current == "j" || current == "J" { return scanImaginary() }
            guard endsCleanly() else { return nil }
            return float()
        }

        mutating func scanExponent() -> (value: PythonObject, end: Int)? {
            advance()
            if current == "+" || current == "-" { advance() }
            guard isDigit(current), decimalTail() else { return nil }
            if current == "j" || current == "J" { return scanImaginary() }
            guard endsCleanly() else { return nil }
            return float()
        }

        mutating func scanImaginary() -> (value: PythonObject, end: Int)? {
            index += 1
            guard endsCleanly(), let value = Double(String(text)) else { return nil }
            return (.complex(real: 0, imaginary: value), index)
        }

        func float() -> (value: PythonObject, end: Int)? {
            guard let value = Double(String(text)) else { return nil }
            return (.float(value), index)
        }

        /// Digits with single underscores between them; false on a `_` not followed by a digit.
        mutating func decimalTail() -> Bool {
            while true {
                while isDigit(current) { advance() }
                guard current == "_" else { return true }
                advance()
                guard isDigit(current) else { return false }
            }
        }

        /// CPython's `verify_end_of_number`: no identifier character may follow a number.
        func endsCleanly() -> Bool {
            guard let scalar = current else { return true }
            let isIdentifierCharacter =
                scalar.value >= 128 || scalar == "_" || isDigit(scalar)
                || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            return !isIdentifierCharacter
        }

        func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map { ("0"..."9").contains($0) } ?? false
        }

        static func radix(_ scalar: Unicode.Scalar) -> Int? {
            switch scalar {
            case "x", "X": return 16
            case "o", "O": return 8
            case "b", "B": return 2
            default: return nil
            }
        }

        static func digitValue(_ scalar: Unicode.Scalar, radix: Int) -> UInt8? {
            let value: UInt32
            switch scalar {
            case "0"..."9": value = scalar.value - 0x30
            case "a"..."f": value = scalar.value - 0x61 + 10
            case "A"..."F": value = scalar.value - 0x41 + 10
            default: return nil
            }
            return value < radix ? UInt8(value) : nil
        }

        /// The same number in hexadecimal, without leading zeros: a canonical spelling for huge integers.
        static func hexDigits(_ digits: [UInt8], radix: Int) -> String {
            let bitsPerDigit = radix.trailingZeroBitCount
            var bits: [Bool] = []
            for digit in digits.drop(while: { $0 == 0 }) {
                for shift in stride(from: bitsPerDigit - 1, through: 0, by: -1) {
                    bits.append((digit >> shift) & 1 == 1)
                }
            }
            let padding = (4 - bits.count % 4) % 4
            bits.insert(contentsOf: repeatElement(false, count: padding), at: 0)
            var hex = ""
            for nibble in stride(from: 0, to: bits.count, by: 4) {
                let value = bits[nibble..<(nibble + 4)].reduce(0) { $0 * 2 + ($1 ? 1 : 0) }
                hex += String(value, radix: 16)
            }
            return hex
        }
    }
}

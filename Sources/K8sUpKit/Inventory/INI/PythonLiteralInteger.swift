/// A Python `int` of any size, as far as a literal in an INI inventory needs one: built from digits in base
/// 2, 8, 10 or 16, negated, compared, hashed like CPython and converted to `float`.
///
/// Values that fit in `Int` are always `.small`, so the synthesized equality is Python's equality.
enum PythonLiteralInteger: Hashable, Sendable {
    case small(Int)
    /// Optional `-` and decimal digits without leading zeros, for values outside `Int`.
    case big(String)

    /// The most decimal digits Python 3.11 converts between `int` and `str` (`sys.int_info.default_max_str_digits`).
    static let maximumDecimalDigits = 4300

    /// The integer written with `digits` (values below `radix`, most significant first). Nil when it has
    /// more than `maximumDecimalDigits` decimal digits.
    init?(digits: [UInt8], radix: Int) {
        let significant = digits.drop { $0 == 0 }
        if radix == 10 {
            guard significant.count <= Self.maximumDecimalDigits else { return nil }
            self.init(
                decimal: significant.isEmpty ? "0" : String(decoding: significant.map { $0 + 0x30 }, as: UTF8.self))
            return
        }
        // Bound the size by bits before any long arithmetic: 4300 decimal digits are about 14,284 bits.
        guard significant.count * radix.trailingZeroBitCount <= 14_300 else { return nil }
        var limbs = LittleEndianLimbs()
        for digit in significant { limbs.multiplyAdd(multiplier: UInt64(radix), addend: UInt64(digit)) }
        let decimal = limbs.decimalString
        guard decimal.utf8.count <= Self.maximumDecimalDigits else { return nil }
        self.init(decimal: decimal)
    }

    /// From optional `-` and decimal digits.
    init(decimal: String) {
        if let value = Int(decimal) {
            self = .small(value)
        } else {
            let negative = decimal.hasPrefix("-")
            let digits = decimal.drop { $0 == "-" || $0 == "0" }
            self = .big((negative ? "-" : "") + (digits.isEmpty ? "0" : digits))
        }
    }

    /// The exact integer value of an integral, finite `Double`.
    init(exactly value: Double) {
        if let small = Int(exactly: value) {
            self = .small(small)
            return
        }
        // value = significand × 2^shift with an integral 53-bit significand.
        let significand = (UInt64(1) << 52) | value.significandBitPattern
        var limbs = LittleEndianLimbs()
        limbs.multiplyAdd(multiplier: 1, addend: significand)
        for _ in 0..<(Int(value.exponent) - 52) { limbs.multiplyAdd(multiplier: 2, addend: 0) }
        self.init(decimal: (value < 0 ? "-" : "") + limbs.decimalString)
    }

    var negated: PythonLiteralInteger {
        switch self {
        case .small(let value):
            if value == Int.min { return PythonLiteralInteger(decimal: "9223372036854775808") }
            return .small(-value)
        case .big(let digits):
            return PythonLiteralInteger(decimal: digits.hasPrefix("-") ? String(digits.dropFirst()) : "-" + digits)
        }
    }

    var decimal: String {
        switch self {
        case .small(let value): return String(value)
        case .big(let digits): return digits
        }
    }

    /// The value as `DataValue`: `.int` or `.bigInt`.
    var dataValue: DataValue {
        switch self {
        case .small(let value): return .int(value)
        case .big(let digits): return .bigInt(digits)
        }
    }

    /// Python's `float(int)`: correctly rounded; nil where Python raises `OverflowError`.
    var doubleValue: Double? {
        switch self {
        case .small(let value): return Double(value)
        case .big(let digits):
            guard let value = Double(digits), value.isFinite else { return nil }
            return value
        }
    }

    /// CPython's `hash(int)`: the value modulo 2^61 − 1 with the sign kept, and −1 mapped to −2.
    var pythonHash: Int64 {
        let modulus = PythonHash.modulus
        let negative: Bool
        var remainder: UInt64 = 0
        switch self {
        case .small(let value):
            negative = value < 0
            remainder = UInt64(value.magnitude) % modulus
        case .big(let digits):
            negative = digits.hasPrefix("-")
            for digit in digits.utf8 where digit != UInt8(ascii: "-") {
                let product = remainder.multipliedFullWidth(by: 10)
                let scaled = modulus.dividingFullWidth((product.high, product.low)).remainder
                remainder = (scaled + UInt64(digit - UInt8(ascii: "0"))) % modulus
            }
        }
        let hash = negative ? -Int64(remainder) : Int64(remainder)
        return hash == -1 ? -2 : hash
    }
}

/// A non-negative integer as base-10^9 limbs, least significant first: just enough arithmetic to turn
/// long hexadecimal literals and huge floats into decimal digits.
private struct LittleEndianLimbs {
    private static let base: UInt64 = 1_000_000_000
    private var limbs: [UInt64] = [0]

    mutating func multiplyAdd(multiplier: UInt64, addend: UInt64) {
        var carry = addend
        for index in limbs.indices {
            let value = limbs[index] * multiplier + carry
            limbs[index] = value % Self.base
            carry = value / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    var decimalString: String {
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}

/// An arbitrary-precision integer with Python's `int()` parsing rules, for YAML and JSON integers that do
/// not fit in `Int` (kept as exact decimal digits in `DataValue.bigInt`).
///
/// Only what the readers need: parsing in bases 2, 8, 10 and 16, `value * 60 + part` for sexagesimal
/// numbers, and conversion to `DataValue`. Results are capped at Python's 4300-digit limit for integer
/// string conversion, which also keeps the quadratic base conversion cheap.
struct PythonInteger: Equatable {
    /// Python refuses to convert integers with more decimal digits than this to or from text.
    static let maximumDigits = 4300
    private static let limbBase: UInt64 = 1_000_000_000

    private(set) var isNegative = false
    /// Base 10⁹ limbs, least significant first, without high zero limbs; empty for zero.
    private(set) var limbs: [UInt32] = []

    init(_ value: Int) {
        isNegative = value < 0
        var magnitude = value.magnitude
        while magnitude > 0 {
            limbs.append(UInt32(magnitude % UInt(Self.limbBase)))
            magnitude /= UInt(Self.limbBase)
        }
    }

    /// Why text is not an integer Python would accept.
    enum ParseFailure: Error {
        case invalid
        /// More than `maximumDigits` decimal digits.
        case tooLarge
    }

    /// Python's `int(text, radix)`: surrounding whitespace, one sign, an optional `0b`/`0o`/`0x` prefix
    /// matching the radix, then at least one digit.
    static func parse(_ text: Substring, radix: Int) throws(ParseFailure) -> PythonInteger {
        var scalars = Substring.UnicodeScalarView(text.unicodeScalars.drop(while: isPythonSpace))
        while let last = scalars.last, isPythonSpace(last) { scalars.removeLast() }
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars.removeFirst()
        }
        let prefixLetter: [Int: Unicode.Scalar] = [2: "b", 8: "o", 16: "x"]
        if let letter = prefixLetter[radix], scalars.count >= 2, scalars.first == "0",
            scalars.dropFirst().first.map({ $0 == letter || $0.value == letter.value - 32 }) == true
        {
            scalars.removeFirst(2)
        }
        guard !scalars.isEmpty, scalars.allSatisfy({ digitValue($0).map { $0 < radix } == true }) else {
            throw .invalid
        }
        if radix == 10 && scalars.count > maximumDigits { throw .tooLarge }
        var result = PythonInteger(0)
        for scalar in scalars {
            guard let digit = digitValue(scalar), result.multiplyAdd(factor: UInt32(radix), addend: UInt32(digit))
            else { throw .tooLarge }
        }
        result.isNegative = negative && !result.limbs.isEmpty
        return result
    }

    /// A digit or letter digit; like Python, any Unicode decimal digit (such as `٣`) counts too.
    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0x41...0x5A: return Int(scalar.value - 0x41 + 10)
        case 0x61...0x7A: return Int(scalar.value - 0x61 + 10)
        default:
            guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else {
                return nil
            }
            return Int(value)
        }
    }

    private static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// `self * factor + addend` on the magnitude; false once the result exceeds `maximumDigits`.
    private mutating func multiplyAdd(factor: UInt32, addend: UInt32) -> Bool {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(product % Self.limbBase)
            carry = product / Self.limbBase
        }
        while carry > 0 {
            limbs.append(UInt32(carry % Self.limbBase))
            carry /= Self.limbBase
        }
        return limbs.count * 9 <= Self.maximumDigits + 9
    }

    /// `self * 60 + part`, for sexagesimal integers such as `1:30:00`; nil when too large.
    func sexagesimalStep(adding part: PythonInteger) -> PythonInteger? {
        var shifted = self
        guard shifted.multiplyAdd(factor: 60, addend: 0) else { return nil }
        return shifted.adding(part)
    }

    func negated() -> PythonInteger {
        var copy = self
        copy.isNegative = !isNegative && !limbs.isEmpty
        return copy
    }

    private func adding(_ other: PythonInteger) -> PythonInteger {
        if isNegative == other.isNegative {
            var sum = PythonInteger(0)
            var carry: UInt64 = 0
            for index in 0..<max(limbs.count, other.limbs.count) {
                let total = UInt64(limbs.indices.contains(index) ? limbs[index] : 0)
                    + UInt64(other.limbs.indices.contains(index) ? other.limbs[index] : 0) + carry
                sum.limbs.append(UInt32(total % Self.limbBase))
                carry = total / Self.limbBase
            }
            if carry > 0 { sum.limbs.append(UInt32(carry)) }
            sum.isNegative = isNegative
            return sum
        }
        let (larger, smaller) = Self.magnitudeLess(limbs, other.limbs) ? (other, self) : (self, other)
        var difference = PythonInteger(0)
        var borrow: Int64 = 0
        for index in larger.limbs.indices {
            var value = Int64(larger.limbs[index]) - borrow
                - Int64(smaller.limbs.indices.contains(index) ? smaller.limbs[index] : 0)
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += Int64(Self.limbBase) }
            difference.limbs.append(UInt32(value))
        }
        while difference.limbs.last == 0 { difference.limbs.removeLast() }
        difference.isNegative = larger.isNegative && !difference.limbs.isEmpty
        return difference
    }

    private static func magnitudeLess(_ lhs: [UInt32], _ rhs: [UInt32]) -> Bool {
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        for index in lhs.indices.reversed() where lhs[index] != rhs[index] { return lhs[index] < rhs[index] }
        return false
    }

    /// The decimal digits, with a leading `-` when negative.
    var decimalText: String {
        guard let top = limbs.last else { return "0" }
        var text = isNegative ? "-" : ""
        text += String(top)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    /// `.int` when it fits, `.bigInt` with the exact digits otherwise; nil beyond Python's digit limit.
    var dataValue: DataValue? {
        let text = decimalText
        if let small = Int(text) { return .int(small) }
        guard text.utf8.count - (isNegative ? 1 : 0) <= Self.maximumDigits else { return nil }
        return .bigInt(text)
    }
}

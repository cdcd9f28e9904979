/// A Python `int` of any size up to Python's printable limit: the integers of YAML, JSON and INI literals
/// that may not fit in `Int` (they reach inventory data as `DataValue.bigInt`, exact decimal digits).
///
/// Kept canonical (no high zero limbs, zero never negative), so the synthesized `==` and `hash(into:)` are
/// Python's integer equality. Values stay close to Python's 4300-digit limit for integer string conversion:
/// building or growing one far beyond it fails instead, which also keeps the quadratic arithmetic cheap.
package struct PythonInteger: Hashable, Sendable {
    /// Python refuses to convert integers with more decimal digits than this to or from text
    /// (`sys.int_info.default_max_str_digits`).
    package static let maximumDigits = 4300
    package static let limbBase: UInt64 = 1_000_000_000
    /// Any value with more limbs than this has more than `maximumDigits` digits.
    private static let maximumLimbs = (maximumDigits + 8) / 9

    private(set) var isNegative = false
    /// Base 10⁹ limbs, least significant first, without high zero limbs; empty for zero.
    private(set) var limbs: [UInt32] = []

    package init(_ value: Int) {
        isNegative = value < 0
        var magnitude = value.magnitude
        while magnitude > 0 {
            limbs.append(UInt32(magnitude % UInt(Self.limbBase)))
            magnitude /= UInt(Self.limbBase)
        }
    }

    /// The non-negative integer written with `digits` (each below `radix`, most significant first); nil when
    /// it has more than `maximumDigits` decimal digits, leading zeros not counted.
    package init?(digits: some Collection<UInt8>, radix: Int) {
        let significant = digits.drop { $0 == 0 }
        if radix == 10 && significant.count > Self.maximumDigits { return nil }
        // Several digits per pass: a chunk's factor stays at most 10⁹, so limb products fit in UInt64.
        var chunk: UInt32 = 0
        var factor: UInt32 = 1
        for digit in significant {
            chunk = chunk * UInt32(radix) + UInt32(digit)
            factor *= UInt32(radix)
            if UInt64(factor) * UInt64(radix) > Self.limbBase {
                guard multiplyAdd(factor: factor, addend: chunk) else { return nil }
                (chunk, factor) = (0, 1)
            }
        }
        guard factor == 1 || multiplyAdd(factor: factor, addend: chunk), decimalDigitCount <= Self.maximumDigits
        else { return nil }
    }

    /// `self * factor + part`, as in YAML's sexagesimal integers (`1:30:00`); nil when far too large.
    package func multiplied(by factor: UInt32, adding part: PythonInteger) -> PythonInteger? {
        var shifted = self
        guard shifted.multiplyAdd(factor: factor, addend: 0) else { return nil }
        return shifted.adding(part)
    }

    package func negated() -> PythonInteger {
        var copy = self
        copy.isNegative = !isNegative && !limbs.isEmpty
        return copy
    }

    /// The value when it fits in `Int`.
    package var intValue: Int? {
        guard limbs.count <= 3 else { return nil }
        var magnitude: UInt64 = 0
        for limb in limbs.reversed() {
            let (scaled, overflow1) = magnitude.multipliedReportingOverflow(by: Self.limbBase)
            let (sum, overflow2) = scaled.addingReportingOverflow(UInt64(limb))
            guard !overflow1 && !overflow2 else { return nil }
            magnitude = sum
        }
        if isNegative { return magnitude <= UInt64(Int.max) + 1 ? 0 &- Int(truncatingIfNeeded: magnitude) : nil }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// The number of decimal digits, without sign; 1 for zero.
    package var decimalDigitCount: Int {
        guard let top = limbs.last else { return 1 }
        return (limbs.count - 1) * 9 + String(top).utf8.count
    }

    /// The decimal digits, with a leading `-` when negative.
    package var decimalText: String {
        guard let top = limbs.last else { return "0" }
        var text = isNegative ? "-" : ""
        text += String(top)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    /// `.int` when it fits, `.bigInt` with the exact digits otherwise; nil beyond Python's digit limit, where
    /// `ansible-inventory` fails to print the value.
    package var dataValue: DataValue? {
        if let small = intValue { return .int(small) }
        guard decimalDigitCount <= Self.maximumDigits else { return nil }
        return .bigInt(decimalText)
    }

    // MARK: - Arithmetic on limbs

    /// `self * factor + addend` on the magnitude (`factor` at most 10⁹); false once the result is certainly
    /// beyond `maximumDigits`.
    package mutating func multiplyAdd(factor: UInt32, addend: UInt32) -> Bool {
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
        return limbs.count <= Self.maximumLimbs
    }

    private func adding(_ other: PythonInteger) -> PythonInteger {
        if isNegative == other.isNegative {
            var sum = PythonInteger(0)
            var carry: UInt64 = 0
            for index in 0..<max(limbs.count, other.limbs.count) {
                let total =
                    UInt64(limbs.indices.contains(index) ? limbs[index] : 0)
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
            var value =
                Int64(larger.limbs[index]) - borrow
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
}

/// Conversions between `PythonInteger` and `Double` as Python makes them: `float(int)` for complex sums in
/// INI literals, and the integer equal to an integral float for dict keys and set elements (`1.0 == 1`).
extension PythonInteger {
    /// The exact value of an integral, finite `Double`.
    package init(exactly value: Double) {
        if let small = Int(exactly: value) {
            self.init(small)
            return
        }
        // Beyond Int the value is significand × 2^shift with an integral 53-bit significand and shift > 0.
        self.init(Int((UInt64(1) << 52) | value.significandBitPattern))
        var shift = Int(value.exponent) - 52
        while shift > 0 {
            let step = min(shift, 29)  // 2^29 is the largest power of two at most 10⁹
            _ = multiplyAdd(factor: 1 << step, addend: 0)
            shift -= step
        }
        if value < 0 { self = negated() }
    }

    /// Python's `float(int)`: correctly rounded; nil where Python raises `OverflowError`.
    package var doubleValue: Double? {
        if let small = intValue { return Double(small) }
        guard let value = Double(decimalText), value.isFinite else { return nil }
        return value
    }
}

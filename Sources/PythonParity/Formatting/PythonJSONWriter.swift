/// Writes `DataValue`s byte-for-byte as Python's `json.dumps` does, in two flavours: plain
/// `json.dumps(sort_keys=True, indent=4)` and the way `ansible-inventory --list` calls it.
///
/// Everything is written into one growing UTF-8 byte buffer (`PythonJSONOutput`); the `String` entry
/// points convert once at the end.
package enum PythonJSONWriter {
    /// `json.dumps(value, sort_keys=True, indent=4)`: ASCII-only output, keys sorted by their Python value.
    package static func pretty(_ value: DataValue) -> String {
        text(value, format: .pretty)
    }

    /// `json.dumps(value, sort_keys=True)`: one line, `", "` and `": "` separators.
    package static func compact(_ value: DataValue) -> String {
        text(value, format: .compact)
    }

    /// What `ansible-inventory` prints (ansible-core 2.19's legacy inventory encoder): UTF-8 kept as is
    /// (`ensure_ascii=False`), and non-string keys turned into JSON text (`1`, `true`, `null`) before the
    /// keys are sorted, so they sort as strings.
    package static func ansibleInventory(_ value: DataValue) -> String {
        text(value, format: .ansibleInventory)
    }

    private static func text(_ value: DataValue, format: PythonJSONFormat) -> String {
        var output = PythonJSONOutput(format: format)
        output.write(value, depth: 0)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Python converts keys to strings (`True` → `"true"`, `1.5` → `"1.5"`, `None` → `"null"`) and sorts
    /// the original keys: numbers numerically, strings by code point. Ansible's encoder converts first
    /// and so sorts every key as a string. Python's sort is stable, and so is Swift's.
    package static func sortedEntries(
        _ mapping: DataMapping, stringifyKeysFirst: Bool
    ) -> [(key: String, value: DataValue)] {
        if stringifyKeysFirst {
            var entries: [(key: String, value: DataValue)] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in zip(mapping.keys, mapping.values) { entries.append((keyText(key), value)) }
            entries.sort { String.pythonOrder($0.key, $1.key) }
            return entries
        }
        let entries = mapping.entries.sorted { lhs, rhs in keyPrecedes(lhs.key, rhs.key) }
        return entries.map { (key: keyText($0.key), value: $0.value) }
    }

    /// A mapping key as the JSON text Python writes for it.
    package static func keyText(_ key: DataValue) -> String {
        switch key {
        case .string(let text): return text
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .float(let number): return PythonFloatFormat.json(number)
        default: return key.scalarText
        }
    }

    private static func keyPrecedes(_ lhs: DataValue, _ rhs: DataValue) -> Bool {
        if let left = numericKey(lhs), let right = numericKey(rhs) { return left < right }
        if case .string(let left) = lhs, case .string(let right) = rhs { return String.pythonOrder(left, right) }
        // Python refuses to sort mixed key kinds; any fixed order will do here.
        return String.pythonOrder(keyText(lhs), keyText(rhs))
    }

    private static func numericKey(_ value: DataValue) -> Double? {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return Double(number)
        case .float(let number): return number
        case .bigInt(let digits): return Double(digits)
        default: return nil
        }
    }
}

/// Which `json.dumps` call to imitate.
package struct PythonJSONFormat: Sendable {
    /// Spaces per level, or nil for one line.
    package let indent: Int?
    /// `ensure_ascii`: escape DEL and everything beyond ASCII.
    package let asciiOnly: Bool
    /// Ansible's encoder turns keys into strings before `sort_keys` sorts them.
    package let stringifyKeysFirst: Bool

    package static let pretty = PythonJSONFormat(indent: 4, asciiOnly: true, stringifyKeysFirst: false)
    package static let compact = PythonJSONFormat(indent: nil, asciiOnly: true, stringifyKeysFirst: false)
    package static let ansibleInventory = PythonJSONFormat(indent: 4, asciiOnly: false, stringifyKeysFirst: true)
}

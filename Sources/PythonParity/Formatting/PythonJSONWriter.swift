/// Writes `DataValue`s byte-for-byte as Python's `json.dumps` does, in two flavours: plain
/// `json.dumps(sort_keys=True, indent=4)` and the way `ansible-inventory --list` calls it.
package enum PythonJSONWriter {
    /// `json.dumps(value, sort_keys=True, indent=4)`: ASCII-only output, keys sorted by their Python value.
    static func pretty(_ value: DataValue) -> String {
        var output = ""
        write(value, format: Format(indent: 4, asciiOnly: true), depth: 0, into: &output)
        return output
    }

    /// `json.dumps(value, sort_keys=True)`: one line, `", "` and `": "` separators.
    package static func compact(_ value: DataValue) -> String {
        var output = ""
        write(value, format: Format(indent: nil, asciiOnly: true), depth: 0, into: &output)
        return output
    }

    /// What `ansible-inventory` prints (ansible-core 2.19's legacy inventory encoder): UTF-8 kept as is
    /// (`ensure_ascii=False`), and non-string keys turned into JSON text (`1`, `true`, `null`) before the
    /// keys are sorted, so they sort as strings.
    package static func ansibleInventory(_ value: DataValue) -> String {
        var output = ""
        write(value, format: Format(indent: 4, asciiOnly: false, stringifyKeysFirst: true), depth: 0, into: &output)
        return output
    }

    private struct Format {
        let indent: Int?
        let asciiOnly: Bool
        /// Ansible's encoder turns keys into strings before `sort_keys` sorts them.
        var stringifyKeysFirst = false
    }

    private static func write(_ value: DataValue, format: Format, depth: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .bigInt(let digits): output += digits
        case .float(let number): output += PythonFloatFormat.json(number)
        case .string(let text): appendQuoted(text, asciiOnly: format.asciiOnly, to: &output)
        case .list(let elements):
            writeContainer(
                open: "[", close: "]", count: elements.count, indent: format.indent, depth: depth,
                into: &output
            ) { position, output in
                write(elements[position], format: format, depth: depth + 1, into: &output)
            }
        case .mapping(let mapping):
            let sorted = sortedEntries(mapping, stringifyKeysFirst: format.stringifyKeysFirst)
            writeContainer(
                open: "{", close: "}", count: sorted.count, indent: format.indent, depth: depth,
                into: &output
            ) { position, output in
                appendQuoted(sorted[position].key, asciiOnly: format.asciiOnly, to: &output)
                output += ": "
                write(sorted[position].value, format: format, depth: depth + 1, into: &output)
            }
        }
    }

    private static func writeContainer(
        open: String, close: String, count: Int, indent: Int?, depth: Int, into output: inout String,
        element: (Int, inout String) -> Void
    ) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        let innerPad = indent.map { "\n" + String(repeating: " ", count: $0 * (depth + 1)) } ?? ""
        let outerPad = indent.map { "\n" + String(repeating: " ", count: $0 * depth) } ?? ""
        let separator = indent == nil ? ", " : ","
        for position in 0..<count {
            output += (position == 0 ? "" : separator) + innerPad
            element(position, &output)
        }
        output += outerPad + close
    }

    /// Python converts keys to strings (`True` → `"true"`, `1.5` → `"1.5"`, `None` → `"null"`) and sorts
    /// the original keys: numbers numerically, strings by code point. Ansible's encoder converts first
    /// and so sorts every key as a string.
    private static func sortedEntries(
        _ mapping: DataMapping, stringifyKeysFirst: Bool
    ) -> [(key: String, value: DataValue)] {
        if stringifyKeysFirst {
            let entries = mapping.entries.map { (key: keyText($0.key), value: $0.value) }
            return entries.sorted { String.pythonOrder($0.key, $1.key) }
        }
        let entries = mapping.entries.sorted { lhs, rhs in keyPrecedes(lhs.key, rhs.key) }
        return entries.map { (key: keyText($0.key), value: $0.value) }
    }

    private static func keyText(_ key: DataValue) -> String {
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

    /// `json.dumps` string quoting: control characters are escaped; with `ensure_ascii` (`asciiOnly`) also
    /// DEL and everything beyond ASCII, as `\uXXXX` (surrogate pairs above U+FFFF). `/` is left alone.
    static func appendQuoted(_ text: String, asciiOnly: Bool, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
                    appendUnicodeEscape(scalar.value, to: &output)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func appendUnicodeEscape(_ value: UInt32, to output: inout String) {
        if value > 0xFFFF {
            let offset = value - 0x10000
            appendUnicodeEscape(0xD800 + (offset >> 10), to: &output)
            appendUnicodeEscape(0xDC00 + (offset & 0x3FF), to: &output)
            return
        }
        let hex = String(value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

import K8sUpReaders
import PythonParity

/// Writes the fake apiserver's JSON bodies: one line, keys sorted by code point, `", "` and `": "`
/// between items, everything outside printable ASCII escaped. Clients only parse it, but tests compare
/// bodies as text, so the layout stays fixed.
enum SimJSONWriter {
    static func compact(_ value: DataValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private static func write(_ value: DataValue, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .bigInt(let digits): output += digits
        // JSON has no NaN or infinity; the simulator never stores one, so null is only a safe fallback.
        case .float(let number): output += number.isFinite ? String(number) : "null"
        case .string(let text): quote(text, into: &output)
        case .list(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += ", " }
                write(element, into: &output)
            }
            output += "]"
        case .mapping(let mapping):
            let entries = mapping.entries.map { (key: keyText($0.key), value: $0.value) }
                .sorted { Array($0.key.unicodeScalars).lexicographicallyPrecedes(Array($1.key.unicodeScalars)) }
            output += "{"
            for (position, entry) in entries.enumerated() {
                if position > 0 { output += ", " }
                quote(entry.key, into: &output)
                output += ": "
                write(entry.value, into: &output)
            }
            output += "}"
        }
    }

    private static func keyText(_ key: DataValue) -> String {
        switch key {
        case .string(let text): return text
        case .list, .mapping: return compact(key)
        default:
            var text = ""
            write(key, into: &text)
            return text
        }
    }

    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x20...0x7E: output.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        output += "\""
    }
}

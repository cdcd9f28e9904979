/// Python's `str()` and `repr()` of a `DataValue`, used where Ansible prints values with `%s`
/// (`ansible-inventory --graph --vars` shows `{ntp_servers = ['0.pool.ntp.org iburst']}`).
package enum PythonRepr {
    /// `str(value)`: strings as they are, everything else as `repr`.
    package static func str(_ value: DataValue) -> String {
        if case .string(let text) = value { return text }
        return repr(value)
    }

    /// `repr(value)`: quoted strings, `True`/`False`/`None`, lists and dicts in insertion order.
    package static func repr(_ value: DataValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .bigInt(let digits): return digits
        case .float(let number): return PythonFloatFormat.repr(number)
        case .string(let text): return quote(text)
        case .list(let elements): return "[" + elements.map(repr).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.entries.map { repr($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Python's string repr: single quotes unless the text has a single quote and no double quote;
    /// non-printable characters escaped as `\n`, `\xNN`, `\uNNNN`, `\UNNNNNNNN`.
    package static func quote(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var output = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if Character(scalar) == quote {
                    output += "\\" + String(quote)
                } else if PythonCharacters.isPrintable(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += escape(scalar.value)
                }
            }
        }
        output.append(quote)
        return output
    }

    private static func escape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        if value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

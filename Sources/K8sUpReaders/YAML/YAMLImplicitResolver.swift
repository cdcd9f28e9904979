/// PyYAML's YAML 1.1 implicit resolvers (`yaml/resolver.py`), hand-compiled: which tag a plain scalar
/// gets from its text alone.
///
/// The regular expressions are matched exactly, including their quirks: `1e3` is a string (a float needs
/// a dot, and an exponent needs a sign), `0o17` is a string but `017` is octal, `1:30` is 90, `y`/`n` are
/// strings. As with Python's `re.match(...$)`, a single trailing newline is ignored (this only matters
/// for the re-resolution Ansible's `!unsafe` does on quoted and block scalars).
enum YAMLImplicitResolver {
    static func resolve(_ text: String) -> YAMLTag {
        var text = text
        return text.withUTF8 { resolve(bytes: $0) }
    }

    static func resolve(bytes: UnsafeBufferPointer<UInt8>) -> YAMLTag {
        guard let first = bytes.first else { return .null }
        var tag = resolve(bytes: bytes, first: first)
        if tag == nil && bytes.last == UInt8(ascii: "\n") {
            tag = resolve(bytes: UnsafeBufferPointer(rebasing: bytes.dropLast()), first: first)
        }
        return tag ?? .str
    }

    /// Tries the resolvers registered for `first` in PyYAML's order (bool, float, int, merge, null,
    /// timestamp, value).
    private static func resolve(bytes: UnsafeBufferPointer<UInt8>, first: UInt8) -> YAMLTag? {
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
            UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return isBool(bytes) ? .bool : nil
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if isBool(bytes) { return .bool }
            return isNull(bytes) ? .null : nil
        case UInt8(ascii: "~"):
            return isNull(bytes) ? .null : nil
        case UInt8(ascii: "<"):
            return bytes.elementsEqual("<<".utf8) ? .merge : nil
        case UInt8(ascii: "="):
            return bytes.count == 1 ? .value : nil
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if isFloat(bytes) { return .float }
            if first != UInt8(ascii: "."), isInt(bytes) { return .int }
            if isDigit(first), isTimestamp(bytes) { return .timestamp }
            return nil
        default:
            return nil
        }
    }

    private static let boolWords: [String] = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static func isBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 5 && boolWords.contains { bytes.elementsEqual($0.utf8) }
    }

    private static let nullWords = ["~", "null", "Null", "NULL"]
    private static let infinityWords = ["inf", "Inf", "INF"]
    private static let notANumberWords = ["nan", "NaN", "NAN"]

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        nullWords.contains { bytes.elementsEqual($0.utf8) }
    }

    static func isDigit(_ value: UInt8) -> Bool { value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9") }

    private static func isDigitOrUnderscore(_ value: UInt8) -> Bool { isDigit(value) || value == UInt8(ascii: "_") }

    /// `[-+]?([0-9][0-9_]*)?\.…`, `\.(inf|nan)`, sexagesimal `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`.
    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        let signed = bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")
        if signed { index = 1 }
        guard index < count else { return false }
        if bytes[index] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
            if infinityWords.contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            if signed { return false }
            if notANumberWords.contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            index += 1
            guard index < count, isDigit(bytes[index]) else { return false }
            while index < count && isDigitOrUnderscore(bytes[index]) { index += 1 }
            return matchesExponentToEnd(bytes, from: index)
        }
        guard isDigit(bytes[index]) else { return false }
        while index < count && isDigitOrUnderscore(bytes[index]) { index += 1 }
        guard index < count else { return false }
        if bytes[index] == UInt8(ascii: ":") {
            guard let afterGroups = sexagesimalGroupsEnd(bytes, from: index), afterGroups < count,
                bytes[afterGroups] == UInt8(ascii: ".")
            else { return false }
            return bytes[(afterGroups + 1)...].allSatisfy(isDigitOrUnderscore)
        }
        guard bytes[index] == UInt8(ascii: ".") else { return false }
        index += 1
        while index < count && isDigitOrUnderscore(bytes[index]) { index += 1 }
        return matchesExponentToEnd(bytes, from: index)
    }

    /// `(?:[eE][-+][0-9]+)?$` from `index`.
    private static func matchesExponentToEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        let count = bytes.count
        if index == count { return true }
        guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"), index + 2 < count,
            bytes[index + 1] == UInt8(ascii: "-") || bytes[index + 1] == UInt8(ascii: "+")
        else { return false }
        return bytes[(index + 2)...].allSatisfy(isDigit)
    }

    /// Matches `(?::[0-5]?[0-9])+` from `index` (at a ':') and returns where the groups end.
    private static func sexagesimalGroupsEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = bytes.count
        var index = start
        var groups = 0
        while index < count && bytes[index] == UInt8(ascii: ":") {
            guard index + 1 < count, isDigit(bytes[index + 1]) else { break }
            if index + 2 < count, bytes[index + 1] <= UInt8(ascii: "5"), isDigit(bytes[index + 2]) {
                index += 3
            } else {
                index += 2
            }
            groups += 1
        }
        return groups > 0 ? index : nil
    }

    /// `0b[01_]+`, `0[0-7_]+`, `0`, `[1-9][0-9_]*`, `0x[0-9a-fA-F_]+`, `[1-9][0-9_]*(:[0-5]?[0-9])+`,
    /// each with an optional sign.
    private static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") ? 1 : 0
        guard index < count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            guard index < count else { return true }
            let rest = bytes[(index + 1)...]
            switch bytes[index] {
            case UInt8(ascii: "b"):
                return !rest.isEmpty && rest.allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "x"):
                return !rest.isEmpty && rest.allSatisfy { $0 == UInt8(ascii: "_") || $0.isASCIIHexDigit }
            default:
                return bytes[index...].allSatisfy { ($0 >= 0x30 && $0 <= 0x37) || $0 == UInt8(ascii: "_") }
            }
        }
        guard isDigit(bytes[index]) else { return false }
        while index < count && isDigitOrUnderscore(bytes[index]) { index += 1 }
        if index == count { return true }
        guard bytes[index] == UInt8(ascii: ":") else { return false }
        return sexagesimalGroupsEnd(bytes, from: index) == count
    }

    /// The resolver's timestamp pattern: `YYYY-MM-DD` exactly, or a date (1–2 digit month and day) with a
    /// time.
    private static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || isDigit($0.element) })
        {
            return true
        }
        return YAMLTimestamp.parse(bytes)?.hasTime == true
    }
}

extension UInt8 {
    /// `[0-9a-fA-F]`.
    fileprivate var isASCIIHexDigit: Bool {
        (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
            || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}

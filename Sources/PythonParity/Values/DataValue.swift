/// A loosely typed data tree: what a YAML document, an INI inventory value or a JSON document becomes.
///
/// The kinds are Python's (None, bool, int, float, str, list, dict) because Ansible defines inventory
/// semantics, and prints `ansible-inventory --list`, in Python's terms. Integers that do not fit in
/// `Int` keep their exact decimal digits in `.bigInt`, so nothing is rounded or lost.
///
/// Equality is structural and kind-sensitive (`.int(1) != .float(1.0)`), because the kind decides how
/// a value prints. Mappings compare like Python dicts: the same keys and values, in any order.
package enum DataValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer outside `Int`'s range, as optional `-` plus decimal digits without leading zeros.
    case bigInt(String)
    case float(Double)
    case string(String)
    case list([DataValue])
    case mapping(DataMapping)

    /// The string, if this is a string.
    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The mapping, if this is a mapping.
    package var mappingValue: DataMapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    /// The elements, if this is a list.
    package var listValue: [DataValue]? {
        if case .list(let elements) = self { return elements }
        return nil
    }

    /// True for `.null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Python's truthiness: empty strings, collections, zero and None are false.
    package var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .bigInt: return true
        case .float(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .list(let elements): return !elements.isEmpty
        case .mapping(let mapping): return !mapping.isEmpty
        }
    }

    /// A short name of the kind, in Python's words, for error messages ("expected a mapping, got a list").
    package var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .bigInt: return "integer"
        case .float: return "float"
        case .string: return "string"
        case .list: return "list"
        case .mapping: return "mapping"
        }
    }

    /// The value as text the way Python's `str()` shows scalars; used where Ansible stringifies a value
    /// (a host name written as a YAML integer, a port). Collections render as compact JSON.
    package var scalarText: String {
        switch self {
        case .list, .mapping: return PythonJSONWriter.compact(self)
        default: return PythonRepr.str(self)
        }
    }
}

extension DataValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(floatLiteral value: Double) { self = .float(value) }
    package init(arrayLiteral elements: DataValue...) { self = .list(elements) }
    package init(nilLiteral: ()) { self = .null }
    package init(dictionaryLiteral elements: (String, DataValue)...) {
        var mapping = DataMapping()
        for (key, value) in elements { mapping[key] = value }
        self = .mapping(mapping)
    }
}

/// A value `ast.literal_eval` can produce, before Ansible coerces it into inventory data: Python's own
/// kinds, including the ones inventory data cannot hold (complex, bytes, tuple, set, `...`).
///
/// Strings are code points, not `String`, because a Python `str` may hold lone surrogates (`'\ud800'`).
package indirect enum PythonObject: Equatable, Sendable {
    case none
    case bool(Bool)
    case int(PythonInteger)
    /// An integer with more than 4300 decimal digits, written in hex, octal or binary: Python parses it,
    /// but Ansible cannot print it (`int` to `str` refuses that many digits). Kept as hex digits.
    case hugeInt(negative: Bool, hexDigits: String)
    case float(Double)
    case complex(real: Double, imaginary: Double)
    case str([UInt32])
    case bytes([UInt8])
    case ellipsis
    case tuple([PythonObject])
    case list([PythonObject])
    /// Elements in the order Python iterates the set.
    case set([PythonObject])
    case dict(PythonDict)

    /// Python's name of the type, for messages.
    var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .hugeInt: return "int"
        case .float: return "float"
        case .complex: return "complex"
        case .str: return "str"
        case .bytes: return "bytes"
        case .ellipsis: return "ellipsis"
        case .tuple: return "tuple"
        case .list: return "list"
        case .set: return "set"
        case .dict: return "dict"
        }
    }

    /// What Python compares and hashes when this is a dict key or set element; nil where Python raises
    /// `TypeError: unhashable type` (lists, sets, dicts, and tuples containing them).
    var hashKey: HashKey? {
        switch self {
        case .none: return HashKey.none
        case .ellipsis: return .ellipsis
        case .bool(let flag): return .integer(PythonInteger(flag ? 1 : 0))
        case .int(let integer): return .integer(integer)
        case .hugeInt(let negative, let digits): return .hugeInteger(negative: negative, hexDigits: digits)
        case .float(let value): return HashKey.number(value)
        case .complex(let real, let imaginary):
            guard imaginary == 0 else { return .complex(real: real == 0 ? 0 : real, imaginary: imaginary) }
            return HashKey.number(real)
        case .str(let codePoints): return .str(codePoints)
        case .bytes(let bytes): return .bytes(bytes)
        case .tuple(let elements):
            var keys: [HashKey] = []
            for element in elements {
                guard let key = element.hashKey else { return nil }
                keys.append(key)
            }
            return .tuple(keys)
        case .list, .set, .dict: return nil
        }
    }

    /// CPython's `hash()` where it is the same in every process: numbers and tuples of numbers. Nil for
    /// strings, bytes, `None` and `...`, whose hashes are randomised per process.
    var stableHash: Int64? {
        switch self {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let integer): return PythonHash.integer(integer)
        case .float(let value): return PythonHash.double(value)
        case .complex(let real, let imaginary): return PythonHash.complex(real: real, imaginary: imaginary)
        case .tuple(let elements):
            var hashes: [Int64] = []
            for element in elements {
                guard let hash = element.stableHash else { return nil }
                hashes.append(hash)
            }
            return PythonHash.tuple(hashes)
        default: return nil
        }
    }

    /// Python's equality and hashing of dict keys and set elements: `1 == 1.0 == True == (1+0j)`.
    package enum HashKey: Hashable {
        case none
        case ellipsis
        case integer(PythonInteger)
        case hugeInteger(negative: Bool, hexDigits: String)
        case float(Double)
        case complex(real: Double, imaginary: Double)
        case str([UInt32])
        case bytes([UInt8])
        case tuple([HashKey])

        /// A real number: integral values compare equal to the integer.
        static func number(_ value: Double) -> HashKey {
            guard value.isFinite, value.rounded(.towardZero) == value else { return .float(value) }
            return .integer(PythonInteger(exactly: value))
        }
    }
}

/// A Python `dict`: insertion-ordered; assigning an existing key (by Python equality) keeps the first
/// key object and its position and replaces the value.
package struct PythonDict: Equatable, Sendable {
    private(set) var keys: [PythonObject] = []
    private(set) var values: [PythonObject] = []
    private var positions: [PythonObject.HashKey: Int] = [:]

    package mutating func set(_ value: PythonObject, for key: PythonObject, hashKey: PythonObject.HashKey) {
        if let position = positions[hashKey] {
            values[position] = value
        } else {
            positions[hashKey] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    package static func == (lhs: PythonDict, rhs: PythonDict) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}

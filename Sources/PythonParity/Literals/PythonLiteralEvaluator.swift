/// Python 3.11's `ast.literal_eval` conversion (`_convert` and friends in `Lib/ast.py`) over a parsed
/// literal, in the same order, so that the same input fails the same way.
///
/// `nil` stands for Python's `ValueError` ("malformed node or string"), which Ansible turns into "use the
/// text as a string". Exceptions Ansible does not catch (`TypeError` for an unhashable dict key or set
/// element, `OverflowError` when an integer is too large for a float in `1e400 + 1j`-style sums) are
/// thrown, because Ansible fails the whole inventory on them.
enum PythonLiteralEvaluator {
    static func evaluate(_ node: PythonLiteralNode) throws(PythonLiteralError) -> PythonObject? {
        switch node {
        case .constant(let value):
            return value
        case .tuple(let elements):
            return try convertAll(elements).map(PythonObject.tuple)
        case .list(let elements):
            return try convertAll(elements).map(PythonObject.list)
        case .set(let elements):
            return try set(elements)
        case .emptySetCall:
            return .set([])
        case .dict(let keys, let values):
            return try dict(keys: keys, values: values)
        case .binary(let subtract, let left, let right):
            return try complexSum(subtract: subtract, left: left, right: right)
        case .name, .unary, .notLiteral:
            return signedNumber(node)
        }
    }

    private static func convertAll(_ nodes: [PythonLiteralNode]) throws(PythonLiteralError) -> [PythonObject]? {
        var values: [PythonObject] = []
        for node in nodes {
            guard let value = try evaluate(node) else { return nil }
            values.append(value)
        }
        return values
    }

    /// `set(map(_convert, elts))`: convert and add one element at a time.
    private static func set(_ nodes: [PythonLiteralNode]) throws(PythonLiteralError) -> PythonObject? {
        var elements: [PythonObject] = []
        var seen: Set<PythonObject.HashKey> = []
        for node in nodes {
            guard let element = try evaluate(node) else { return nil }
            guard let key = element.hashKey else { throw .unhashable(element.typeName) }
            if seen.insert(key).inserted { elements.append(element) }
        }
        let hashes = elements.compactMap(\.stableHash)
        // Without stable hashes (strings, None…) Python's order changes from run to run; keep source order.
        guard hashes.count == elements.count else { return .set(elements) }
        return .set(PythonHash.setIterationOrder(hashes).map { elements[$0] })
    }

    /// `dict(zip(map(_convert, keys), map(_convert, values)))`: key, value, insert, next key…
    private static func dict(
        keys: [PythonLiteralNode], values: [PythonLiteralNode]
    ) throws(PythonLiteralError) -> PythonObject? {
        var result = PythonDict()
        for (keyNode, valueNode) in zip(keys, values) {
            guard let key = try evaluate(keyNode), let value = try evaluate(valueNode) else { return nil }
            guard let hashKey = key.hashKey else { throw .unhashable(key.typeName) }
            result.set(value, for: key, hashKey: hashKey)
        }
        return .dict(result)
    }

    /// `_convert_num`: a constant int, float or complex (not bool).
    private static func number(_ node: PythonLiteralNode) -> PythonObject? {
        guard case .constant(let value) = node else { return nil }
        switch value {
        case .int, .hugeInt, .float, .complex: return value
        default: return nil
        }
    }

    /// `_convert_signed_num`: a number, or `+`/`-` applied to one.
    private static func signedNumber(_ node: PythonLiteralNode) -> PythonObject? {
        guard case .unary(let negate, let operand) = node else { return number(node) }
        guard let value = number(operand) else { return nil }
        guard negate else { return value }
        switch value {
        case .int(let integer): return .int(integer.negated())
        case .hugeInt(let negative, let digits): return .hugeInt(negative: !negative, hexDigits: digits)
        case .float(let float): return .float(-float)
        case .complex(let real, let imaginary): return .complex(real: -real, imaginary: -imaginary)
        default: return nil
        }
    }

    /// The `BinOp` case: only real ± complex is a literal (`1+2j`), computed as CPython's `complex_add`
    /// and `complex_sub` do after converting the real operand to `complex(x, 0.0)`.
    private static func complexSum(
        subtract: Bool, left: PythonLiteralNode, right: PythonLiteralNode
    ) throws(PythonLiteralError) -> PythonObject? {
        guard let leftValue = signedNumber(left), let rightValue = number(right),
            case .complex(let real, let imaginary) = rightValue
        else { return nil }
        let leftReal: Double
        switch leftValue {
        case .float(let value):
            leftReal = value
        case .int(let integer):
            guard let value = integer.doubleValue else { throw .integerTooLargeForFloat }
            leftReal = value
        case .hugeInt:
            throw .integerTooLargeForFloat
        default:
            return nil
        }
        return subtract
            ? .complex(real: leftReal - real, imaginary: 0.0 - imaginary)
            : .complex(real: leftReal + real, imaginary: 0.0 + imaginary)
    }
}

/// Why a value that Python's `ast.literal_eval` accepts cannot become inventory data: either Ansible
/// itself fails on it, or k8sup cannot represent what Ansible would store.
package enum PythonLiteralError: Error, Equatable, CustomStringConvertible {
    /// `TypeError: unhashable type` (a list, dict or set as a dict key or set element); Ansible fails.
    case unhashable(String)
    /// `OverflowError: int too large to convert to float`; Ansible fails.
    case integerTooLargeForFloat
    /// An integer of more than 4300 decimal digits; `ansible-inventory` fails when printing it.
    case integerTooLarge
    /// A dict key of a type inventory data cannot have; Ansible fails while parsing or printing.
    case unsupportedKey(String)
    /// A `str` with lone surrogates (`'\ud800'`) or `bytes` that are not UTF-8; Swift strings cannot hold
    /// what Ansible would store.
    case notUnicode

    package var description: String {
        switch self {
        case .unhashable(let type):
            return "unhashable type '\(type)' used as a dict key or set element"
        case .integerTooLargeForFloat:
            return "an integer in this complex number is too large to convert to float"
        case .integerTooLarge:
            return "an integer with more than \(PythonInteger.maximumDigits) digits cannot be used"
        case .unsupportedKey(let type):
            return "a dict key of type '\(type)' cannot be used (only strings, numbers, booleans and None)"
        case .notUnicode:
            return "the value contains a lone surrogate or bytes that are not UTF-8"
        }
    }
}

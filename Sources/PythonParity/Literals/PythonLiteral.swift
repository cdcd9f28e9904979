/// The value Ansible's INI reader stores for `key=value`: `_parse_value`, i.e. Python 3.11's
/// `ast.literal_eval` followed by Ansible's `_parse_recursive_coerce_types_and_tag`.
///
/// `literal_eval` accepts numbers (`1_000`, `0x1f`, `1e3`, `2j`, `1+2j`, signs), strings and bytes with every
/// prefix, quote style and escape (adjacent literals concatenated), `True`/`False`/`None`/`...`, tuples,
/// lists, sets, dicts and `set()`; leading spaces and tabs and a trailing `# comment` are ignored. When it
/// raises `ValueError` or `SyntaxError`, Ansible keeps the text as a string. Ansible then turns tuples and
/// sets into lists, complex numbers into `str(complex)` (`'(1+2j)'`), `...` into `'...'` and bytes into text.
package enum PythonLiteral {
    /// `_parse_value(text)`: the typed value, or the text itself when it is not a Python literal.
    package static func inventoryValue(_ text: String) throws(PythonLiteralError) -> DataValue {
        try value(text) ?? .string(text)
    }

    /// The data Ansible stores for the literal `text`, or nil where `ast.literal_eval` raises `ValueError` or
    /// `SyntaxError` (Ansible then stores the text itself).
    package static func value(_ text: String) throws(PythonLiteralError) -> DataValue? {
        guard let object = try evaluate(text) else { return nil }
        return try dataValue(object)
    }

    /// `ast.literal_eval(text)`: nil where Python raises `ValueError` or `SyntaxError`.
    package static func evaluate(_ text: String) throws(PythonLiteralError) -> PythonObject? {
        let source = Array(text.unicodeScalars.drop { $0 == " " || $0 == "\t" })
        guard let lexer = PythonLiteralLexer(source), let node = PythonLiteralParser.parse(lexer.tokens),
            let object = try PythonLiteralEvaluator.evaluate(node)
        else { return nil }
        return object
    }

    /// Ansible's coercion of what `literal_eval` returned into inventory data.
    package static func dataValue(_ object: PythonObject) throws(PythonLiteralError) -> DataValue {
        switch object {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let integer):
            guard let value = integer.dataValue else { throw .integerTooLarge }
            return value
        case .hugeInt: throw .integerTooLarge
        case .float(let value): return .float(value)
        case .complex(let real, let imaginary): return .string(complexText(real: real, imaginary: imaginary))
        case .str(let codePoints): return .string(try text(codePoints))
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUnicode }
            return .string(text)
        case .ellipsis: return .string("...")
        case .tuple(let elements), .list(let elements), .set(let elements):
            var values: [DataValue] = []
            for element in elements { values.append(try dataValue(element)) }
            return .list(values)
        case .dict(let dict):
            var mapping = DataMapping()
            for (key, value) in zip(dict.keys, dict.values) {
                mapping[try dataKey(key)] = try dataValue(value)
            }
            return .mapping(mapping)
        }
    }

    /// Ansible keeps dict keys as they are; inventory data (and `ansible-inventory`'s JSON) only takes
    /// strings, numbers, booleans and None.
    private static func dataKey(_ key: PythonObject) throws(PythonLiteralError) -> DataValue {
        switch key {
        case .none, .bool, .int, .hugeInt, .float, .str: return try dataValue(key)
        default: throw .unsupportedKey(key.typeName)
        }
    }

    private static func text(_ codePoints: [UInt32]) throws(PythonLiteralError) -> String {
        var view = String.UnicodeScalarView()
        for value in codePoints {
            guard let scalar = Unicode.Scalar(value) else { throw .notUnicode }
            view.append(scalar)
        }
        return String(view)
    }

    /// Python's `str(complex)`: `1j`, `(1+2j)`, `(-0-1j)`, `(inf+nanj)`; parts print like `repr(float)`
    /// without a trailing `.0`, and the real part is left out when it is +0.
    package static func complexText(real: Double, imaginary: Double) -> String {
        if real == 0 && real.sign == .plus { return part(imaginary) + "j" }
        let imaginaryText = part(imaginary)
        let sign = imaginaryText.hasPrefix("-") ? "" : "+"
        return "(" + part(real) + sign + imaginaryText + "j)"
    }

    private static func part(_ value: Double) -> String {
        let text = PythonFloatFormat.repr(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

import K8sUpReaders
import PythonParity

/// Decodes `Decodable` values from a JSON tree parsed by `JSONReader`, the way `JSONDecoder` would,
/// but with errors an operator can act on: every `DecodingError` carries the JSON path, and its
/// description says what was expected and what was found (`expected a string, found 3`).
///
/// Foundation's `JSONDecoder` was not good enough here: its messages have no positions, some have no
/// path at all (an integer field holding `2.5` is reported as "not valid JSON" at the top), and it
/// keeps the first of two repeated keys where Python and Go keep the last. The tree keeps each value's
/// line and column, so `ClusterSnapshot` turns the path of an error back into `file:line:column`.
///
/// Unknown keys are ignored and a `null` counts as absent for optionals, as Go's `encoding/json` does
/// for the `omitempty` fields kubectl leaves out.
struct KubeTreeDecoder: Decoder {
    let node: YAMLNode
    /// The path of the container this decoder's value is in, and its key there: the full path is only
    /// built when a container or an error needs it, not for each of the many scalars decoded.
    private let parentPath: [any CodingKey]
    private let key: (any CodingKey)?

    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: YAMLNode, codingPath: [any CodingKey] = []) {
        self.node = node
        self.parentPath = codingPath
        self.key = nil
    }

    /// The decoder of the member or item at `key` of the container at `parentPath`.
    init(node: YAMLNode, parentPath: [any CodingKey], key: any CodingKey) {
        self.node = node
        self.parentPath = parentPath
        self.key = key
    }

    /// Decodes the whole tree as `type`.
    static func decode<Value: Decodable>(_ type: Value.Type, from node: YAMLNode) throws -> Value {
        try KubeTreeDecoder(node: node).decodeValue(type)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let entries = node.mappingEntries else { throw mismatch(Any.self, expected: "an object") }
        return KeyedDecodingContainer(KeyedContainer<Key>(entries: entries, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.sequenceItems else { throw mismatch([Any].self, expected: "a list") }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// A value of `type`: JSON scalars for the standard library's scalar types, maps of strings and
    /// quantities directly, else `type.init(from:)`.
    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if let value = try scalar(type) { return value }
        if let value = try map(type) { return value }
        return try Value(from: self)
    }

    /// What `found` says about this node in messages: `true`, `3`, `"text"`, `a list`.
    var foundDescription: String { Self.describe(node) }

    // MARK: - Scalars

    // Metatypes compared by identity: `case is String.Type` is a dynamic cast, and this runs for every
    // value decoded.
    private func scalar<Value>(_ type: Value.Type) throws -> Value? {
        if type == String.self { return try string() as? Value }
        if type == Bool.self { return try bool() as? Value }
        if type == Int.self { return try integer(Int.self) as? Value }
        if type == Double.self { return try double() as? Value }
        guard Self.otherScalarTypes.contains(where: { $0 == type }) else { return nil }
        switch type {
        case is Float.Type: return Float(try double()) as? Value
        case is Int64.Type: return try integer(Int64.self) as? Value
        case is Int32.Type: return try integer(Int32.self) as? Value
        case is UInt64.Type: return try integer(UInt64.self) as? Value
        case is UInt32.Type: return try integer(UInt32.self) as? Value
        case is UInt.Type: return try integer(UInt.self) as? Value
        case is Int16.Type: return try integer(Int16.self) as? Value
        case is Int8.Type: return try integer(Int8.self) as? Value
        case is UInt16.Type: return try integer(UInt16.self) as? Value
        case is UInt8.Type: return try integer(UInt8.self) as? Value
        default: return nil
        }
    }

    private static let otherScalarTypes: [Any.Type] = [
        Float.self, Int64.self, Int32.self, UInt64.self, UInt32.self, UInt.self, Int16.self, Int8.self, UInt16.self,
        UInt8.self,
    ]

    func string() throws -> String {
        guard let text = node.stringValue else { throw mismatch(String.self, expected: "a string") }
        return text
    }

    func bool() throws -> Bool {
        guard case .scalar(.bool(let flag)) = node.content else { throw mismatch(Bool.self, expected: "true or false") }
        return flag
    }

    func double() throws -> Double {
        switch node.content {
        case .scalar(.int(let number)): return Double(number)
        case .scalar(.float(let number)): return number
        case .scalar(.bigInt(let digits)):
            if let number = Double(digits) { return number }
        default: break
        }
        throw mismatch(Double.self, expected: "a number")
    }

    func integer<Number: FixedWidthInteger>(_ type: Number.Type) throws -> Number {
        if case .scalar(.int(let number)) = node.content, let exact = Number(exactly: number) { return exact }
        let range = "\(Number.min)...\(Number.max)"
        switch node.content {
        case .scalar(.int), .scalar(.bigInt):
            throw mismatch(Number.self, expected: "an integer", note: "outside the range \(range)")
        default:
            throw mismatch(Number.self, expected: "an integer")
        }
    }

    /// A type mismatch at this node (a `null` where a value is required is `valueNotFound`).
    func mismatch(_ type: Any.Type, expected: String, note: String? = nil) -> DecodingError {
        let message = "expected \(expected), found \(foundDescription)" + (note.map { " (\($0))" } ?? "")
        let context = DecodingError.Context(codingPath: codingPath, debugDescription: message)
        return node.isNull ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    /// `true`, `3`, `2.5`, `null`, a quoted string (shortened past 60 characters), `a list`, `an object`.
    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(.string(let text)), .unsafeString(let text), .vaultString(let text):
            let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
            return shown.debugDescription
        case .scalar(.float(let number)):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
            return "\(number)"
        case .scalar(let scalar): return PythonJSONWriter.compact(scalar)
        case .sequence(let items): return items.isEmpty ? "an empty list" : "a list"
        case .mapping(let entries): return entries.isEmpty ? "an empty object" : "an object"
        }
    }
}

extension KubeTreeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { node.isNull }
    package func decode(_ type: Bool.Type) throws -> Bool { try bool() }
    package func decode(_ type: String.Type) throws -> String { try string() }
    package func decode(_ type: Double.Type) throws -> Double { try double() }
    package func decode(_ type: Float.Type) throws -> Float { Float(try double()) }
    package func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    package func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    package func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    package func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    package func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    package func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    package func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    package func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    package func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    package func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    package func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decodeValue(type) }
}

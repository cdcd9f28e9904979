import K8sUpReaders

/// The keyed (JSON object) and unkeyed (JSON list) containers of `KubeTreeDecoder`.
extension KubeTreeDecoder {
    /// A JSON object's members by name. A missing key is `keyNotFound` with the object's path.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let codingPath: [any CodingKey]
        private let entries: [YAMLNode.Entry]
        /// The members' names, searched one at a time: most objects are small (the reader keeps only the
        /// members k8sup decodes).
        private let names: [String?]
        /// Positions by name, for objects too large to search one member at a time.
        private let positions: [String: Int]?

        init(entries: [YAMLNode.Entry], codingPath: [any CodingKey]) {
            self.codingPath = codingPath
            self.entries = entries
            names = entries.map(\.key.stringValue)
            guard entries.count > 16 else {
                positions = nil
                return
            }
            var positions: [String: Int] = [:]
            for (position, name) in names.enumerated() {
                if let name { positions[name] = position }
            }
            self.positions = positions
        }

        var allKeys: [Key] { names.compactMap { $0.flatMap(Key.init(stringValue:)) } }

        func contains(_ key: Key) -> Bool { member(key.stringValue) != nil }

        /// The value of the member with this name (the last one, should a name repeat).
        private func member(_ name: String) -> YAMLNode? {
            if let positions { return positions[name].map { entries[$0].value } }
            return names.lastIndex(of: name).map { entries[$0].value }
        }

        private func decoder(for key: Key) throws -> KubeTreeDecoder {
            guard let node = member(key.stringValue) else {
                let context = DecodingError.Context(
                    codingPath: codingPath, debugDescription: "required field is missing")
                throw DecodingError.keyNotFound(key, context)
            }
            return KubeTreeDecoder(node: node, parentPath: codingPath, key: key)
        }

        /// The decoder of a member that is present and not `null` (which counts as absent).
        private func presentDecoder(for key: Key) -> KubeTreeDecoder? {
            guard let node = member(key.stringValue), !node.isNull else { return nil }
            return KubeTreeDecoder(node: node, parentPath: codingPath, key: key)
        }

        func decodeNil(forKey key: Key) throws -> Bool { try decoder(for: key).node.isNull }

        // One search per optional member, where the protocol's defaults search three times.
        func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
            try presentDecoder(for: key)?.decodeValue(type)
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            try presentDecoder(for: key)?.string()
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            try presentDecoder(for: key)?.bool()
        }

        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try presentDecoder(for: key)?.integer(type)
        }

        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
            try presentDecoder(for: key)?.double()
        }

        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
            try decoder(for: key).decodeValue(type)
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(for: key).bool() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(for: key).string() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(for: key).double() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decoder(for: key).double()) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(for: key).integer(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(for: key).integer(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(for: key).integer(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(for: key).integer(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(for: key).integer(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(for: key).integer(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(for: key).integer(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(for: key).integer(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(for: key).integer(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(for: key).integer(type) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try decoder(for: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder(for: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            guard let key = Key(stringValue: "super") else { throw missingSuper() }
            return try decoder(for: key)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(for: key) }

        private func missingSuper() -> DecodingError {
            .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "no \"super\" key"))
        }
    }

    /// A JSON list's items in order; each decode moves to the next item.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let codingPath: [any CodingKey]
        private let items: [YAMLNode]
        private(set) var currentIndex = 0

        init(items: [YAMLNode], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> KubeTreeDecoder {
            guard !isAtEnd else {
                let context = DecodingError.Context(
                    codingPath: codingPath + [KubeIndexKey(intValue: currentIndex)],
                    debugDescription: "expected another item, found the end of the list")
                throw DecodingError.valueNotFound(Any.self, context)
            }
            defer { currentIndex += 1 }
            return KubeTreeDecoder(
                node: items[currentIndex], parentPath: codingPath, key: KubeIndexKey(intValue: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex].isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try next().decodeValue(type) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
        mutating func decode(_ type: String.Type) throws -> String { try next().string() }
        mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
        mutating func decode(_ type: Float.Type) throws -> Float { Float(try next().double()) }
        mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next().unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { try next() }
    }
}

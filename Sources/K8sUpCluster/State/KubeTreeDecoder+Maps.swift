import K8sUpReaders

extension KubeTreeDecoder {
    /// Maps of strings and of quantities (labels, requests, allocatable) decoded directly: the standard
    /// library's generic `Dictionary` decoding cost more than all the rest of a pod. Same results and
    /// errors; nil for other types.
    func map<Value>(_ type: Value.Type) throws -> Value? {
        if type == [String: String].self { return try members { try $0.string() } as? Value }
        if type == [String: KubeQuantity].self { return try members { try KubeQuantity(from: $0) } as? Value }
        return nil
    }

    private func members<Member>(_ decode: (KubeTreeDecoder) throws -> Member) throws -> [String: Member] {
        guard let entries = node.mappingEntries else { throw mismatch(Any.self, expected: "an object") }
        let path = codingPath
        var result: [String: Member] = Dictionary(minimumCapacity: entries.count)
        for entry in entries {
            guard let name = entry.key.stringValue else { continue }
            result[name] = try decode(KubeTreeDecoder(node: entry.value, parentPath: path, key: MemberKey(name)))
        }
        return result
    }

    /// The key of a map's member, by name only (a label named `1` is still a name).
    private struct MemberKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }
}

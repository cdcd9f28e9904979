import K8sUpReaders

/// A path into a JSON document, printed the way operators write it for `jq` and `kubectl -o jsonpath`:
/// `items[12].spec.minAvailable`, `metadata.labels["node-role.kubernetes.io/control-plane"]`.
package struct KubeJSONPath: Sendable, Equatable, CustomStringConvertible {
    /// An object member or a list position.
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component] = []) {
        self.components = components
    }

    /// The path of a `DecodingError` or a decoder: list positions come from `KubeIndexKey`, every other
    /// key is an object member (a label named `1` too, although Swift gives it an `intValue`).
    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if key is KubeIndexKey, let index = key.intValue { return .index(index) }
            return .key(key.stringValue)
        }
    }

    /// This path followed by object members.
    func appending(_ names: String...) -> KubeJSONPath {
        KubeJSONPath(components + names.map(Component.key))
    }

    /// This path followed by another.
    func appending(_ other: KubeJSONPath) -> KubeJSONPath {
        KubeJSONPath(components + other.components)
    }

    /// This path followed by a list position.
    func appending(index: Int) -> KubeJSONPath {
        KubeJSONPath(components + [.index(index)])
    }

    package var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let name) where Self.isIdentifier(name):
                text += (text.isEmpty ? "" : ".") + name
            case .key(let name):
                text += "[\(name.debugDescription)]"
            }
        }
        return text
    }

    /// Letters, digits and `_`, not starting with a digit: printed after a dot.
    private static func isIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_")
        }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The node at this path in `root`, or the deepest one that exists on the way (so a missing member
    /// points at the object that lacks it).
    func deepestNode(in root: YAMLNode) -> YAMLNode {
        var node = root
        for component in components {
            let next: YAMLNode?
            switch component {
            case .key(let name):
                next = node.mappingEntries?.last { $0.key.stringValue == name }?.value
            case .index(let index):
                next = node.sequenceItems.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
            guard let next else { break }
            node = next
        }
        return node
    }
}

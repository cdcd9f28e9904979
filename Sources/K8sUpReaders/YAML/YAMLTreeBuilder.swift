/// Turns constructed values (`YAMLConstructor.Built`, one per graph node) into the `YAMLNode` tree.
///
/// A node reached through several aliases is built once and shared (the tree's arrays are copy-on-write),
/// so building is linear in the graph. The expanded size and height are still checked, because callers
/// walk, compare and convert the expanded tree recursively: a "billion laughs" document, or aliases that
/// stack deep subtrees on each other, are refused instead of exhausting memory or the stack. A node that
/// contains itself (PyYAML builds a recursive list; JSON cannot print it) is an error.
struct YAMLTreeBuilder {
    /// The most nodes a document may expand to through aliases and merges.
    static let maximumExpandedNodes = 10_000_000

    private let nodes: [YAMLComposedNode]
    private let built: [YAMLConstructor.Built?]
    private let file: String
    private var finished: [Built?]
    private var visiting: [Bool]
    private var depth = 0

    /// A finished subtree with its expanded node count and height.
    private struct Built {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    init(constructor: YAMLConstructor) {
        nodes = constructor.nodes
        built = constructor.built
        file = constructor.file
        finished = Array(repeating: nil, count: nodes.count)
        visiting = Array(repeating: false, count: nodes.count)
    }

    private func error(_ message: String, at id: Int) -> YAMLError {
        YAMLError(message, at: nodes[id].mark.location(in: file))
    }

    mutating func tree(_ id: Int) throws(YAMLError) -> YAMLNode {
        try build(id).node
    }

    private mutating func build(_ id: Int) throws(YAMLError) -> Built {
        if let done = finished[id] { return done }
        guard !visiting[id] else {
            throw error("this node contains itself through an alias; recursive data cannot be loaded", at: id)
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= YAMLConstructor.maximumRecursion else {
            throw error("values are nested too deeply (through aliases)", at: id)
        }
        visiting[id] = true
        defer { visiting[id] = false }
        let location = nodes[id].mark.location(in: file)
        var result = Built(node: YAMLNode(.scalar(.null), at: location), size: 1, height: 1)
        let content: YAMLNode.Content
        switch built[id] {
        case .scalar(let value)?: content = .scalar(value)
        case .unsafe(let text)?: content = .unsafeString(text)
        case .vault(let text)?: content = .vaultString(text)
        case .list(let items)?:
            var children: [YAMLNode] = []
            children.reserveCapacity(items.count)
            for item in items {
                let child = try build(item)
                children.append(try add(child, to: &result, at: item))
            }
            content = .sequence(children)
        case .mapping(let pairs)?:
            var entries: [YAMLNode.Entry] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                let key = try build(pair.key)
                let value = try build(pair.value)
                entries.append(
                    YAMLNode.Entry(
                        key: try add(key, to: &result, at: pair.key),
                        value: try add(value, to: &result, at: pair.value)))
            }
            content = .mapping(entries)
        case .pairs(let items)?:
            var tuples: [YAMLNode] = []
            for item in items {
                let tupleLocation = nodes[item.item].mark.location(in: file)
                var tuple = Built(node: YAMLNode(.scalar(.null), at: tupleLocation), size: 1, height: 1)
                let key = try build(item.key)
                let value = try build(item.value)
                tuple.node = YAMLNode(
                    .sequence([
                        try add(key, to: &tuple, at: item.key),
                        try add(value, to: &tuple, at: item.value),
                    ]), at: tupleLocation)
                tuples.append(try add(tuple, to: &result, at: item.item))
            }
            content = .sequence(tuples)
        case .pending?, nil:
            throw error("this node contains itself through an alias; recursive data cannot be loaded", at: id)
        }
        result.node = YAMLNode(content, at: location)
        finished[id] = result
        return result
    }

    /// Counts `child`'s expanded size and height into `parent`, refusing trees that grow too large or deep.
    /// (Callers build the child first: `add(try build(…))` would copy `self`, and with it `finished`, per call.)
    private func add(_ child: Built, to parent: inout Built, at id: Int) throws(YAMLError) -> YAMLNode {
        parent.size += child.size
        parent.height = max(parent.height, child.height + 1)
        guard parent.size <= Self.maximumExpandedNodes else {
            throw error("the document expands to more than \(Self.maximumExpandedNodes) values through aliases", at: id)
        }
        guard parent.height <= YAMLConstructor.maximumRecursion else {
            throw error(
                "values are nested too deeply (more than \(YAMLConstructor.maximumRecursion) levels through "
                    + "aliases)", at: id)
        }
        return child.node
    }
}

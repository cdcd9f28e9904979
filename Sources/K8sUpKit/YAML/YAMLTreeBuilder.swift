/// Turns constructed values (`YAMLConstructor.Built`, one per graph node) into the `YAMLNode` tree.
///
/// A node reached through several aliases is built once and shared (the tree's arrays are copy-on-write),
/// so building is linear in the graph. The expanded size is still counted, because callers walk or
/// convert the expanded tree: a "billion laughs" document is refused instead of exhausting memory. A
/// node that contains itself (PyYAML builds a recursive list; JSON cannot print it) is an error.
struct YAMLTreeBuilder {
    /// The most nodes a document may expand to through aliases and merges.
    static let maximumExpandedNodes = 10_000_000

    private let nodes: [YAMLComposedNode]
    private let built: [YAMLConstructor.Built?]
    private let file: String
    private var finished: [(node: YAMLNode, size: Int)?]
    private var visiting: [Bool]
    private var depth = 0

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

    private mutating func build(_ id: Int) throws(YAMLError) -> (node: YAMLNode, size: Int) {
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
        var size = 1
        let content: YAMLNode.Content
        switch built[id] {
        case .scalar(let value)?: content = .scalar(value)
        case .unsafe(let text)?: content = .unsafeString(text)
        case .vault(let text)?: content = .vaultString(text)
        case .list(let items)?:
            var children: [YAMLNode] = []
            children.reserveCapacity(items.count)
            for item in items { children.append(try child(item, size: &size)) }
            content = .sequence(children)
        case .mapping(let pairs)?:
            var entries: [YAMLNode.Entry] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                entries.append(YAMLNode.Entry(key: try child(pair.key, size: &size),
                                              value: try child(pair.value, size: &size)))
            }
            content = .mapping(entries)
        case .pairs(let items)?:
            var tuples: [YAMLNode] = []
            for item in items {
                size += 1
                let pair = [try child(item.key, size: &size), try child(item.value, size: &size)]
                tuples.append(YAMLNode(.sequence(pair), at: nodes[item.item].mark.location(in: file)))
            }
            content = .sequence(tuples)
        case .pending?, nil:
            throw error("this node contains itself through an alias; recursive data cannot be loaded", at: id)
        }
        let result = (node: YAMLNode(content, at: location), size: size)
        finished[id] = result
        return result
    }

    private mutating func child(_ id: Int, size: inout Int) throws(YAMLError) -> YAMLNode {
        let result = try build(id)
        size += result.size
        guard size <= Self.maximumExpandedNodes else {
            throw error("the document expands to more than \(Self.maximumExpandedNodes) values through aliases", at: id)
        }
        return result.node
    }
}

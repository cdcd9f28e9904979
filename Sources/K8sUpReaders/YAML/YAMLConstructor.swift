import PythonParity

/// Constructs typed values from the composed graph exactly as PyYAML's `SafeConstructor` with Ansible's
/// `AnsibleConstructor` does, then turns them into a `YAMLNode` tree.
///
/// PyYAML constructs collections lazily (a generator fills each list or dict after its siblings), and
/// caches the value of every node, so an alias gets the value built at its first construction. That
/// order is observable: it decides which error is reported first, and whether a scalar shared by an
/// alias is built inside an `!unsafe` subtree (and so becomes unsafe everywhere). This type keeps the
/// same queue of deferred collections and the same per-node cache to match Ansible exactly.
struct YAMLConstructor {
    /// A constructed value; children are node indices whose values are in `built`.
    enum Built {
        /// A list, dict or set whose contents are still to be constructed.
        case pending
        case scalar(DataValue)
        case unsafe(String)
        case vault(String)
        case list([Int])
        case mapping([YAMLComposedNode.Pair])
        /// `!!omap`/`!!pairs`: the single-pair mapping node, its key and its value.
        case pairs([(item: Int, key: Int, value: Int)])
    }

    /// Deeper construction or merge recursion (possible through chains of aliases) is refused.
    static let maximumRecursion = 1000
    /// The most entries a mapping may have once its `<<` merges are applied (duplicates included).
    static let maximumMergedEntries = 1_000_000

    var nodes: [YAMLComposedNode]
    let file: String
    var built: [Built?]
    private var constructing: [Bool]
    private var pending: [(id: Int, tag: YAMLTag)] = []
    private var deep = false
    private var unsafeDepth = 0
    var recursion = 0

    init(nodes: [YAMLComposedNode], file: String) {
        self.nodes = nodes
        self.file = file
        built = Array(repeating: nil, count: nodes.count)
        constructing = Array(repeating: false, count: nodes.count)
    }

    func error(_ message: String, at id: Int) -> YAMLError {
        YAMLError(message, at: nodes[id].mark.location(in: file))
    }

    /// PyYAML's `construct_document`: the root, then deferred collections batch by batch.
    mutating func constructDocument(root: Int) throws(YAMLError) {
        try constructObject(root)
        while !pending.isEmpty {
            let batch = pending
            pending = []
            for (id, tag) in batch { try fill(id, tag: tag) }
        }
    }

    /// PyYAML's `construct_object`: cached per node; re-entering a node under construction is an error.
    mutating func constructObject(_ id: Int) throws(YAMLError) {
        if built[id] != nil { return }
        guard !constructing[id] else { throw error("found a node that contains itself through an alias", at: id) }
        recursion += 1
        defer { recursion -= 1 }
        guard recursion <= Self.maximumRecursion else {
            throw error("values are nested too deeply (through aliases)", at: id)
        }
        constructing[id] = true
        try construct(id, tag: nodes[id].tag)
        constructing[id] = false
    }

    private mutating func construct(_ id: Int, tag: YAMLTag) throws(YAMLError) {
        switch tag {
        case .null:
            _ = try scalarText(id, tag: tag)
            built[id] = .scalar(.null)
        case .bool: try constructScalar(id, tag: tag, YAMLScalarConstructor.bool)
        case .int: try constructScalar(id, tag: tag, YAMLScalarConstructor.integer)
        case .float: try constructScalar(id, tag: tag, YAMLScalarConstructor.float)
        case .timestamp: try constructScalar(id, tag: tag, YAMLScalarConstructor.timestamp)
        case .binary: try constructScalar(id, tag: tag, YAMLScalarConstructor.binary)
        case .str:
            let text = try scalarText(id, tag: tag)
            built[id] = unsafeDepth > 0 ? .unsafe(text) : .scalar(.string(text))
        case .seq, .map, .set:
            built[id] = .pending
            if deep { try fill(id, tag: tag) } else { pending.append((id, tag)) }
        case .omap, .pairs:
            try constructPairs(id, tag: tag)
        case .unsafe:
            unsafeDepth += 1
            defer { unsafeDepth -= 1 }
            try constructImplicitlyResolved(id)
        case .vault:
            try constructImplicitlyResolved(id)
            switch built[id] {
            case .scalar(.string(let text)), .unsafe(let text): built[id] = .vault(text)
            default: throw error("the '!vault' tag requires a string value (the encrypted text)", at: id)
            }
        case .merge, .value, .unknown:
            throw error(
                "could not determine a constructor for the tag '\(tag.uri)' (unknown or misplaced tag)",
                at: id)
        }
    }

    private mutating func constructScalar(
        _ id: Int, tag: YAMLTag,
        _ convert: (String) throws(YAMLScalarConstructor.Problem) -> DataValue
    )
        throws(YAMLError)
    {
        let text = try scalarText(id, tag: tag)
        do {
            built[id] = .scalar(try convert(text))
        } catch {
            throw self.error(error.message, at: id)
        }
    }

    /// Ansible's `!unsafe`/`!vault`: resolve the node again as if it had no tag, and construct it deeply.
    private mutating func constructImplicitlyResolved(_ id: Int) throws(YAMLError) {
        let tag: YAMLTag
        switch nodes[id].content {
        case .scalar(let text, _): tag = YAMLImplicitResolver.resolve(text)
        case .sequence: tag = .seq
        case .mapping: tag = .map
        }
        let wasDeep = deep
        deep = true
        defer { deep = wasDeep }
        try construct(id, tag: tag)
    }

    /// PyYAML's `construct_scalar`, including its lookup of a `=` key in a mapping node.
    private func scalarText(_ id: Int, tag: YAMLTag) throws(YAMLError) -> String {
        switch nodes[id].content {
        case .scalar(let text, _):
            return text
        case .mapping(let pairs):
            if let pair = pairs.first(where: { nodes[$0.key].tag == .value }) {
                return try scalarText(pair.value, tag: tag)
            }
            fallthrough
        case .sequence:
            throw error("expected a scalar for the tag '\(tag.uri)', but found a \(nodes[id].kindName)", at: id)
        }
    }

    /// The deferred part of a list, dict or set constructor.
    private mutating func fill(_ id: Int, tag: YAMLTag) throws(YAMLError) {
        if tag == .seq {
            guard case .sequence(let items) = nodes[id].content else {
                throw error("expected a sequence for the tag '\(tag.uri)', but found a \(nodes[id].kindName)", at: id)
            }
            for item in items { try constructObject(item) }
            built[id] = .list(items)
            return
        }
        let pairs = try constructMapping(id, tag: tag)
        built[id] = tag == .set ? .list(pairs.map(\.key)) : .mapping(pairs)
    }

    /// Ansible's `!!omap`/`!!pairs`: a sequence of single-pair mappings, constructed at once.
    private mutating func constructPairs(_ id: Int, tag: YAMLTag) throws(YAMLError) {
        let what = tag == .omap ? "an ordered map (!!omap)" : "pairs (!!pairs)"
        guard case .sequence(let items) = nodes[id].content else {
            throw error("\(what) must be a sequence, but found a \(nodes[id].kindName)", at: id)
        }
        var result: [(item: Int, key: Int, value: Int)] = []
        for item in items {
            guard case .mapping(let pairs) = nodes[item].content else {
                throw error(
                    "each entry of \(what) must be a mapping of length 1, but found a \(nodes[item].kindName)",
                    at: item)
            }
            guard pairs.count == 1 else {
                throw error(
                    "each entry of \(what) must be a single mapping item, but found \(pairs.count) items",
                    at: item)
            }
            try constructObject(pairs[0].key)
            try constructObject(pairs[0].value)
            result.append((item, pairs[0].key, pairs[0].value))
        }
        built[id] = .pairs(result)
    }
}

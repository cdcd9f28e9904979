import PythonParity

/// Mapping construction: PyYAML's `flatten_mapping` (`<<` merge keys) and `construct_mapping` (keys must
/// be hashable; a repeated key keeps its first position and takes the last value, like a Python dict).
extension YAMLConstructor {
    private func lineAndColumn(_ id: Int) -> String {
        "line \(nodes[id].mark.line + 1), column \(nodes[id].mark.column + 1)"
    }

    /// The pairs of mapping node `id` with merges applied and duplicate keys removed.
    mutating func constructMapping(_ id: Int, tag: YAMLTag) throws(YAMLError) -> [YAMLComposedNode.Pair] {
        guard case .mapping = nodes[id].content else {
            throw error("expected a mapping for the tag '\(tag.uri)', but found a \(nodes[id].kindName)", at: id)
        }
        try flatten(id)
        guard case .mapping(let pairs) = nodes[id].content else { return [] }
        // A string never equals a non-string Python key, so string keys (nearly all) get a plain dictionary.
        var stringPositions: [String: Int] = [:]
        var otherPositions = DataMapping()
        var result: [YAMLComposedNode.Pair] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            try constructObject(pair.key)
            guard let key = hashableKey(pair.key) else {
                // `x: {{ var }}` is a flow mapping whose key is the mapping `{ var }`: a classic Ansible mistake.
                let hint =
                    nodes[pair.key].kindName == "mapping"
                    ? "; an unquoted '{{ ... }}' is read as a mapping, "
                        + "quote it" : ""
                throw error(
                    "a list or mapping cannot be a mapping key (found an unhashable key in the mapping that "
                        + "starts at \(lineAndColumn(id))\(hint))", at: pair.key)
            }
            try constructObject(pair.value)
            let existing: Int?
            if case .string(let text) = key {
                existing = stringPositions[text]
                if existing == nil { stringPositions[text] = result.count }
            } else {
                if case .int(let position)? = otherPositions[key] { existing = position } else { existing = nil }
                if existing == nil { otherPositions[key] = .int(result.count) }
            }
            if let existing {
                result[existing].value = pair.value
            } else {
                result.append(pair)
            }
        }
        return result
    }

    /// The key as Python hashes it, or nil for a list, dict or set (unhashable).
    private func hashableKey(_ id: Int) -> DataValue? {
        switch built[id] {
        case .scalar(let value)?: return value
        case .unsafe(let text)?, .vault(let text)?: return .string(text)
        default: return nil
        }
    }

    /// PyYAML's `flatten_mapping`: removes `<<` keys and puts the pairs they merge in front, earlier
    /// mappings of a `<<: [*a, *b]` list last so that they win; renames `=` keys to strings. It rewrites
    /// the node itself, as PyYAML does, so an anchored mapping is flattened once for all its aliases.
    private mutating func flatten(_ id: Int) throws(YAMLError) {
        guard case .mapping(var pairs) = nodes[id].content else { return }
        recursion += 1
        defer { recursion -= 1 }
        guard recursion <= Self.maximumRecursion else {
            throw error("merge keys ('<<') are nested too deeply or refer to themselves", at: id)
        }
        var merged: [YAMLComposedNode.Pair] = []
        var index = 0
        while index < pairs.count {
            let pair = pairs[index]
            switch nodes[pair.key].tag {
            case .merge:
                pairs.remove(at: index)
                merged += try mergedPairs(of: pair.value, into: id)
                try checkMergedCount(merged.count + pairs.count, in: id)
            case .value:
                nodes[pair.key].tag = .str
                index += 1
            default:
                index += 1
            }
        }
        nodes[id].content = .mapping(merged + pairs)
    }

    private mutating func mergedPairs(of source: Int, into id: Int) throws(YAMLError) -> [YAMLComposedNode.Pair] {
        switch nodes[source].content {
        case .mapping:
            try flatten(source)
            return pairs(of: source)
        case .sequence(let items):
            var lists: [[YAMLComposedNode.Pair]] = []
            var count = 0
            for item in items {
                guard case .mapping = nodes[item].content else {
                    throw error(
                        "each item of a '<<' merge list must be a mapping, but found a \(nodes[item].kindName) "
                            + "(in the mapping that starts at \(lineAndColumn(id)))", at: item)
                }
                try flatten(item)
                lists.append(pairs(of: item))
                count += lists[lists.count - 1].count
                try checkMergedCount(count, in: id)
            }
            return lists.reversed().flatMap { $0 }
        case .scalar:
            throw error(
                "the value of a '<<' merge key must be a mapping or a list of mappings, but found a scalar "
                    + "(in the mapping that starts at \(lineAndColumn(id)))", at: source)
        }
    }

    /// Merges repeat a mapping's entries without removing duplicates (as PyYAML does), so a list of
    /// aliases merged level upon level grows exponentially: `{<<: [*m, *m, …]}` thirty wide and five
    /// deep is 28 million entries. Refused before it exhausts memory.
    private func checkMergedCount(_ count: Int, in id: Int) throws(YAMLError) {
        guard count > Self.maximumMergedEntries else { return }
        throw error(
            "merge keys ('<<') give this mapping more than \(Self.maximumMergedEntries) entries (mappings merged "
                + "through aliases repeat their entries at every level)", at: id)
    }

    private func pairs(of id: Int) -> [YAMLComposedNode.Pair] {
        if case .mapping(let pairs) = nodes[id].content { return pairs }
        return []
    }
}

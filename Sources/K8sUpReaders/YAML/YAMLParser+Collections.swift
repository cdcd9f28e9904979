/// The collection productions of libyaml's parser: block and indentless sequences, block mappings, flow
/// sequences (including single-pair mappings such as `[a: 1]`) and flow mappings.
extension YAMLParser {
    private func lineAndColumn(_ mark: YAMLMark) -> String { "line \(mark.line + 1), column \(mark.column + 1)" }

    /// `BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END`
    mutating func parseBlockSequence(_ id: Int) throws(YAMLError) -> YAMLComposedNode.Content {
        let start = try peek().start
        skip()
        var items: [Int] = []
        while true {
            let token = try peek()
            switch token.kind {
            case .blockEntry:
                skip()
                switch try peek().kind {
                case .blockEntry, .blockEnd: items.append(addEmptyScalar(at: token.end))
                default: items.append(try parseNode(block: true, indentlessSequence: false))
                }
            case .blockEnd:
                skip()
                return .sequence(items)
            default:
                throw error(
                    "expected a '- ' list item at this indentation (the list starts at "
                        + "\(lineAndColumn(start))), found \(token.foundDescription)", at: token.start)
            }
        }
    }

    /// `(BLOCK-ENTRY block_node?)+` directly under a mapping key, without extra indentation.
    mutating func parseIndentlessSequence(_ id: Int) throws(YAMLError) -> YAMLComposedNode.Content {
        var items: [Int] = []
        while case let token = try peek(), case .blockEntry = token.kind {
            skip()
            switch try peek().kind {
            case .blockEntry, .key, .value, .blockEnd: items.append(addEmptyScalar(at: token.end))
            default: items.append(try parseNode(block: true, indentlessSequence: false))
            }
        }
        return .sequence(items)
    }

    /// `BLOCK-MAPPING-START ((KEY node?)? (VALUE node?)?)* BLOCK-END`
    mutating func parseBlockMapping(_ id: Int) throws(YAMLError) -> YAMLComposedNode.Content {
        let start = try peek().start
        skip()
        var pairs: [YAMLComposedNode.Pair] = []
        while true {
            let token = try peek()
            switch token.kind {
            case .key:
                skip()
                let key = try parseBlockMappingPart(emptyAt: token.end)
                let next = try peek()
                let value: Int
                if case .value = next.kind {
                    skip()
                    value = try parseBlockMappingPart(emptyAt: next.end)
                } else {
                    value = addEmptyScalar(at: next.start)
                }
                pairs.append(YAMLComposedNode.Pair(key: key, value: value))
            case .blockEnd:
                skip()
                return .mapping(pairs)
            default:
                throw error(
                    "expected a mapping key at this indentation (the mapping starts at "
                        + "\(lineAndColumn(start))), found \(token.foundDescription); check the indentation",
                    at: token.start)
            }
        }
    }

    private mutating func parseBlockMappingPart(emptyAt mark: YAMLMark) throws(YAMLError) -> Int {
        switch try peek().kind {
        case .key, .value, .blockEnd: return addEmptyScalar(at: mark)
        default: return try parseNode(block: true, indentlessSequence: true)
        }
    }

    /// `FLOW-SEQUENCE-START (flow_sequence_entry FLOW-ENTRY)* flow_sequence_entry? FLOW-SEQUENCE-END`
    mutating func parseFlowSequence(_ id: Int) throws(YAMLError) -> YAMLComposedNode.Content {
        let start = try peek().start
        skip()
        var items: [Int] = []
        var first = true
        while true {
            var token = try peek()
            if case .flowSequenceEnd = token.kind { break }
            if !first {
                guard case .flowEntry = token.kind else {
                    throw error(
                        "expected ',' or ']' in the flow sequence that starts at \(lineAndColumn(start)), "
                            + "found \(token.foundDescription)", at: token.start)
                }
                skip()
                token = try peek()
                if case .flowSequenceEnd = token.kind { break }
            }
            first = false
            if case .key = token.kind {
                items.append(try parseFlowSequencePair(keyToken: token))
            } else {
                items.append(try parseNode(block: false, indentlessSequence: false))
            }
        }
        skip()
        return .sequence(items)
    }

    /// `KEY flow_node? (VALUE flow_node?)?` inside a flow sequence: a single-pair mapping.
    private mutating func parseFlowSequencePair(keyToken: YAMLToken) throws(YAMLError) -> Int {
        skip()
        let id = nodes.count
        nodes.append(YAMLComposedNode(content: .mapping([]), tag: .map, mark: keyToken.start))
        var token = try peek()
        let key: Int
        switch token.kind {
        case .value, .flowEntry, .flowSequenceEnd:
            // libyaml 0.2.5 consumes this token here (fixed in later releases); Ansible runs 0.2.5.
            skip()
            key = addEmptyScalar(at: token.end)
        default:
            key = try parseNode(block: false, indentlessSequence: false)
        }
        token = try peek()
        var value: Int?
        if case .value = token.kind {
            skip()
            token = try peek()
            switch token.kind {
            case .flowEntry, .flowSequenceEnd: break
            default: value = try parseNode(block: false, indentlessSequence: false)
            }
        }
        let pair = YAMLComposedNode.Pair(key: key, value: value ?? addEmptyScalar(at: token.start))
        nodes[id].content = .mapping([pair])
        return id
    }

    /// `FLOW-MAPPING-START (flow_mapping_entry FLOW-ENTRY)* flow_mapping_entry? FLOW-MAPPING-END`
    mutating func parseFlowMapping(_ id: Int) throws(YAMLError) -> YAMLComposedNode.Content {
        let start = try peek().start
        skip()
        var pairs: [YAMLComposedNode.Pair] = []
        var first = true
        while true {
            var token = try peek()
            if case .flowMappingEnd = token.kind { break }
            if !first {
                guard case .flowEntry = token.kind else {
                    throw error(
                        "expected ',' or '}' in the flow mapping that starts at \(lineAndColumn(start)), "
                            + "found \(token.foundDescription)", at: token.start)
                }
                skip()
                token = try peek()
                if case .flowMappingEnd = token.kind { break }
            }
            first = false
            if case .key = token.kind {
                skip()
                let keyStart = try peek()
                let key: Int
                switch keyStart.kind {
                case .value, .flowEntry, .flowMappingEnd: key = addEmptyScalar(at: keyStart.start)
                default: key = try parseNode(block: false, indentlessSequence: false)
                }
                pairs.append(YAMLComposedNode.Pair(key: key, value: try parseFlowMappingValue()))
            } else {
                let key = try parseNode(block: false, indentlessSequence: false)
                pairs.append(YAMLComposedNode.Pair(key: key, value: addEmptyScalar(at: try peek().start)))
            }
        }
        skip()
        return .mapping(pairs)
    }

    private mutating func parseFlowMappingValue() throws(YAMLError) -> Int {
        var token = try peek()
        if case .value = token.kind {
            skip()
            token = try peek()
            switch token.kind {
            case .flowEntry, .flowMappingEnd: break
            default: return try parseNode(block: false, indentlessSequence: false)
            }
        }
        return addEmptyScalar(at: token.start)
    }
}

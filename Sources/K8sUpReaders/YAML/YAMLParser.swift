/// Parses the token stream into a composed node graph: libyaml's parser (as recursive descent, one
/// function per production) combined with PyYAML's composer (anchors, aliases, tag resolution).
///
/// Like Ansible's `yaml.load`, it accepts exactly one document: an empty stream gives `nil`, a second
/// document is an error.
struct YAMLParser {
    /// Collections nested deeper than this are refused rather than risking the stack.
    static let maximumDepth = 512

    var scanner: YAMLScanner
    var nodes: [YAMLComposedNode] = []
    private var anchors: [String: Int] = [:]
    private var tagHandles: [String: String] = [:]
    private var depth = 0

    init(scanner: YAMLScanner) {
        self.scanner = scanner
    }

    var file: String { scanner.file }

    func error(_ message: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(message, at: mark.location(in: file))
    }

    mutating func peek() throws(YAMLError) -> YAMLToken { try scanner.peekToken() }

    mutating func skip() { scanner.skipToken() }

    // MARK: - Stream and documents

    /// The root node of the only document, or nil when the stream has no document (or an empty one).
    mutating func parseSingleDocument() throws(YAMLError) -> Int? {
        _ = try peek()  // STREAM-START, always the first token
        skip()
        let first = try peek()
        var root: Int?
        switch first.kind {
        case .streamEnd:
            return nil
        case .versionDirective, .tagDirective, .documentStart:
            try processDirectives()
            let start = try peek()
            guard case .documentStart = start.kind else {
                throw error("expected '---' after the directives, found \(start.foundDescription)", at: start.start)
            }
            skip()
            switch try peek().kind {
            case .versionDirective, .tagDirective, .documentStart, .documentEnd, .streamEnd: root = nil
            default: root = try parseNode(block: true, indentlessSequence: false)
            }
        default:
            try processDirectives()
            root = try parseNode(block: true, indentlessSequence: false)
        }
        try expectStreamEnd(documentStart: first.start)
        return root
    }

    /// After the first document: only `...` markers may follow; anything else starts a second document.
    private mutating func expectStreamEnd(documentStart: YAMLMark) throws(YAMLError) {
        while case .documentEnd = try peek().kind { skip() }
        let next = try peek()
        if case .streamEnd = next.kind { return }
        tagHandles = [:]
        try processDirectives()
        let start = try peek()
        guard case .documentStart = start.kind else {
            throw error(
                "found \(start.foundDescription) after the end of the document; expected the end of the "
                    + "file (or '---' before a new document)", at: start.start)
        }
        throw error(
            "found a second YAML document; a data file must contain exactly one document (the first one "
                + "starts at line \(documentStart.line + 1), column \(documentStart.column + 1))",
            at: next.start)
    }

    private mutating func processDirectives() throws(YAMLError) {
        var sawVersion = false
        var declared: Set<String> = []
        while true {
            let token = try peek()
            switch token.kind {
            case .versionDirective(let major, let minor):
                guard !sawVersion else { throw error("found a duplicate %YAML directive", at: token.start) }
                guard major == 1, minor == 1 || minor == 2 else {
                    throw error(
                        "found an incompatible YAML version \(major).\(minor) (only 1.1 and 1.2 are "
                            + "supported)", at: token.start)
                }
                sawVersion = true
            case .tagDirective(let handle, let prefix):
                guard declared.insert(handle).inserted else {
                    throw error("found a duplicate %TAG directive for '\(handle)'", at: token.start)
                }
                tagHandles[handle] = prefix
            default:
                tagHandles["!"] = tagHandles["!"] ?? "!"
                tagHandles["!!"] = tagHandles["!!"] ?? "tag:yaml.org,2002:"
                return
            }
            skip()
        }
    }

    // MARK: - Nodes

    /// Parses `block_node`, `block_node_or_indentless_sequence` or `flow_node` and returns its index.
    mutating func parseNode(block: Bool, indentlessSequence: Bool) throws(YAMLError) -> Int {
        var token = try peek()
        if case .alias(let name) = token.kind {
            skip()
            guard let target = anchors[name] else {
                throw error(
                    "undefined alias '*\(name)': no anchor '&\(name)' is defined before this point",
                    at: token.start)
            }
            return target
        }
        let start = token.start
        var anchor: (name: String, mark: YAMLMark)?
        var tag: (handle: String, suffix: String, mark: YAMLMark)?
        for _ in 0..<2 {
            if case .anchor(let name) = token.kind, anchor == nil {
                anchor = (name, token.start)
            } else if case .tag(let handle, let suffix) = token.kind, tag == nil {
                tag = (handle, suffix, token.start)
            } else {
                break
            }
            skip()
            token = try peek()
        }
        let explicitTag = try tag.map { value throws(YAMLError) in try expandTag(value, nodeStart: start) }
        if let anchor, let first = anchors[anchor.name] {
            let firstMark = nodes[first].mark
            throw error(
                "duplicate anchor '&\(anchor.name)' (it is first defined at line \(firstMark.line + 1), "
                    + "column \(firstMark.column + 1))", at: start)
        }
        let properties = NodeProperties(anchor: anchor?.name, tag: explicitTag, start: start)
        if indentlessSequence, case .blockEntry = token.kind {
            return try parseCollection(properties) { parser, id throws(YAMLError) in
                try parser.parseIndentlessSequence(id)
            }
        }
        switch token.kind {
        case .scalar(let text, let style):
            skip()
            let plainImplicit = (style == .plain && explicitTag == nil) || explicitTag == "!"
            return addScalar(text, style: style, plainImplicit: plainImplicit, properties)
        case .flowSequenceStart:
            return try parseCollection(properties) { parser, id throws(YAMLError) in try parser.parseFlowSequence(id) }
        case .flowMappingStart:
            return try parseCollection(properties) { parser, id throws(YAMLError) in try parser.parseFlowMapping(id) }
        case .blockSequenceStart where block:
            return try parseCollection(properties) { parser, id throws(YAMLError) in try parser.parseBlockSequence(id) }
        case .blockMappingStart where block:
            return try parseCollection(properties) { parser, id throws(YAMLError) in try parser.parseBlockMapping(id) }
        default:
            guard anchor != nil || tag != nil else {
                throw error("expected a value, found \(token.foundDescription)", at: token.start)
            }
            return addScalar("", style: .plain, plainImplicit: explicitTag == nil, properties)
        }
    }

    /// What precedes a node's content: its anchor, its expanded tag and where it starts.
    struct NodeProperties {
        var anchor: String?
        var tag: String?
        var start: YAMLMark
    }

    private mutating func expandTag(
        _ tag: (handle: String, suffix: String, mark: YAMLMark),
        nodeStart: YAMLMark
    ) throws(YAMLError) -> String {
        if tag.handle.isEmpty { return tag.suffix }
        guard let prefix = tagHandles[tag.handle] else {
            throw error("undefined tag handle '\(tag.handle)' (declare it with a %TAG directive)", at: tag.mark)
        }
        return prefix + tag.suffix
    }

    /// An empty plain scalar (null), as libyaml produces for a missing value.
    mutating func addEmptyScalar(at mark: YAMLMark) -> Int {
        addScalar("", style: .plain, plainImplicit: true, NodeProperties(start: mark))
    }

    private mutating func addScalar(
        _ text: String, style: YAMLScalarStyle, plainImplicit: Bool,
        _ properties: NodeProperties
    ) -> Int {
        let tag: YAMLTag
        if let explicit = properties.tag, explicit != "!" {
            tag = YAMLTag(uri: explicit)
        } else {
            tag = plainImplicit ? YAMLImplicitResolver.resolve(text) : .str
        }
        nodes.append(YAMLComposedNode(content: .scalar(text, style), tag: tag, mark: properties.start))
        if let anchor = properties.anchor { anchors[anchor] = nodes.count - 1 }
        return nodes.count - 1
    }

    /// Registers a collection node before its children (so aliases inside it may refer to it, as PyYAML
    /// allows) and fills in its content from `body`.
    private mutating func parseCollection(
        _ properties: NodeProperties,
        body: (inout YAMLParser, Int) throws(YAMLError) -> YAMLComposedNode.Content
    ) throws(YAMLError) -> Int {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw error("collections are nested more than \(Self.maximumDepth) levels deep", at: properties.start)
        }
        let id = nodes.count
        nodes.append(YAMLComposedNode(content: .sequence([]), tag: .seq, mark: properties.start))
        if let anchor = properties.anchor { anchors[anchor] = id }
        let content = try body(&self, id)
        let isMapping = if case .mapping = content { true } else { false }
        let defaultTag: YAMLTag = isMapping ? .map : .seq
        let tag = properties.tag.map { $0 == "!" ? defaultTag : YAMLTag(uri: $0) } ?? defaultTag
        nodes[id] = YAMLComposedNode(content: content, tag: tag, mark: properties.start)
        return id
    }
}

/// The token fetchers for indicators (`---`, `[`, `-`, `?`, `:`, …): libyaml's `yaml_parser_fetch_*`,
/// which maintain the simple-key and indentation state before producing their token.
extension YAMLScanner {
    mutating func fetchDirective() throws(YAMLError) {
        unrollIndent(column: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        try scanDirective()
    }

    mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLError) {
        unrollIndent(column: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        skip()
        skip()
        skip()
        append(kind, from: start, to: mark)
    }

    mutating func fetchFlowCollectionStart(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try saveSimpleKey()
        increaseFlowLevel()
        simpleKeyAllowed = true
        fetchSingleCharacter(kind)
    }

    mutating func fetchFlowCollectionEnd(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try removeSimpleKey()
        decreaseFlowLevel()
        simpleKeyAllowed = false
        fetchSingleCharacter(kind)
    }

    mutating func fetchFlowEntry() throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        fetchSingleCharacter(.flowEntry)
    }

    mutating func fetchBlockEntry() throws(YAMLError) {
        if flowLevel == 0 {
            guard simpleKeyAllowed else {
                throw error(
                    "a '- ' list item is not allowed here (a list cannot start on the same line as a "
                        + "key or another value; put it on its own line)", at: mark)
            }
            rollIndent(column: mark.column, number: nil, kind: .blockSequenceStart, at: mark)
        }
        // In flow context a '-' entry is an error the parser reports, with more context.
        try removeSimpleKey()
        simpleKeyAllowed = true
        fetchSingleCharacter(.blockEntry)
    }

    mutating func fetchKey() throws(YAMLError) {
        if flowLevel == 0 {
            guard simpleKeyAllowed else {
                throw error("a '? ' mapping key is not allowed here", at: mark)
            }
            rollIndent(column: mark.column, number: nil, kind: .blockMappingStart, at: mark)
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        fetchSingleCharacter(.key)
    }

    mutating func fetchValue() throws(YAMLError) {
        let last = simpleKeys.count - 1
        let key = simpleKeys[last]
        if key.possible {
            tokens.insert(
                YAMLToken(kind: .key, start: key.mark, end: key.mark),
                at: head + key.tokenNumber - tokensParsed)
            rollIndent(column: key.mark.column, number: key.tokenNumber, kind: .blockMappingStart, at: key.mark)
            simpleKeys[last].possible = false
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                guard simpleKeyAllowed else {
                    throw error(
                        "mapping values are not allowed here (a ': ' inside an unquoted value? "
                            + "then quote the value; or is the indentation wrong?)", at: mark)
                }
                rollIndent(column: mark.column, number: nil, kind: .blockMappingStart, at: mark)
            }
            simpleKeyAllowed = flowLevel == 0
        }
        fetchSingleCharacter(.value)
    }

    mutating func fetchAnchor(isAlias: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        try scanAnchor(isAlias: isAlias)
    }

    mutating func fetchTag() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        try scanTag()
    }

    mutating func fetchBlockScalar(literal: Bool) throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        try scanBlockScalar(literal: literal)
    }

    mutating func fetchFlowScalar(single: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        try scanFlowScalar(single: single)
    }

    mutating func fetchPlainScalar() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        try scanPlainScalar()
    }

    private mutating func fetchSingleCharacter(_ kind: YAMLToken.Kind) {
        let start = mark
        skip()
        append(kind, from: start, to: mark)
    }
}

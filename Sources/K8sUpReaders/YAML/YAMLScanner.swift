/// The YAML tokenizer: a port of libyaml 0.2.5's scanner (the one PyYAML's `CParser`, and so Ansible,
/// uses), working on UTF-8 bytes so that tokens, positions and error cases match Ansible's.
///
/// libyaml decides whether a scalar is a mapping key only when it sees the `:` after it, so it keeps a
/// "possible simple key" per flow level and inserts `KEY` (and `BLOCK-MAPPING-START`) tokens back into
/// the queue. This port keeps that design and its names (`simpleKeys`, `rollIndent`, `unrollIndent`).
struct YAMLScanner {
    /// A place where a simple key (`key: value` without `?`) might start.
    struct SimpleKey {
        var possible = false
        var required = false
        var tokenNumber = 0
        var mark = YAMLMark()
    }

    let input: [UInt8]
    let file: String
    var position = 0
    var mark = YAMLMark()
    var tokens: [YAMLToken] = []
    var head = 0
    var tokensParsed = 0
    var tokenAvailable = false
    var streamStartProduced = false
    var indent = -1
    var indents: [Int] = []
    var simpleKeyAllowed = false
    var simpleKeys: [SimpleKey] = []
    var flowLevel = 0

    /// - Parameter input: valid UTF-8 without a leading byte order mark (see `YAMLInputCheck`).
    init(input: [UInt8], file: String) {
        self.input = input
        self.file = file
    }

    // MARK: - Token queue

    /// The next token, scanning as far ahead as simple-key detection needs.
    mutating func peekToken() throws(YAMLError) -> YAMLToken {
        if !tokenAvailable { try fetchMoreTokens() }
        return tokens[head]
    }

    /// Consumes the token `peekToken` returned.
    mutating func skipToken() {
        tokenAvailable = false
        tokensParsed += 1
        head += 1
        if head == tokens.count {
            tokens.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 256 {
            tokens.removeFirst(head)
            head = 0
        }
    }

    private mutating func fetchMoreTokens() throws(YAMLError) {
        while true {
            var needMore = head == tokens.count
            if !needMore {
                try staleSimpleKeys()
                needMore = simpleKeys.contains { $0.possible && $0.tokenNumber == tokensParsed }
            }
            if !needMore { break }
            try fetchNextToken()
        }
        tokenAvailable = true
    }

    func error(_ message: String, at errorMark: YAMLMark) -> YAMLError {
        YAMLError(message, at: errorMark.location(in: file))
    }

    mutating func append(_ kind: YAMLToken.Kind, from start: YAMLMark, to end: YAMLMark) {
        tokens.append(YAMLToken(kind: kind, start: start, end: end))
    }

    // MARK: - Dispatcher

    private mutating func fetchNextToken() throws(YAMLError) {
        if !streamStartProduced {
            fetchStreamStart()
            return
        }
        try scanToNextToken()
        try staleSimpleKeys()
        unrollIndent(column: mark.column)
        let current = byte()
        if isZ() { return try fetchStreamEnd() }
        if mark.column == 0 {
            if current == UInt8(ascii: "%") { return try fetchDirective() }
            if isDocumentIndicator(UInt8(ascii: "-")) { return try fetchDocumentIndicator(.documentStart) }
            if isDocumentIndicator(UInt8(ascii: ".")) { return try fetchDocumentIndicator(.documentEnd) }
        }
        switch current {
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        case UInt8(ascii: "-") where isBlankZ(1): return try fetchBlockEntry()
        case UInt8(ascii: "?") where flowLevel > 0 || isBlankZ(1): return try fetchKey()
        case UInt8(ascii: ":") where flowLevel > 0 || isBlankZ(1): return try fetchValue()
        case UInt8(ascii: "*"): return try fetchAnchor(isAlias: true)
        case UInt8(ascii: "&"): return try fetchAnchor(isAlias: false)
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0: return try fetchBlockScalar(literal: true)
        case UInt8(ascii: ">") where flowLevel == 0: return try fetchBlockScalar(literal: false)
        case UInt8(ascii: "'"): return try fetchFlowScalar(single: true)
        case UInt8(ascii: "\""): return try fetchFlowScalar(single: false)
        default: break
        }
        if canStartPlainScalar(current) { return try fetchPlainScalar() }
        throw cannotStartTokenError(current)
    }

    private func isDocumentIndicator(_ indicator: UInt8) -> Bool {
        byte(0) == indicator && byte(1) == indicator && byte(2) == indicator && isBlankZ(3)
    }

    /// libyaml's rule: a plain scalar starts with anything but an indicator, or with `-`, `?`, `:`
    /// followed by a non-space (`?`/`:` only in block context).
    private func canStartPlainScalar(_ current: UInt8) -> Bool {
        if isBlankZ() { return false }
        switch current {
        case UInt8(ascii: "-"):
            return !isBlank(1)
        case UInt8(ascii: "?"), UInt8(ascii: ":"):
            return flowLevel == 0 && !isBlankZ(1)
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    private func cannotStartTokenError(_ current: UInt8) -> YAMLError {
        if current == UInt8(ascii: "\t") {
            return error(
                "found a tab character here; YAML does not allow tabs for indentation, use spaces",
                at: mark)
        }
        let character = String(
            decoding: input[position..<min(input.count, position + Self.width(current))],
            as: UTF8.self)
        return error(
            "found character '\(character)' that cannot start any token (quote the value if it is text)",
            at: mark)
    }

    // MARK: - Whitespace, comments and line breaks

    /// Skips spaces, comments and line breaks; tabs only where libyaml allows them (in flow context, or
    /// after a token on the same line that cannot be followed by a simple key).
    private mutating func scanToNextToken() throws(YAMLError) {
        while true {
            if mark.column == 0 && isByteOrderMark() { skip() }
            while byte() == UInt8(ascii: " ")
                || ((flowLevel > 0 || !simpleKeyAllowed) && byte() == UInt8(ascii: "\t"))
            {
                skip()
            }
            if byte() == UInt8(ascii: "#") {
                while !isBreakZ() { skip() }
            }
            guard isBreak() else { break }
            skipLine()
            if flowLevel == 0 { simpleKeyAllowed = true }
        }
    }

    // MARK: - Simple keys and indentation

    mutating func staleSimpleKeys() throws(YAMLError) {
        for index in simpleKeys.indices where simpleKeys[index].possible {
            let key = simpleKeys[index]
            guard key.mark.line < mark.line || key.mark.index + 1024 < mark.index else { continue }
            if key.required { throw missingColonError(key) }
            simpleKeys[index].possible = false
        }
    }

    func missingColonError(_ key: SimpleKey) -> YAMLError {
        error(
            "could not find the ':' that must follow this mapping key on the same line "
                + "(a line at this indentation must be a 'key: value' pair)", at: key.mark)
    }

    mutating func saveSimpleKey() throws(YAMLError) {
        guard simpleKeyAllowed else { return }
        let key = SimpleKey(
            possible: true, required: flowLevel == 0 && indent == mark.column,
            tokenNumber: tokensParsed + (tokens.count - head), mark: mark)
        try removeSimpleKey()
        simpleKeys[simpleKeys.count - 1] = key
    }

    mutating func removeSimpleKey() throws(YAMLError) {
        let last = simpleKeys.count - 1
        if simpleKeys[last].possible && simpleKeys[last].required { throw missingColonError(simpleKeys[last]) }
        simpleKeys[last].possible = false
    }

    mutating func increaseFlowLevel() {
        simpleKeys.append(SimpleKey())
        flowLevel += 1
    }

    mutating func decreaseFlowLevel() {
        guard flowLevel > 0 else { return }
        flowLevel -= 1
        simpleKeys.removeLast()
    }

    /// Opens a block collection at `column` if it is deeper than the current indentation; the start token
    /// goes at the end of the queue, or (for a simple key found late) before token number `number`.
    mutating func rollIndent(column: Int, number: Int?, kind: YAMLToken.Kind, at tokenMark: YAMLMark) {
        guard flowLevel == 0, indent < column else { return }
        indents.append(indent)
        indent = column
        let token = YAMLToken(kind: kind, start: tokenMark, end: tokenMark)
        if let number {
            tokens.insert(token, at: head + number - tokensParsed)
        } else {
            tokens.append(token)
        }
    }

    /// Closes every block collection deeper than `column`.
    mutating func unrollIndent(column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd, from: mark, to: mark)
            indent = indents.popLast() ?? -1
        }
    }

    private mutating func fetchStreamStart() {
        indent = -1
        simpleKeys.append(SimpleKey())
        simpleKeyAllowed = true
        streamStartProduced = true
        append(.streamStart, from: mark, to: mark)
    }

    private mutating func fetchStreamEnd() throws(YAMLError) {
        if mark.column != 0 {
            mark.column = 0
            mark.line += 1
        }
        unrollIndent(column: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        append(.streamEnd, from: mark, to: mark)
    }
}

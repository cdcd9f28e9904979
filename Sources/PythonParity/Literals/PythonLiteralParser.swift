/// The syntax tree of a Python expression, reduced to the nodes `ast.literal_eval` looks at.
///
/// Nodes that are valid Python but never literals (a name, `--1`, `1+2+3j`, an f-string) are kept as
/// such, because `literal_eval` only rejects them when it reaches them: a `TypeError` for an unhashable
/// key earlier in the same dict still wins.
indirect enum PythonLiteralNode: Equatable {
    case constant(PythonObject)
    case name(String)
    case tuple([PythonLiteralNode])
    case list([PythonLiteralNode])
    case set([PythonLiteralNode])
    case dict(keys: [PythonLiteralNode], values: [PythonLiteralNode])
    /// `set()`.
    case emptySetCall
    /// `-x` or `+x`.
    case unary(negate: Bool, operand: PythonLiteralNode)
    /// `x + y` or `x - y`.
    case binary(subtract: Bool, left: PythonLiteralNode, right: PythonLiteralNode)
    /// Valid syntax that `literal_eval` rejects with `ValueError` without looking inside.
    case notLiteral
}

/// A recursive-descent parser for the part of Python's expression grammar (eval mode) that literals use:
/// numbers, strings (adjacent ones concatenated), `True`/`False`/`None`/`...`, names, tuples with or without
/// parentheses, lists, sets, dicts, `set()`, unary `+`/`-` and binary `+`/`-`. Anything else is reported
/// as not a literal. Nesting is bounded by the lexer (200 brackets), so recursion is too.
struct PythonLiteralParser {
    private let tokens: [PythonLiteralLexer.Token]
    private var index = 0

    private init(tokens: [PythonLiteralLexer.Token]) {
        self.tokens = tokens
    }

    /// The tree of the whole token list; nil where Python's parser fails (or the grammar is not ours).
    static func parse(_ tokens: [PythonLiteralLexer.Token]) -> PythonLiteralNode? {
        var parser = PythonLiteralParser(tokens: tokens)
        guard let node = parser.expressions(closedBy: nil), parser.index == tokens.count else { return nil }
        return node
    }

    private var current: PythonLiteralLexer.Token? { index < tokens.count ? tokens[index] : nil }

    private func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        current == .punctuation(scalar)
    }

    /// `a` or `a, b, …` (a tuple, trailing comma allowed), ending at `closer` or at the end of input.
    private mutating func expressions(closedBy closer: Unicode.Scalar?) -> PythonLiteralNode? {
        guard let first = expression() else { return nil }
        guard isPunctuation(",") else { return first }
        var elements = [first]
        while isPunctuation(",") {
            index += 1
            if current == nil { break }
            if let closer, isPunctuation(closer) { break }
            guard let next = expression() else { return nil }
            elements.append(next)
        }
        return .tuple(elements)
    }

    /// `sum := factor (('+' | '-') factor)*`, left-associative.
    private mutating func expression() -> PythonLiteralNode? {
        guard var node = factor() else { return nil }
        var operations = 0
        while let token = current, token == .punctuation("+") || token == .punctuation("-") {
            index += 1
            guard let right = factor() else { return nil }
            // A chain of two or more operations has a BinOp as left operand, which literal_eval rejects.
            node =
                operations == 0 ? .binary(subtract: token == .punctuation("-"), left: node, right: right) : .notLiteral
            operations += 1
        }
        return node
    }

    /// `factor := ('+' | '-')* primary`; two or more signs nest unary operations, which are not literals.
    private mutating func factor() -> PythonLiteralNode? {
        var signs: [Bool] = []
        while let token = current, token == .punctuation("+") || token == .punctuation("-") {
            signs.append(token == .punctuation("-"))
            index += 1
        }
        guard let operand = primary() else { return nil }
        switch signs.count {
        case 0: return operand
        case 1: return .unary(negate: signs[0], operand: operand)
        default: return .notLiteral
        }
    }

    /// An atom, possibly called: only `set()` (or `(set)()`) is a literal call.
    private mutating func primary() -> PythonLiteralNode? {
        guard let atom = atom() else { return nil }
        guard isPunctuation("(") else { return atom }
        guard atom == .name("set"), index + 1 < tokens.count, tokens[index + 1] == .punctuation(")") else {
            return nil
        }
        index += 2
        return .emptySetCall
    }

    private mutating func atom() -> PythonLiteralNode? {
        guard let token = current else { return nil }
        index += 1
        switch token {
        case .number(let value): return .constant(value)
        case .ellipsis: return .constant(.ellipsis)
        case .string(let first): return strings(startingWith: first)
        case .name("True"): return .constant(.bool(true))
        case .name("False"): return .constant(.bool(false))
        case .name("None"): return .constant(.none)
        case .name(let name): return .name(name)
        case .punctuation("("): return parenthesized()
        case .punctuation("["):
            guard let elements = elements(closedBy: "]") else { return nil }
            return .list(elements)
        case .punctuation("{"): return braced()
        default: return nil
        }
    }

    /// Adjacent string literals are one constant; mixing bytes and text is a syntax error.
    private mutating func strings(startingWith first: PythonStringLiteral.Value) -> PythonLiteralNode? {
        var parts = [first]
        while case .string(let next) = current {
            parts.append(next)
            index += 1
        }
        let isBytes = parts.map { if case .bytes = $0 { true } else { false } }
        if isBytes.contains(true) && isBytes.contains(false) { return nil }  // "cannot mix bytes and nonbytes literals"
        var text: [UInt32] = []
        var bytes: [UInt8] = []
        for part in parts {
            switch part {
            case .text(let codePoints): text.append(contentsOf: codePoints)
            case .bytes(let values): bytes.append(contentsOf: values)
            case .formatted: return .notLiteral  // an f-string makes the whole constant an ast.JoinedStr
            }
        }
        return .constant(isBytes[0] ? .bytes(bytes) : .str(text))
    }

    /// `()`, `(x)` (just x) or a tuple `(x,)`, `(x, y)`.
    private mutating func parenthesized() -> PythonLiteralNode? {
        if isPunctuation(")") {
            index += 1
            return .tuple([])
        }
        guard let node = expressions(closedBy: ")"), isPunctuation(")") else { return nil }
        index += 1
        return node
    }

    /// `{}` (a dict), `{k: v, …}` or `{a, b, …}`.
    private mutating func braced() -> PythonLiteralNode? {
        if isPunctuation("}") {
            index += 1
            return .dict(keys: [], values: [])
        }
        guard let first = expression() else { return nil }
        guard isPunctuation(":") else {
            guard let rest = elements(closedBy: "}", after: first) else { return nil }
            return .set(rest)
        }
        var keys = [first]
        var values: [PythonLiteralNode] = []
        while true {
            guard isPunctuation(":") else { return nil }
            index += 1
            guard let value = expression() else { return nil }
            values.append(value)
            if isPunctuation(",") { index += 1 } else if isPunctuation("}") { break } else { return nil }
            if isPunctuation("}") { break }
            guard let key = expression() else { return nil }
            keys.append(key)
        }
        index += 1
        return .dict(keys: keys, values: values)
    }

    /// Comma-separated expressions up to `closer` (trailing comma allowed), consuming the closer.
    private mutating func elements(
        closedBy closer: Unicode.Scalar, after first: PythonLiteralNode? = nil
    ) -> [PythonLiteralNode]? {
        var elements: [PythonLiteralNode] = []
        if let first {
            elements.append(first)
            if !isPunctuation(closer) {
                guard isPunctuation(",") else { return nil }
                index += 1
            }
        }
        while !isPunctuation(closer) {
            guard let element = expression() else { return nil }
            elements.append(element)
            if isPunctuation(",") { index += 1 } else if !isPunctuation(closer) { return nil }
        }
        index += 1
        return elements
    }
}

/// Splits the source of a Python literal into tokens the way CPython 3.11's tokenizer does, for the token
/// kinds a literal can contain. Anything else (operators such as `*` or `.`, keywords, a backslash
/// continuation, a NUL character) makes the whole source "not a literal", which is what
/// `ast.literal_eval` reports for it too (`SyntaxError` or `ValueError`).
struct PythonLiteralLexer {
    /// One token of a literal.
    enum Token: Equatable {
        case number(PythonObject)
        case string(PythonStringLiteral.Value)
        case name(String)
        /// One of `( ) [ ] { } , : + -`.
        case punctuation(Unicode.Scalar)
        case ellipsis
    }

    /// CPython's tokenizer refuses more than 200 brackets open at once ("too many nested parentheses").
    static let maximumNesting = 200

    private static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    private(set) var tokens: [Token] = []

    /// Tokenizes `source`; nil where Python's tokenizer fails or a token cannot be part of a literal.
    init?(_ source: [Unicode.Scalar]) {
        guard !source.contains("\0") else { return nil }  // "source code string cannot contain null bytes"
        var index = 0
        var open: [Unicode.Scalar] = []
        while index < source.count {
            let scalar = source[index]
            switch scalar {
            case " ", "\t", "\u{0C}":
                index += 1
            case "#":
                index = source.count
            case "0"..."9":
                guard let (value, end) = PythonNumberLiteral.scan(source, from: index) else { return nil }
                tokens.append(.number(value))
                index = end
            case ".":
                if index + 1 < source.count, ("0"..."9").contains(source[index + 1]) {
                    guard let (value, end) = PythonNumberLiteral.scan(source, from: index) else { return nil }
                    tokens.append(.number(value))
                    index = end
                } else if index + 2 < source.count, source[index + 1] == ".", source[index + 2] == "." {
                    tokens.append(.ellipsis)
                    index += 3
                } else {
                    return nil
                }
            case "'", "\"":
                guard let next = scanString(source, quoteIndex: index, prefix: nil) else { return nil }
                index = next
            case "(", "[", "{":
                guard open.count < Self.maximumNesting else { return nil }
                open.append(scalar)
                tokens.append(.punctuation(scalar))
                index += 1
            case ")", "]", "}":
                let expected: Unicode.Scalar = scalar == ")" ? "(" : scalar == "]" ? "[" : "{"
                guard open.popLast() == expected else { return nil }
                tokens.append(.punctuation(scalar))
                index += 1
            case ",", ":", "+", "-":
                tokens.append(.punctuation(scalar))
                index += 1
            default:
                guard Self.isIdentifierStart(scalar), let next = scanWord(source, from: index) else { return nil }
                index = next
            }
        }
        guard open.isEmpty else { return nil }
    }

    /// A name, or a string literal with a prefix (`rb'…'`).
    private mutating func scanWord(_ source: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start
        while end < source.count, Self.isIdentifierContinuation(source[end]) { end += 1 }
        let word = source[start..<end]
        if end < source.count, source[end] == "'" || source[end] == "\"",
            let prefix = PythonStringLiteral.Prefix(word)
        {
            return scanString(source, quoteIndex: end, prefix: prefix)
        }
        guard Self.isIdentifierStart(word[start]), word.dropFirst().allSatisfy(Self.isIdentifierContinuation),
            word.allSatisfy({ $0.isASCII || $0.properties.isXIDContinue }),
            word.first.map({ $0.isASCII || $0.properties.isXIDStart }) == true
        else { return nil }
        let name = String(String.UnicodeScalarView(word))
        guard !Self.keywords.contains(name) else { return nil }
        tokens.append(.name(name))
        return end
    }

    private mutating func scanString(
        _ source: [Unicode.Scalar], quoteIndex: Int, prefix: PythonStringLiteral.Prefix?
    ) -> Int? {
        guard let prefix = prefix ?? PythonStringLiteral.Prefix([Unicode.Scalar]()),
            let token = PythonStringLiteral.scan(source, quoteIndex: quoteIndex, prefix: prefix)
        else { return nil }
        tokens.append(.string(token.value))
        return token.end
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 128
    }

    private static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }
}

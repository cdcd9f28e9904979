import K8sUpSupport

/// A position in the YAML input as libyaml counts it: 0-based line and column in Unicode characters,
/// plus the character index (used for the 1024-character limit on simple keys).
struct YAMLMark: Equatable, Sendable {
    var index = 0
    var line = 0
    var column = 0

    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: column + 1)
    }
}

/// How a scalar was written; decides whether implicit typing applies (only to plain scalars).
enum YAMLScalarStyle: Equatable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One token of libyaml's scanner (same kinds, same order), produced by `YAMLScanner`.
struct YAMLToken: Sendable {
    enum Kind: Equatable, Sendable {
        case streamStart, streamEnd
        case versionDirective(major: Int, minor: Int)
        case tagDirective(handle: String, prefix: String)
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry, key, value
        case alias(String), anchor(String)
        case tag(handle: String, suffix: String)
        case scalar(String, YAMLScalarStyle)
    }

    var kind: Kind
    var start: YAMLMark
    var end: YAMLMark

    /// The token as an operator would recognise it in the file, for "found …" in error messages.
    var foundDescription: String {
        switch kind {
        case .streamStart: return "the start of the file"
        case .streamEnd: return "the end of the file"
        case .versionDirective, .tagDirective: return "a '%' directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart: return "a '-' list that starts at a different indentation"
        case .blockMappingStart: return "a 'key: value' entry that starts at a different indentation"
        case .blockEnd: return "a line indented less than this block"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .blockEntry: return "'-'"
        case .flowEntry: return "','"
        case .key: return "a mapping key"
        case .value: return "':'"
        case .alias(let name): return "alias '*\(name)'"
        case .anchor(let name): return "anchor '&\(name)'"
        case .tag(let handle, let suffix): return "tag '\(handle)\(suffix)'"
        case .scalar(let text, _): return "'\(YAMLToken.excerpt(text))'"
        }
    }

    /// The first line of `text`, shortened to 40 characters, for quoting in messages.
    static func excerpt(_ text: String) -> String {
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let shortened = firstLine.count > 40 ? firstLine.prefix(37) + "..." : firstLine
        return String(shortened)
    }
}

/// A node of the composed document graph (PyYAML's `yaml.Node`): scalar text, sequence or mapping, with
/// its resolved tag and start position, before any value is constructed.
///
/// Children are indices into the graph's node array, so an alias is simply a second reference to the
/// anchored node, as in PyYAML. That sharing is what makes `<<` merges and construction behave like
/// PyYAML's (which works on nodes, not values).
struct YAMLComposedNode: Sendable {
    /// A key/value pair of a mapping node, as node indices.
    struct Pair: Sendable {
        var key: Int
        var value: Int
    }

    enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([Int])
        case mapping([Pair])
    }

    var content: Content
    var tag: YAMLTag
    var mark: YAMLMark

    /// PyYAML's `node.id`, for messages such as "expected a mapping node, but found sequence".
    var kindName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}

/// The tag of a composed node after PyYAML's resolution: explicit tags mapped to Ansible's constructors,
/// implicit ones (plain scalars, untagged collections) resolved by `YAMLImplicitResolver`.
enum YAMLTag: Equatable, Sendable {
    case null, bool, int, float, timestamp, str, binary
    case merge, value
    case seq, map, set, omap, pairs
    case unsafe, vault
    /// A tag no constructor exists for; constructing such a node is an error, as in PyYAML.
    case unknown(String)

    private static let yamlPrefix = "tag:yaml.org,2002:"

    /// Maps a full tag URI (after `%TAG` handle expansion) to the constructor Ansible registers for it.
    init(uri: String) {
        if uri.hasPrefix(Self.yamlPrefix) {
            switch uri.dropFirst(Self.yamlPrefix.count) {
            case "null": self = .null
            case "bool": self = .bool
            case "int": self = .int
            case "float": self = .float
            case "timestamp": self = .timestamp
            case "str", "python/unicode": self = .str
            case "binary": self = .binary
            case "merge": self = .merge
            case "value": self = .value
            case "seq": self = .seq
            case "map", "python/dict": self = .map
            case "set": self = .set
            case "omap": self = .omap
            case "pairs": self = .pairs
            default: self = .unknown(uri)
            }
            return
        }
        switch uri {
        case "!unsafe": self = .unsafe
        case "!vault", "!vault-encrypted": self = .vault
        default: self = .unknown(uri)
        }
    }

    /// The tag as PyYAML names it in messages.
    var uri: String {
        switch self {
        case .unknown(let uri): return uri
        case .unsafe: return "!unsafe"
        case .vault: return "!vault"
        default: return Self.yamlPrefix + "\(self)"
        }
    }
}

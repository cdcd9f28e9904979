import K8sUpSupport
import PythonParity

/// A node of a loaded YAML or JSON data file: its content, typed as Ansible types it, and the place where
/// it starts, so that code walking the tree can report errors with positions.
///
/// Scalars are already resolved (`yes` is `.bool(true)`, `0x1F` is `.int(31)`, `2001-12-14` is the
/// string Ansible prints for a date). Mappings have `<<` merges applied and duplicate keys removed as a
/// Python dict does (the first key keeps its position, the last value wins). An alias is a copy of the
/// anchored node, including its location. Call `value` to get the `DataValue` that prints like
/// `ansible-inventory --list`.
package struct YAMLNode: Equatable, Sendable {
    /// One key/value pair of a mapping node.
    package struct Entry: Equatable, Sendable {
        package var key: YAMLNode
        package var value: YAMLNode

        package init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    package enum Content: Equatable, Sendable {
        /// A null, bool, int, bigInt, float or string (never a list or mapping).
        case scalar(DataValue)
        /// A string Ansible must not template: `!unsafe 'text'`, or `{"__ansible_unsafe": "text"}` in JSON.
        case unsafeString(String)
        /// A vault-encrypted string: `!vault |` ciphertext, or `{"__ansible_vault": "…"}` in JSON.
        case vaultString(String)
        /// A list; also what `!!set` (its members), `!!omap` and `!!pairs` (two-element lists) become.
        case sequence([YAMLNode])
        /// An ordered mapping with unique keys.
        case mapping([Entry])
    }

    package var content: Content
    package var location: SourceLocation

    package init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The value as `ansible-inventory --list` prints it: `!unsafe` strings become
    /// `{"__ansible_unsafe": text}` and vaulted ones `{"__ansible_vault": ciphertext}`, as Ansible does.
    package var value: DataValue {
        switch content {
        case .scalar(let scalar): return scalar
        case .unsafeString(let text): return ["__ansible_unsafe": .string(text)]
        case .vaultString(let text): return ["__ansible_vault": .string(text)]
        case .sequence(let items): return .list(items.map(\.value))
        case .mapping(let entries): return .mapping(Self.mapping(entries) { $0.value })
        }
    }

    /// The value with `!unsafe` and `!vault` strings as plain strings (what a template sees of an unsafe
    /// string; the ciphertext of a vaulted one), for fields such as `ansible_host`.
    var plainValue: DataValue {
        switch content {
        case .scalar(let scalar): return scalar
        case .unsafeString(let text), .vaultString(let text): return .string(text)
        case .sequence(let items): return .list(items.map(\.plainValue))
        case .mapping(let entries): return .mapping(Self.mapping(entries) { $0.plainValue })
        }
    }

    /// The node as a mapping key: Ansible prints keys without their unsafe or vault markers.
    package var keyValue: DataValue { plainValue }

    private static func mapping(_ entries: [Entry], value: (YAMLNode) -> DataValue) -> DataMapping {
        var mapping = DataMapping()
        for entry in entries { mapping[entry.key.keyValue] = value(entry.value) }
        return mapping
    }

    // MARK: - Access for callers walking the tree

    /// The entries, if this is a mapping.
    package var mappingEntries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items, if this is a sequence.
    package var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The text, if this is a string (including unsafe and vaulted strings).
    package var stringValue: String? {
        switch content {
        case .scalar(.string(let text)), .unsafeString(let text), .vaultString(let text): return text
        default: return nil
        }
    }

    /// True for a null scalar (`~`, `null`, an empty value).
    package var isNull: Bool { content == .scalar(.null) }

    /// The value of `key` (compared as Python compares dict keys), if this is a mapping that has it.
    /// Linear in the number of entries; iterate `mappingEntries` to visit them all.
    package subscript(key: DataValue) -> YAMLNode? {
        guard let entries = mappingEntries else { return nil }
        var probe = DataMapping()
        probe[key] = .null
        return entries.first { probe.contains($0.key.keyValue) }?.value
    }

    package subscript(key: String) -> YAMLNode? { self[.string(key)] }

    /// The kind in Python's words ("mapping", "list", "string", "integer", …), for error messages.
    package var kindName: String {
        switch content {
        case .scalar(let scalar): return scalar.kindName
        case .unsafeString, .vaultString: return "string"
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }
}

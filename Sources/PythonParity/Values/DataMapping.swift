/// An insertion-ordered mapping with Python dict semantics, the mapping kind of `DataValue`.
///
/// Keys are scalar `DataValue`s. As in Python, `1`, `1.0` and `true` are the same key; assigning to an
/// existing key replaces its value in place and keeps the key's first spelling and position. Lookup is
/// by hash, so mappings with thousands of hosts stay fast.
package struct DataMapping: Sendable, Equatable {
    package private(set) var keys: [DataValue] = []
    package private(set) var values: [DataValue] = []
    private var index: [Key: Int] = [:]

    package init() {}

    package var count: Int { keys.count }
    package var isEmpty: Bool { keys.isEmpty }

    /// The entries in insertion order.
    package var entries: [(key: DataValue, value: DataValue)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }

    /// Whether `key` can be a mapping key at all (Python: whether it is hashable).
    package static func isValidKey(_ key: DataValue) -> Bool {
        Key(key) != nil
    }

    package subscript(key: DataValue) -> DataValue? {
        get {
            guard let hashKey = Key(key), let position = index[hashKey] else { return nil }
            return values[position]
        }
        set {
            guard let hashKey = Key(key) else { return }
            if let position = index[hashKey] {
                if let newValue {
                    values[position] = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                index[hashKey] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    package subscript(key: String) -> DataValue? {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    /// Whether the mapping has `key`.
    package func contains(_ key: DataValue) -> Bool {
        guard let hashKey = Key(key) else { return false }
        return index[hashKey] != nil
    }

    /// Where `key` sits in insertion order (the index into `keys` and `values`), if present.
    package func position(of key: DataValue) -> Int? {
        guard let hashKey = Key(key) else { return nil }
        return index[hashKey]
    }

    /// Python's `self | other`: every entry of `other` replaces or appends to a copy of `self`.
    package func merging(_ other: DataMapping) -> DataMapping {
        var result = self
        for (key, value) in zip(other.keys, other.values) { result[key] = value }
        return result
    }

    private mutating func remove(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        index = [:]
        for (offset, key) in keys.enumerated() {
            if let hashKey = Key(key) { index[hashKey] = offset }
        }
    }

    package static func == (lhs: DataMapping, rhs: DataMapping) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in zip(lhs.keys, lhs.values) where rhs[key] != value {
            return false
        }
        return true
    }

    /// A key normalised the way Python hashes it: `true == 1 == 1.0`.
    private enum Key: Hashable {
        case null
        case int(Int)
        case bigInt(String)
        case float(Double)
        case string(String)

        init?(_ value: DataValue) {
            switch value {
            case .null: self = .null
            case .bool(let flag): self = .int(flag ? 1 : 0)
            case .int(let number): self = .int(number)
            case .bigInt(let digits): self = .bigInt(digits)
            case .float(let number):
                if number.rounded() == number, let exact = Int(exactly: number) {
                    self = .int(exact)
                } else {
                    self = .float(number)
                }
            case .string(let text): self = .string(text)
            case .list, .mapping: return nil
            }
        }
    }
}

import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Path access into Kubernetes objects held as `DataValue` trees: `pod[["status", "phase"]]`.
extension DataValue {
    /// The value at `path` (mapping keys), nil when any step is missing or not a mapping.
    subscript(path: [String]) -> DataValue? {
        get {
            var current = self
            for key in path {
                guard let next = current.mappingValue?[key] else { return nil }
                current = next
            }
            return current
        }
        set {
            guard let first = path.first else {
                self = newValue ?? .null
                return
            }
            var mapping = mappingValue ?? DataMapping()
            if path.count == 1 {
                mapping[first] = newValue
            } else {
                var child = mapping[first] ?? .mapping(DataMapping())
                if child.mappingValue == nil { child = .mapping(DataMapping()) }
                child[Array(path.dropFirst())] = newValue
                mapping[first] = child
            }
            self = .mapping(mapping)
        }
    }

    /// The string at `path`.
    func string(_ path: String...) -> String? { self[path]?.stringValue }

    /// The integer at `path` (also from a float with an integral value).
    func int(_ path: String...) -> Int? {
        switch self[path] {
        case .int(let number)?: return number
        case .float(let number)? where number.rounded() == number: return Int(exactly: number)
        default: return nil
        }
    }

    /// A string-to-string map at `path` (labels, annotations); non-string values are skipped.
    func stringMap(_ path: String...) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in self[path]?.mappingValue?.entries ?? [] {
            if let key = key.stringValue, let text = value.stringValue { result[key] = text }
        }
        return result
    }

    /// A mapping value from a string dictionary.
    static func strings(_ map: [String: String]) -> DataValue {
        var mapping = DataMapping()
        for key in map.keys.sorted() { mapping[key] = .string(map[key] ?? "") }
        return .mapping(mapping)
    }

    /// `metadata.name`.
    var objectName: String { string("metadata", "name") ?? "" }

    /// `metadata.namespace`, "" for cluster-scoped objects.
    var objectNamespace: String { string("metadata", "namespace") ?? "" }
}

import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Typed access to one mapping of a scenario file: every key must be known, every value of the right
/// kind, and every error names the place.
struct ScenarioFields {
    let node: DataNode
    let context: String
    private var values: [String: DataNode] = [:]

    init(_ node: DataNode, context: String, allowed: [String]) throws(ScenarioError) {
        self.node = node
        self.context = context
        guard let entries = node.entries else {
            throw ScenarioError("\(context) must be a mapping, not a \(node.kindName)", at: node.location)
        }
        for (key, value) in entries {
            guard let name = key.stringValue, allowed.contains(name) else {
                throw ScenarioError(
                    "unknown key \(key.value.scalarText) in \(context) (known: \(allowed.joined(separator: ", ")))",
                    at: key.location)
            }
            values[name] = value
        }
    }

    func has(_ key: String) -> Bool { values[key].map { !$0.isNull } ?? false }

    func raw(_ key: String) -> DataNode? { values[key].flatMap { $0.isNull ? nil : $0 } }

    func string(_ key: String) throws(ScenarioError) -> String? {
        guard let value = raw(key) else { return nil }
        switch value.value {
        case .string(let text): return text
        case .int, .float, .bigInt: return value.value.scalarText
        default: throw ScenarioError("\(context).\(key) must be a string, not a \(value.kindName)", at: value.location)
        }
    }

    func requiredString(_ key: String) throws(ScenarioError) -> String {
        guard let text = try string(key), !text.isEmpty else {
            throw ScenarioError("\(context) needs \(key)", at: node.location)
        }
        return text
    }

    func int(_ key: String) throws(ScenarioError) -> Int? {
        guard let value = raw(key) else { return nil }
        guard case .int(let number) = value.value else {
            throw ScenarioError("\(context).\(key) must be an integer, not a \(value.kindName)", at: value.location)
        }
        return number
    }

    func double(_ key: String) throws(ScenarioError) -> Double? {
        guard let value = raw(key) else { return nil }
        switch value.value {
        case .int(let number): return Double(number)
        case .float(let number): return number
        default: throw ScenarioError("\(context).\(key) must be a number, not a \(value.kindName)", at: value.location)
        }
    }

    func bool(_ key: String) throws(ScenarioError) -> Bool? {
        guard let value = raw(key) else { return nil }
        guard case .bool(let flag) = value.value else {
            throw ScenarioError("\(context).\(key) must be true or false, not a \(value.kindName)", at: value.location)
        }
        return flag
    }

    func list(_ key: String) throws(ScenarioError) -> [DataNode] {
        guard let value = raw(key) else { return [] }
        guard let items = value.items else {
            throw ScenarioError("\(context).\(key) must be a list, not a \(value.kindName)", at: value.location)
        }
        return items
    }

    func strings(_ key: String) throws(ScenarioError) -> [String] {
        var result: [String] = []
        for item in try list(key) {
            guard let text = item.stringValue else {
                throw ScenarioError("\(context).\(key) must list strings, not a \(item.kindName)", at: item.location)
            }
            result.append(text)
        }
        return result
    }

    func stringMap(_ key: String) throws(ScenarioError) -> [String: String] {
        guard let value = raw(key) else { return [:] }
        guard let entries = value.entries else {
            throw ScenarioError("\(context).\(key) must be a mapping, not a \(value.kindName)", at: value.location)
        }
        var result: [String: String] = [:]
        for (name, item) in entries {
            guard let name = name.stringValue, !item.value.isNull, item.items == nil, item.entries == nil else {
                throw ScenarioError("\(context).\(key) must map strings to strings", at: item.location)
            }
            result[name] = item.stringValue ?? item.value.scalarText
        }
        return result
    }
}

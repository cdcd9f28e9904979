import K8sUpSupport

/// Objects of which a `JSONShape` keeps some members: the members it names are parsed (with their own
/// shapes), the others skipped; the kept ones stay in document order, a repeated one keeps its first
/// position and its last value, as in a whole object.
extension JSONReader.Parser {
    mutating func parsePrunedObject(_ start: SourceLocation, _ shape: JSONShape) throws(YAMLError) -> YAMLNode {
        index += 1
        skipWhitespace()
        var entries: [YAMLNode.Entry] = []
        if current == UInt8(ascii: "}") {
            index += 1
            return YAMLNode(.mapping(entries), at: start)
        }
        var hasAnsibleKeys = false
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw error("expecting property name enclosed in double quotes")
            }
            let keyStart = index
            let plan: JSONShape.MemberPlan
            var name: String?
            if try skipString() {
                // Escapes in the name: decode it to know which member it is.
                let end = index
                index = keyStart
                let decoded = try parseString()
                index = end
                name = decoded
                plan = Array(decoded.utf8).withUnsafeBufferPointer { shape.plan(forMember: $0[...]) }
            } else {
                plan = shape.plan(forMember: bytes[(keyStart + 1)..<(index - 1)])
            }
            // The name is on the line being read until the blanks after it.
            let keyLocation = plan.mayKeep ? location(at: keyStart) : nil
            let keyEnd = index
            try skipColon()
            let valueShape: JSONShape?
            switch plan {
            case .skip: valueShape = nil
            case .keepUnlessString:
                // A string is skipped, unless it replaces a kept value of the same name.
                let isString = current == UInt8(ascii: "\"")
                let key = name ?? String(decoding: bytes[(keyStart + 1)..<(keyEnd - 1)], as: UTF8.self)
                valueShape = isString && !entries.contains { $0.key.stringValue == key } ? nil : .all
            case .keep(let shape): valueShape = shape
            }
            if let valueShape, let keyLocation {
                let key = name ?? String(decoding: bytes[(keyStart + 1)..<(keyEnd - 1)], as: UTF8.self)
                let value = try parseValue(valueShape)
                if let position = entries.firstIndex(where: { $0.key.stringValue == key }) {
                    entries[position].value = value
                } else {
                    hasAnsibleKeys = hasAnsibleKeys || key.hasPrefix("__ansible_")
                    entries.append(YAMLNode.Entry(key: YAMLNode(.scalar(.string(key)), at: keyLocation), value: value))
                }
            } else {
                try skipValue()
            }
            guard try skipSeparator(closing: UInt8(ascii: "}")) else { break }
        }
        guard hasAnsibleKeys else { return YAMLNode(.mapping(entries), at: start) }
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            if let key = entry.key.stringValue { positions[key] = position }
        }
        return try Self.applyObjectHook(entries, positions: positions, at: start, parser: &self)
    }
}

import K8sUpSupport
import PythonParity

/// Reads JSON exactly as Ansible's `json.loads(text, cls=_legacy.Decoder)` does, into the same
/// `YAMLNode` tree the YAML reader produces (with positions).
///
/// Python's rules: `NaN`, `Infinity` and `-Infinity` are accepted; integers keep all digits (up to
/// Python's 4300-digit limit); a number is a float only when it has a fraction or exponent; a repeated
/// key keeps its first position and its last value; no BOM, comments or trailing commas. Ansible's
/// decoder turns `{"__ansible_unsafe": text}` and `{"__ansible_vault": text}` into unsafe and vaulted
/// strings and refuses `__ansible_type` objects (so `DataFileLoader` falls back to YAML for those).
package enum JSONReader {
    /// Collections nested deeper than this are refused (Python gives up at about the same depth).
    static let maximumDepth = 512

    package static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode {
        try parse(text, file: file, keeping: .all)
    }

    /// The parts of `text` that `shape` keeps; the rest is checked for syntax only.
    package static func parse(_ text: String, file: String, keeping shape: JSONShape) throws(YAMLError) -> YAMLNode {
        var text = text
        // A native string's UTF-8 is contiguous: read in place, no copy.
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLError) in try parse(bytes: bytes, file: file, keeping: shape) }
        }
        return try result.get()
    }

    /// The parts of the UTF-8 `bytes` (valid UTF-8, which the caller checks) that `shape` keeps.
    /// `passed`, when given, is called now and then with the offset the reader has read up to (at least
    /// every `progressInterval` bytes, after an item of a list), so that the caller can release the bytes
    /// before it.
    package static func parse(
        bytes: UnsafeBufferPointer<UInt8>, file: String, keeping shape: JSONShape,
        passed: ((_ offset: Int) -> Void)? = nil
    ) throws(YAMLError) -> YAMLNode {
        var parser = Parser(bytes: bytes, file: file)
        parser.passed = passed
        return try parser.parseDocument(keeping: shape)
    }

    /// How often `parse(bytes:file:keeping:passed:)` reports its progress.
    package static let progressInterval = 16 << 20

    /// A recursive-descent JSON parser over UTF-8 bytes, which only lives while they do.
    package struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var index = 0
        var line = 1
        var lineStart = 0
        /// A known (byte offset, column) on the current line, so that columns cost linear time overall.
        var columnCache = (offset: 0, column: 1)
        var depth = 0
        /// Told the offset read up to, every `progressInterval` bytes or so.
        var passed: ((Int) -> Void)?
        var lastReported = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
        }

        var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func location() -> SourceLocation { location(at: index) }

        /// The place of a byte on the current line.
        mutating func location(at position: Int) -> SourceLocation {
            if columnCache.offset < lineStart || columnCache.offset > position { columnCache = (lineStart, 1) }
            var column = columnCache.column
            for offset in columnCache.offset..<position where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            columnCache = (position, column)
            return SourceLocation(file: file, line: line, column: column)
        }

        mutating func error(_ message: String) -> YAMLError {
            YAMLError("invalid JSON: " + message, at: location())
        }

        mutating func parseDocument(keeping shape: JSONShape) throws(YAMLError) -> YAMLNode {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw error("unexpected UTF-8 byte order mark") }
            skipWhitespace()
            let value = try parseValue(shape)
            skipWhitespace()
            guard index == bytes.count else { throw error("extra data after the JSON value") }
            return value
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                case UInt8(ascii: "\n"):
                    index += 1
                    line += 1
                    lineStart = index
                default:
                    return
                }
            }
        }

        /// The value at the current byte, of which `shape` says what to keep.
        mutating func parseValue(_ shape: JSONShape = .all) throws(YAMLError) -> YAMLNode {
            let start = location()
            switch current {
            case UInt8(ascii: "\""): return YAMLNode(.scalar(.string(try parseString())), at: start)
            case UInt8(ascii: "{"):
                if case .object = shape {
                    return try nested { parser throws(YAMLError) in try parser.parsePrunedObject(start, shape) }
                }
                return try nested { parser throws(YAMLError) in try parser.parseObject(start) }
            case UInt8(ascii: "["):
                let itemShape: JSONShape
                if case .list(let shape) = shape { itemShape = shape } else { itemShape = .all }
                return try nested { parser throws(YAMLError) in try parser.parseArray(start, itemShape) }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return YAMLNode(.scalar(try parseNumber()), at: start)
            default:
                for (word, value) in Self.literals where bytes[index...].starts(with: word.utf8) {
                    index += word.utf8.count
                    return YAMLNode(.scalar(value), at: start)
                }
                throw error("expecting a value")
            }
        }

        static let literals: [(String, DataValue)] = [
            ("null", .null), ("true", .bool(true)), ("false", .bool(false)),
            ("NaN", .float(.nan)), ("Infinity", .float(.infinity)),
        ]

        mutating func nested(_ body: (inout Parser) throws(YAMLError) -> YAMLNode) throws(YAMLError) -> YAMLNode {
            depth += 1
            defer { depth -= 1 }
            guard depth <= JSONReader.maximumDepth else {
                throw error("arrays and objects are nested more than \(JSONReader.maximumDepth) levels deep")
            }
            return try body(&self)
        }

        mutating func parseArray(_ start: SourceLocation, _ itemShape: JSONShape) throws(YAMLError) -> YAMLNode {
            index += 1
            skipWhitespace()
            var items: [YAMLNode] = []
            if current == UInt8(ascii: "]") {
                index += 1
                return YAMLNode(.sequence(items), at: start)
            }
            while true {
                items.append(try parseValue(itemShape))
                if let passed, index - lastReported >= JSONReader.progressInterval {
                    lastReported = index
                    passed(index)
                }
                guard try skipSeparator(closing: UInt8(ascii: "]")) else {
                    return YAMLNode(.sequence(items), at: start)
                }
            }
        }

        mutating func parseObject(_ start: SourceLocation) throws(YAMLError) -> YAMLNode {
            index += 1
            skipWhitespace()
            var entries: [YAMLNode.Entry] = []
            var positions: [String: Int] = [:]
            if current == UInt8(ascii: "}") {
                index += 1
                return YAMLNode(.mapping(entries), at: start)
            }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw error("expecting property name enclosed in double quotes")
                }
                let keyStart = location()
                let key = try parseString()
                try skipColon()
                let value = try parseValue()
                if let position = positions[key] {
                    entries[position].value = value
                } else {
                    positions[key] = entries.count
                    entries.append(YAMLNode.Entry(key: YAMLNode(.scalar(.string(key)), at: keyStart), value: value))
                }
                guard try skipSeparator(closing: UInt8(ascii: "}")) else {
                    return try Self.applyObjectHook(entries, positions: positions, at: start, parser: &self)
                }
            }
        }

        /// Ansible's `object_hook`: the first of its special keys present decides what the object becomes.
        static func applyObjectHook(
            _ entries: [YAMLNode.Entry], positions: [String: Int],
            at start: SourceLocation, parser: inout Parser
        ) throws(YAMLError)
            -> YAMLNode
        {
            if let position = positions["__ansible_unsafe"] {
                guard let text = entries[position].value.content.plainString else {
                    throw parser.error("__ansible_unsafe must be a string")
                }
                return YAMLNode(.unsafeString(text), at: start)
            }
            if let position = positions["__ansible_vault"] {
                guard let text = entries[position].value.content.plainString else {
                    throw parser.error("__ansible_vault must be a string")
                }
                return YAMLNode(.vaultString(text), at: start)
            }
            if positions["__ansible_type"] != nil {
                throw parser.error("__ansible_type objects are not supported")
            }
            return YAMLNode(.mapping(entries), at: start)
        }
    }
}

extension YAMLNode.Content {
    /// The text of a plain (not unsafe, not vaulted) string scalar.
    fileprivate var plainString: String? {
        if case .scalar(.string(let text)) = self { return text }
        return nil
    }
}

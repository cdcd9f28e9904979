import K8sUpInventory
import K8sUpReaders
import K8sUpSupport

/// Turns kubectl JSON (a snapshot file or live output) into a decoded value, with errors that say where
/// and what: our `JSONReader` first, for the line and column of a syntax error and to tell a cut-off file
/// from a broken one; then `KubeTreeDecoder` on its tree, whose errors name the JSON path. Given a
/// `JSONShape`, the reader builds only the parts the decoder reads and checks the rest for syntax only.
/// `command` is the kubectl command whose output the input should be, for the messages.
package enum KubeJSONInput {
    /// The text of raw bytes: UTF-8, with a byte order mark allowed (editors on Windows add one).
    package static func text(of bytes: [UInt8], source: String, command: String) throws(ClusterStateError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .notJSON(
                SourceLocation(file: source, line: 1, column: 1), problem: "the text is UTF-16, not UTF-8",
                hint: "save it as UTF-8 (Windows PowerShell's `>` writes UTF-16; pipe to `Out-File -Encoding utf8`)",
                command: command)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        // Invalid: the slower reader that names the line and column of the first bad byte.
        do {
            return try DataFiles.decodeUTF8(body, file: source)
        } catch .invalid(let location, let message) {
            throw .notJSON(location, problem: message, hint: nil, command: command)
        } catch {
            throw .notJSON(SourceLocation(file: source), problem: "\(error)", hint: nil, command: command)
        }
    }

    /// The parsed tree of `text`, of which `shape` says what to keep.
    package static func parse(
        _ text: String, source: String, command: String, keeping shape: JSONShape = .all
    ) throws(ClusterStateError) -> YAMLNode {
        var text = text
        // A native string's UTF-8 is contiguous: read in place, no copy.
        let result = text.withUTF8 { bytes in
            Result { () throws(ClusterStateError) in
                try parse(validUTF8: bytes, source: source, command: command, keeping: shape)
            }
        }
        return try result.get()
    }

    /// The parsed tree of raw bytes (checked to be UTF-8, a byte order mark allowed, in place), of which
    /// `shape` says what to keep.
    package static func parse(
        bytes: UnsafeBufferPointer<UInt8>, source: String, command: String, keeping shape: JSONShape,
        passed: ((_ offset: Int) -> Void)? = nil
    ) throws(ClusterStateError) -> YAMLNode {
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasByteOrderMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
        guard !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]), UTF8Validation.isValid(body) else {
            // The slower check that says what is wrong, and where.
            _ = try text(of: Array(bytes), source: source, command: command)
            throw .notJSON(SourceLocation(file: source), problem: "invalid UTF-8", hint: nil, command: command)
        }
        let offset = hasByteOrderMark ? 3 : 0
        return try parse(
            validUTF8: body, source: source, command: command, keeping: shape,
            passed: passed.map { passed in { passed($0 + offset) } })
    }

    private static func parse(
        validUTF8 bytes: UnsafeBufferPointer<UInt8>, source: String, command: String, keeping shape: JSONShape,
        passed: ((Int) -> Void)? = nil
    ) throws(ClusterStateError) -> YAMLNode {
        guard hasText(bytes) else { throw .empty(source: source, command: command) }
        do {
            return try JSONReader.parse(bytes: bytes, file: source, keeping: shape, passed: passed)
        } catch {
            let problem =
                error.message.hasPrefix("invalid JSON: ") ? String(error.message.dropFirst(14)) : error.message
            let text = String(decoding: bytes, as: UTF8.self)
            if endsEarly(text, at: error.location) {
                throw .truncated(error.location, problem: problem, command: command)
            }
            throw .notJSON(
                error.location, problem: problem, hint: hint(text, problem, error.location), command: command)
        }
    }

    /// Whether there is more than whitespace (Unicode's, as `Character.isWhitespace` says).
    private static func hasText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.firstIndex(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }) else { return false }
        if bytes[first] < 0x80 { return true }
        return String(decoding: bytes[first...], as: UTF8.self).contains { !$0.isWhitespace }
    }

    /// Decodes the tree as `type`; a `DecodingError` becomes `.wrongShape` at the place it names.
    package static func decode<Value: Decodable>(
        _ type: Value.Type, from root: YAMLNode, command: String
    ) throws(ClusterStateError) -> Value {
        do {
            return try KubeTreeDecoder.decode(type, from: root)
        } catch let error as DecodingError {
            throw shapeError(error, in: root, command: command)
        } catch {
            throw .wrongShape(root.location, path: "", problem: "\(error)")
        }
    }

    /// The place of a JSON path in the tree: the value there, or the object that lacks a member.
    package static func location(of path: KubeJSONPath, in root: YAMLNode) -> SourceLocation {
        path.deepestNode(in: root).location
    }

    private static func shapeError(_ error: DecodingError, in root: YAMLNode, command: String) -> ClusterStateError {
        let path: KubeJSONPath
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let keyContext):
            path = KubeJSONPath(codingPath: keyContext.codingPath + [key])
            context = keyContext
        case .typeMismatch(_, let valueContext), .valueNotFound(_, let valueContext),
            .dataCorrupted(let valueContext):
            path = KubeJSONPath(codingPath: valueContext.codingPath)
            context = valueContext
        @unknown default:
            return .wrongShape(root.location, path: "", problem: "\(error)")
        }
        let location = location(of: KubeJSONPath(codingPath: context.codingPath), in: root)
        // Near the top, the whole document is of the wrong kind: say what it should be.
        let hint = path.components.count <= 1 ? "; it should be the output of `\(command)`" : ""
        return .wrongShape(location, path: path.description, problem: context.debugDescription + hint)
    }

    /// Whether the reader failed because the text stops: nothing but blanks, the start of a literal
    /// (`tru`, `-`) or the rest of a cut number (`.`, `e-`) follows the place of the error.
    static func endsEarly(_ text: String, at location: SourceLocation) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        for _ in 1..<max(location.line, 1) {
            guard let newline = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) else { return true }
            offset = newline + 1
        }
        // Columns count Unicode scalars, as the reader does.
        for _ in 1..<max(location.column, 1) where offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        }
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let end = (bytes.lastIndex { !blanks.contains($0) } ?? -1) + 1
        guard offset < end else { return true }
        guard end - offset <= 9 else { return false }
        let rest = String(decoding: bytes[offset..<end], as: UTF8.self)
        // The rest of a number cut off after its point or exponent (`0.`, `1e`): the reader stops before it.
        if rest.allSatisfy({ "0123456789.eE+-".contains($0) }) { return true }
        return ["true", "false", "null", "NaN", "Infinity", "-Infinity"].contains { $0 != rest && $0.hasPrefix(rest) }
    }

    /// Advice when the text is recognisably something else: a second document after the first, or, when
    /// the very first character is wrong, YAML, a kubectl table or a kubectl error message.
    private static func hint(_ text: String, _ problem: String, _ location: SourceLocation) -> String? {
        if problem == "extra data after the JSON value" {
            return "a second JSON document starts here (was kubectl's output added to the file twice?)"
        }
        // JSON's blanks, counted in Unicode scalars as the reader counts columns.
        let blanks = text.unicodeScalars.prefix { " \t\r\n".unicodeScalars.contains($0) }
        let line = 1 + blanks.count { $0 == "\n" }
        let column = 1 + blanks.reversed().prefix { $0 != "\n" }.count
        guard (location.line, location.column) == (line, column) else { return nil }
        let start = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(blanks.count).prefix(200)))
        let yamlStarts = ["apiVersion:", "kind:", "items:", "---", "metadata:"]
        if yamlStarts.contains(where: start.hasPrefix) {
            return "it looks like YAML: save the output of kubectl with `-o json`, not `-o yaml`"
        }
        if start.hasPrefix("NAME ") {
            return "it looks like kubectl's table output: save it with `-o json`"
        }
        let errorStarts = ["error:", "Error from server", "The connection to the server", "Unable to connect"]
        if errorStarts.contains(where: start.hasPrefix) {
            return "it looks like an error message from kubectl, not its output: \(start.prefix { !$0.isNewline })"
        }
        return nil
    }
}

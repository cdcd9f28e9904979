import K8sUpSupport

/// Reads a YAML data file the way Ansible does (`yaml.load(text, Loader=AnsibleLoader)`: PyYAML with
/// libyaml, YAML 1.1 typing, Ansible's `!unsafe` and `!vault` tags), into a `YAMLNode` tree.
///
/// Use `DataFileLoader` for inventory and variable files: like Ansible, it tries JSON first.
enum YAMLReader {
    /// Parses the single YAML document in `text`.
    ///
    /// - Parameter file: the file name used in node locations and error messages.
    /// - Returns: the document's root node, or nil for an empty stream (only comments, or `---` with no
    ///   content), which Ansible loads as `None`.
    /// - Throws: `YAMLError` at the first syntax or typing error, or when the stream has a second document.
    static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        try checkCharacters(bytes, file: file)
        var parser = YAMLParser(scanner: YAMLScanner(input: bytes, file: file))
        guard let root = try parser.parseSingleDocument() else { return nil }
        var constructor = YAMLConstructor(nodes: parser.nodes, file: file)
        try constructor.constructDocument(root: root)
        var builder = YAMLTreeBuilder(constructor: constructor)
        return try builder.tree(root)
    }

    /// libyaml's reader check: tab, line breaks and printable characters only (no C0/C1 controls, DEL,
    /// U+FFFE or U+FFFF), anywhere in the file, quoted or not.
    static func checkCharacters(_ bytes: [UInt8], file: String) throws(YAMLError) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead >= 0x20 && lead != 0x7F || lead == 0x09 || lead == 0x0A || lead == 0x0D {
                    index += 1
                    continue
                }
                throw controlCharacterError(UInt32(lead), at: index, in: bytes, file: file)
            }
            let width = YAMLScanner.width(lead)
            if width == 2 {
                let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                guard value == 0x85 || value >= 0xA0 else {
                    throw controlCharacterError(value, at: index, in: bytes, file: file)
                }
            } else if width == 3 && lead == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                throw controlCharacterError(0xFFFE + UInt32(bytes[index + 2] - 0xBE), at: index, in: bytes, file: file)
            }
            index += width
        }
    }

    private static func controlCharacterError(
        _ value: UInt32, at offset: Int, in bytes: [UInt8],
        file: String
    ) -> YAMLError {
        var line = 1
        var column = 1
        var index = 0
        while index < offset {
            let byte = bytes[index]
            let isCRLF = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
            let isBreak =
                byte == 0x0A || (byte == 0x0D && !isCRLF)
                || (byte == 0xC2 && bytes[index + 1] == 0x85)
                || (byte == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
            if isBreak {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && !isCRLF {
                column += 1
            }
            index += 1
        }
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return YAMLError(
            "found control character \(code), which YAML does not allow in a file (write it as an "
                + "escape such as \\x01 inside double quotes)",
            at: SourceLocation(file: file, line: line, column: column))
    }
}

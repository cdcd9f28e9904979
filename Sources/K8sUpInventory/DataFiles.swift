import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Reading inventory and vars files as Ansible does: strict UTF-8 (a byte order mark is kept, as
/// Python keeps it), then JSON if Python's `json.loads` would accept it, else one YAML document.
package enum DataFiles {
    /// The file's text; invalid UTF-8 is an error naming the line it is on.
    package static func readText(_ path: String, fileSystem: any FileSystemReading) throws(InventoryError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.bytes(of: path)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try decodeUTF8(bytes, file: path)
    }

    /// Decodes UTF-8 strictly, reporting the line and column of the first invalid byte.
    package static func decodeUTF8(_ bytes: [UInt8], file: String) throws(InventoryError) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                let before = bytes[..<offset]
                let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
                throw .invalid(
                    SourceLocation(file: file, line: line, column: column),
                    "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16)) here)")
            }
        }
    }

    /// The parsed tree of a YAML or JSON file; nil for an empty document.
    package static func parseNode(_ text: String, file: String) throws(InventoryError) -> YAMLNode? {
        do {
            return try DataFileLoader.load(text: text, file: file)
        } catch {
            throw .invalid(error.location, error.message)
        }
    }

    /// The value of a YAML or JSON vars file; nil for an empty document.
    package static func parse(_ text: String, file: String) throws(InventoryError) -> DataValue? {
        try parseNode(text, file: file)?.value
    }
}

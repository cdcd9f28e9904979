import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Helpers shared by the YAML reader tests.
enum YAMLTestSupport {
    /// The value Ansible would load from `text` (JSON first, then YAML); `.null` for an empty stream.
    static func load(_ text: String, file: String = "t.yml") throws -> DataValue {
        try DataFileLoader.load(text: text, file: file)?.value ?? .null
    }

    /// The YAML node tree of `text`, read as YAML only.
    static func node(_ text: String, file: String = "t.yml") throws -> YAMLNode? {
        try YAMLReader.parse(text, file: file)
    }

    /// The error loading `text` gives, or nil when it loads.
    static func error(_ text: String, file: String = "t.yml") -> YAMLError? {
        do {
            _ = try DataFileLoader.load(text: text, file: file)
            return nil
        } catch {
            return error
        }
    }

    /// The value under `key` of the document's top-level mapping.
    static func value(_ key: String, in text: String) throws -> DataValue? {
        try load(text).mappingValue?[key]
    }

    /// File contents as Ansible reads them: UTF-8 bytes decoded as-is (a byte order mark is kept).
    static func readText(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}

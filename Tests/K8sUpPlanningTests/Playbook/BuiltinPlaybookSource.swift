import Foundation
import K8sUpTestSupport

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Writes `Sources/K8sUpPlanning/Playbook/BuiltinPlaybookTexts.swift` (the list) and one
/// `BuiltinPlaybookTexts+Name.swift` per playbook: the files of `Playbooks/` as raw string literals, byte
/// for byte, so that k8sup carries them when installed without the repository.
enum BuiltinPlaybookSource {
    static let playbooksDirectory = TestPaths.packageRoot + "/Playbooks"
    static let swiftDirectory = TestPaths.packageRoot + "/Sources/K8sUpPlanning/Playbook"
    static let indexFile = "BuiltinPlaybookTexts.swift"

    /// The playbook files by name (without `.yaml`): the default first, then by name.
    static func files() throws -> [(name: String, text: String)] {
        let entries = try FileManager.default.contentsOfDirectory(atPath: playbooksDirectory)
        let names: [String] = entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        let ordered = names.filter { $0 == "kubeadm-apt" } + names.filter { $0 != "kubeadm-apt" }
        return try ordered.map { name in
            (name, try String(contentsOfFile: playbooksDirectory + "/" + name + ".yaml", encoding: .utf8))
        }
    }

    /// The Swift files for these playbooks, by file name (in `swiftDirectory`).
    static func render(_ playbooks: [(name: String, text: String)]) -> [String: String] {
        let header = "// Generated from Playbooks/*.yaml by `RECORD_GOLDEN=1 swift test`; do not edit by hand.\n\n"
        var index =
            header + """
                /// The playbooks of `Playbooks/`, compiled in so that an installed k8sup works without the
                /// repository (one file per playbook beside this one). `BuiltinPlaybookTextsTests` fails when a
                /// text differs from its file, and `RECORD_GOLDEN=1 swift test` rewrites these files.
                enum BuiltinPlaybookTexts {
                    /// Each playbook's name and exact YAML text, the default first.
                    static let all: [(name: String, text: String)] = [

                """
        for playbook in playbooks {
            index += "        (\"\(playbook.name)\", \(identifier(playbook.name))),\n"
        }
        var files = [indexFile: index + "    ]\n}\n"]
        for playbook in playbooks {
            let hashes = String(repeating: "#", count: delimiterHashes(playbook.text))
            var text = header + "extension BuiltinPlaybookTexts {\n"
            text += "    /// `Playbooks/\(playbook.name).yaml`.\n"
            text += "    static let \(identifier(playbook.name)) = \(hashes)\"\"\"\n"
            // Indented like the closing delimiter, as swift-format lays it out; Swift strips that indent.
            let lines = playbook.text.split(separator: "\n", omittingEmptySubsequences: false)
            text += lines.map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
            // The literal ends before the newline that precedes its closing delimiter.
            text += "\n        \"\"\"\(hashes)\n}\n"
            files[fileName(playbook.name)] = text
        }
        return files
    }

    /// `BuiltinPlaybookTexts+KubeadmApt.swift` for `kubeadm-apt`.
    static func fileName(_ name: String) -> String {
        let identifier = identifier(name)
        return "BuiltinPlaybookTexts+" + identifier.prefix(1).uppercased() + identifier.dropFirst() + ".swift"
    }

    /// The generated files now in `swiftDirectory`, by name.
    static func current() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: swiftDirectory).filter {
            $0 == indexFile || ($0.hasPrefix("BuiltinPlaybookTexts+") && $0.hasSuffix(".swift"))
        }
        var files: [String: String] = [:]
        for name in names {
            files[name] = try String(contentsOfFile: swiftDirectory + "/" + name, encoding: .utf8)
        }
        return files
    }

    /// Writes `files` and removes generated files of playbooks that are gone.
    static func write(_ files: [String: String]) throws {
        let existing = try current()
        for (name, text) in files where existing[name] != text {
            try text.write(toFile: swiftDirectory + "/" + name, atomically: true, encoding: .utf8)
        }
        for name in existing.keys where files[name] == nil {
            try FileManager.default.removeItem(atPath: swiftDirectory + "/" + name)
        }
    }

    /// `kubeadmApt` for `kubeadm-apt`.
    private static func identifier(_ name: String) -> String {
        let words = name.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard let first = words.first else { return "playbook" }
        return first + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Enough `#` that the text can neither end the raw literal nor start an escape in it.
    private static func delimiterHashes(_ text: String) -> Int {
        var count = 1
        while text.contains("\"\"\"" + String(repeating: "#", count: count))
            || text.contains("\\" + String(repeating: "#", count: count))
        {
            count += 1
        }
        return count
    }
}

import Foundation

/// Writes `Sources/K8sUpKit/Playbook/BuiltinPlaybookTexts.swift`: the files of `Playbooks/` as raw
/// string literals, byte for byte, so that k8sup carries them when installed without the repository.
enum BuiltinPlaybookSource {
    static let playbooksDirectory = TestPaths.packageRoot + "/Playbooks"
    static let swiftFile = TestPaths.packageRoot + "/Sources/K8sUpKit/Playbook/BuiltinPlaybookTexts.swift"

    /// The playbook files by name (without `.yaml`): the default first, then by name.
    static func files() throws -> [(name: String, text: String)] {
        let entries = try FileManager.default.contentsOfDirectory(atPath: playbooksDirectory)
        let names: [String] = entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        let ordered = names.filter { $0 == "kubeadm-apt" } + names.filter { $0 != "kubeadm-apt" }
        return try ordered.map { name in
            (name, try String(contentsOfFile: playbooksDirectory + "/" + name + ".yaml", encoding: .utf8))
        }
    }

    /// The Swift file for these playbooks.
    static func render(_ playbooks: [(name: String, text: String)]) -> String {
        var text = """
            // Generated from Playbooks/*.yaml by `RECORD_GOLDEN=1 swift test`; do not edit by hand.

            /// The playbooks of `Playbooks/`, compiled in so that an installed k8sup works without the
            /// repository. `BuiltinPlaybookTextsTests` fails when a text here differs from its file, and
            /// `RECORD_GOLDEN=1 swift test` rewrites this file from the files.
            enum BuiltinPlaybookTexts {
                /// Each playbook's name and exact YAML text, the default first.
                static let all: [(name: String, text: String)] = [

            """
        for playbook in playbooks {
            text += "        (\"\(playbook.name)\", \(identifier(playbook.name))),\n"
        }
        text += "    ]\n"
        for playbook in playbooks {
            let hashes = String(repeating: "#", count: delimiterHashes(playbook.text))
            text += "\n    private static let \(identifier(playbook.name)) = \(hashes)\"\"\"\n"
            // Indented like the closing delimiter, as swift-format lays it out; Swift strips that indent.
            let lines = playbook.text.split(separator: "\n", omittingEmptySubsequences: false)
            text += lines.map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
            // The literal ends before the newline that precedes its closing delimiter.
            text += "\n        \"\"\"\(hashes)\n"
        }
        return text + "}\n"
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

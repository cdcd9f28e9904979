import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// The README's `## Commands` block lists each command's usage; it must say what `--help` says.
@Suite struct ReadmeUsageTests {
    /// The README's usage entries by command (`plan`, or `--help` for k8sup's own line), each entry's
    /// lines in order, continuation lines included.
    static func readmeEntries() throws -> [String: [String]] {
        let readme = try String(contentsOfFile: TestPaths.packageRoot + "/README.md", encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex(of: "## Commands"), "README.md has no '## Commands' heading")
        let opening = try #require(
            lines[heading...].firstIndex { $0.hasPrefix("```") }, "no code block after '## Commands'")
        let closing = try #require(
            lines[(opening + 1)...].firstIndex { $0.hasPrefix("```") }, "the '## Commands' code block is not closed")
        var entries: [String: [String]] = [:]
        var current: String?
        for line in lines[(opening + 1)..<closing] where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            if line.first?.isWhitespace == true, let command = current {
                entries[command, default: []].append(line)
                continue
            }
            let words = line.split(separator: " ")
            try #require(words.first == "k8sup" && words.count > 1, "not a usage line: \(line)")
            current = String(words[1])
            entries[String(words[1]), default: []].append(line)
        }
        return entries
    }

    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func everyCommandsReadmeUsageIsItsGeneratedUsage() throws {
        let entries = try Self.readmeEntries()
        var expected = ["--help": HelpRenderer.generalUsage]
        for command in CLI.commands { expected[command.spec.name] = HelpRenderer.usage(command.spec, prefix: "") }
        for (command, usage) in expected.sorted(by: { $0.key < $1.key }) {
            guard let lines = entries[command] else {
                Issue.record("README.md's '## Commands' block has no entry for 'k8sup \(command)'; add:\n\(usage)")
                continue
            }
            let readme = lines.joined(separator: "\n")
            #expect(
                Self.normalised(readme) == Self.normalised(usage),
                """
                README.md's usage of 'k8sup \(command)' differs from `k8sup \(command) --help`:
                README:
                \(readme)
                generated:
                \(usage)
                """)
        }
        for command in entries.keys where expected[command] == nil {
            Issue.record("README.md's '## Commands' block has an entry for 'k8sup \(command)', which is not a command")
        }
    }

    @Test func readmeEntriesAreFoundPerCommandWithTheirContinuationLines() throws {
        let entries = try Self.readmeEntries()
        #expect(entries["apply"]?.count ?? 0 > 1)
        #expect(entries["apply"]?.dropFirst().allSatisfy { $0.first == " " } == true)
        #expect(entries["playbook"]?.filter { $0.hasPrefix("k8sup playbook ") }.count == 3)
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// Fuzzes `PlaybookLoader.load(text:file:)`: mutated built-in and sample playbooks, deep and huge YAML,
/// and commands full of quotes, braces and placeholders are each loaded, or refused with problems that
/// each name the file and a line of it, quickly.
@Suite struct PlaybookFuzzTests {
    static let file = "fuzz/playbook.yaml"

    static let tokens = [
        "{{ target }}", "{{ node }}", "{{", "}}", "{{ }}", "{{ a | b }}", "'", "\"", "$'", "$(", ")", "`", "\\",
        "#", "- run: x\n", "  when: target >= 1.30\n", "when: [a]", "when: \"x ==\"", "vars:\n  v:\n", ">-\n",
        "drain: []\n", "name: \n", "- ", "&&", ";", "\n    ",
    ]

    static func seeds() throws -> [FuzzCorpus.Seed] {
        let files =
            FuzzCorpus.files(under: TestPaths.packageRoot + "/Playbooks", suffixes: [".yaml"])
            + FuzzCorpus.files(under: TestPaths.fixtures + "/Playbooks", suffixes: [".yaml"])
        return files + BuiltinPlaybookTexts.all.map { FuzzCorpus.Seed(name: $0.name, bytes: Array($0.text.utf8)) }
    }

    @Test func mutatedPlaybooksAreLoadedOrRefusedWithTheirPlace() throws {
        let seeds = try Self.seeds()
        try #require(seeds.count >= 3)
        FuzzRun.mutations(kind: "playbook", of: seeds, tokens: Self.tokens, check: Self.check)
    }

    @Test func deepAndHugePlaybooksAreRefusedQuickly() {
        let size = FuzzSettings.hugeSize
        let shapes: [(String, String)] =
            [
                ("huge command", "name: x\ndrain:\n  - " + FuzzShapes.repeated("echo {{ node }} ", size / 16) + "\n"),
                ("huge quoted command", "name: x\ndrain:\n  - \"" + FuzzShapes.repeated("'\\\"", size / 3) + "\"\n"),
                ("many placeholders", "name: x\ndrain: [" + FuzzShapes.repeated("'{{{{ ', ", size / 8) + "x]\n"),
                ("unclosed braces", "name: x\ndrain: ['" + FuzzShapes.repeated("{{", size / 2) + "']\n"),
                ("nested substitutions", "name: x\ndrain: ['" + FuzzShapes.repeated("$(", size / 2) + "']\n"),
                (
                    "many commands",
                    "name: x\ndrain:\n" + FuzzShapes.repeated("  - {run: x, when: target >= 1.2}\n", size / 32)
                ),
                (
                    "huge condition",
                    "name: x\ndrain: [{run: x, when: 'target >= " + FuzzShapes.repeated("9", size) + "'}]\n"
                ),
            ] + FuzzSettings.sample(FuzzShapes.deepYAML) + FuzzSettings.sample(FuzzShapes.aliasBombs)
            + FuzzSettings.sample(FuzzShapes.hugeYAML(size: size, key: "description"))
        FuzzRun.shapes(kind: "playbook-shapes", shapes, check: Self.check)
    }

    /// nil when `bytes` (as text, invalid UTF-8 replaced) loads, or every problem names its place.
    static func check(_ bytes: [UInt8]) -> String? {
        do {
            _ = try PlaybookLoader.load(text: String(decoding: bytes, as: UTF8.self), file: file)
        } catch {
            for problem in error.all {
                guard let location = problem.location else { return "an error without a place: \(problem)" }
                if let wrong = FuzzExpect.place(location, file: file, in: bytes, error: problem) { return wrong }
            }
        }
        return nil
    }
}

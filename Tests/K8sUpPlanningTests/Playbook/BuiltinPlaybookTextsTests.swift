import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The playbooks compiled into k8sup are exactly the files in `Playbooks/`.
@Suite struct BuiltinPlaybookTextsTests {
    @Test func compiledCopiesAreTheFilesByteForByte() throws {
        let files = try BuiltinPlaybookSource.files()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try BuiltinPlaybookSource.write(BuiltinPlaybookSource.render(files))
            return
        }
        let refresh =
            "Sources/K8sUpPlanning/Playbook/BuiltinPlaybookTexts*.swift are out of date with Playbooks/: run "
            + "`RECORD_GOLDEN=1 swift test` to rewrite it, then `swift test` again (it is compiled in)"
        #expect(PlaybookCatalog.builtinNames == files.map(\.name), Comment(rawValue: refresh))
        for file in files {
            #expect(
                PlaybookCatalog.text(ofBuiltin: file.name) == file.text,
                Comment(rawValue: "\(file.name): " + refresh))
        }
    }

    @Test func theSwiftFilesAreWhatTheGeneratorWrites() throws {
        let expected = BuiltinPlaybookSource.render(try BuiltinPlaybookSource.files())
        let actual = try BuiltinPlaybookSource.current()
        #expect(
            actual == expected || ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1",
            "BuiltinPlaybookTexts*.swift were edited by hand or are stale: run `RECORD_GOLDEN=1 swift test`")
    }

    @Test func everyBuiltinLoadsAndTheDefaultIsOne() {
        #expect(PlaybookCatalog.builtinNames.first == PlaybookCatalog.defaultName)
        for name in PlaybookCatalog.builtinNames {
            let playbook = PlaybookCatalog.builtin(name)
            #expect(playbook?.name == name, "built-in \(name) does not load (run k8sup playbook validate)")
            #expect(playbook?.source == "\(name) (built-in)")
        }
        #expect(PlaybookCatalog.builtin("kubeadm-zypper") == nil)
    }
}

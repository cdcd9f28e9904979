import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Choosing a playbook: a built-in name first, else a file.
@Suite struct PlaybookCatalogTests {
    let fixtures = TestPaths.fixtures + "/Playbooks"

    @Test func builtinNamesComeFromTheCompiledCopies() throws {
        #expect(PlaybookCatalog.builtinNames == ["kubeadm-apt", "kubeadm-dnf", "kubespray"])
        let playbook = try PlaybookCatalog.resolve("kubespray", fileSystem: LocalFileSystem())
        #expect(playbook.source == "kubespray (built-in)")
        #expect(playbook.variable(named: "bin_dir")?.defaultValue == "/usr/local/bin")
    }

    @Test func otherNamesArePaths() throws {
        let playbook = try PlaybookCatalog.resolve(fixtures + "/needs-mirror.yaml", fileSystem: LocalFileSystem())
        #expect(playbook.name == "needs-mirror")
        #expect(playbook.source == fixtures + "/needs-mirror.yaml")
    }

    @Test func unknownNamesListTheBuiltins() {
        #expect(throws: PlaybookError.unknownPlaybook("kubeadm-yum", builtins: PlaybookCatalog.builtinNames)) {
            try PlaybookCatalog.resolve("kubeadm-yum", fileSystem: LocalFileSystem())
        }
        #expect(
            PlaybookError.unknownPlaybook("x", builtins: ["a", "b"]).description
                == "no playbook 'x': it is neither a built-in playbook (a, b) nor a file")
        #expect(throws: PlaybookError.unreadable(path: fixtures, reason: "it is a directory, not a playbook file")) {
            try PlaybookCatalog.resolve(fixtures, fileSystem: LocalFileSystem())
        }
    }

    @Test func fileErrorsNameTheFile() {
        let path = fixtures + "/broken.yaml"
        #expect {
            try PlaybookCatalog.resolve(path, fileSystem: LocalFileSystem())
        } throws: { error in
            let all = (error as? PlaybookError)?.all ?? []
            return all.count == 3
                && all[0].description.hasPrefix(
                    path + ":2:1: missing step list rollback_kubelet: a playbook lists every step")
                && all[1].description.hasPrefix(path + ":4:11: placeholder {{ target }} is inside double quotes")
                && all[2].description.hasPrefix(
                    path + ":14:1: unknown key 'rollback_kubelets' (did you mean 'rollback_kubelet'?)")
        }
    }
}

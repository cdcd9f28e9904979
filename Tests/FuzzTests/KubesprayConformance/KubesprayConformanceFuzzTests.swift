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

/// The fuzz suites' mutations, started from Kubespray's own sample inventories instead of the
/// repository's files: their INI inventories, their vars files and YAML inventories, and their whole
/// sample directories with one file mutated. Each input must be read, or refused with an error naming
/// the file and a line of it, as in `INIInventoryFuzzTests`, `YAMLFuzzTests`, `YAMLInventoryFuzzTests`
/// and `InventoryDirectoryFuzzTests`. Runs when those inventories are there (see `SharedFixtures`),
/// skipped with the reason otherwise.
@Suite(.enabled(if: SharedFixtures.available, SharedFixtures.skipReason))
struct KubesprayConformanceFuzzTests {
    @Test func mutatedKubesprayINIInventoriesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = try FuzzCorpus.kubespray(suffixes: [".ini"])
        try #require(seeds.count >= 6)
        FuzzRun.mutations(
            kind: "kubespray-ini", of: seeds, tokens: INIInventoryFuzzTests.tokens, check: INIInventoryFuzzTests.check)
    }

    @Test func mutatedKubesprayDataFilesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = try FuzzCorpus.kubespray(suffixes: FuzzCorpus.dataSuffixes)
        try #require(seeds.count >= 70)
        FuzzRun.mutations(kind: "kubespray-yaml", of: seeds, check: YAMLFuzzTests.check)
    }

    @Test func mutatedKubesprayYAMLInventoriesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = YAMLInventoryFuzzTests.inventories(
            among: try FuzzCorpus.kubespray(suffixes: FuzzCorpus.dataSuffixes))
        try #require(!seeds.isEmpty)
        FuzzRun.mutations(
            kind: "kubespray-yaml-inventory", of: seeds, tokens: YAMLInventoryFuzzTests.tokens,
            check: YAMLInventoryFuzzTests.check)
    }

    @Test func kubesprayDirectoriesWithOneMutatedFileLoadOrNameThatFile() throws {
        let root = try SharedFixtures.requireKubespray()
        let trees = ["v2.14.0/sample", "v2.24.0/sample", "v2.31-master/sample"].map {
            (root + "/" + $0, InventoryDirectoryFuzzTests.TreeFileSystem(copying: root + "/" + $0, as: "inv"))
        }
        InventoryDirectoryFuzzTests.mutateOneFileEach(of: trees, kind: "kubespray-directory")
    }
}

import Foundation
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

/// The valid files fuzz inputs start from: the repository's sample inventories, playbooks, scenario and
/// snapshots, and the test fixtures (with the project's Kubespray-style inventories). Kubespray's own
/// sample inventories seed `KubesprayConformanceFuzzTests` only.
enum FuzzCorpus {
    /// A seed file: its path relative to its root (for labels) and its bytes.
    struct Seed {
        var name: String
        var bytes: [UInt8]
    }

    /// The regular files below `root` whose names end in one of `suffixes`, in sorted order.
    static func files(under root: String, suffixes: [String]) -> [Seed] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var seeds: [Seed] = []
        while let relative = enumerator.nextObject() as? String {
            guard suffixes.contains(where: relative.hasSuffix),
                let data = FileManager.default.contents(atPath: root + "/" + relative)
            else { continue }
            seeds.append(Seed(name: relative, bytes: [UInt8](data)))
        }
        return seeds.sorted { $0.name < $1.name }
    }

    static func file(_ path: String) -> Seed? {
        FileManager.default.contents(atPath: path).map {
            Seed(name: (path as NSString).lastPathComponent, bytes: [UInt8]($0))
        }
    }

    /// The suffixes of the data files YAML seeds are taken from.
    static let dataSuffixes = [".yml", ".yaml", ".json", ".sample"]

    /// Kubespray's own sample inventories (see `SharedFixtures`); a test failure when they are missing.
    static func kubespray(suffixes: [String]) throws -> [Seed] {
        files(under: try SharedFixtures.requireKubespray(), suffixes: suffixes)
    }

    /// YAML and JSON data files: vars files, YAML inventories, the YAML test corpus.
    static func yamlFiles() -> [Seed] {
        files(under: TestPaths.inventories, suffixes: [".yml", ".yaml"])
            + files(under: TestPaths.fixtures + "/YAML/corpus", suffixes: [".yaml"])
            + files(under: TestPaths.fixtures + "/Inventories", suffixes: dataSuffixes)
            + files(under: TestPaths.kubesprayStyle, suffixes: dataSuffixes)
    }

    /// INI inventories.
    static func iniFiles() -> [Seed] {
        files(under: TestPaths.inventories, suffixes: [".ini"])
            + files(under: TestPaths.fixtures + "/INI", suffixes: [".ini"])
            + files(under: TestPaths.fixtures + "/Inventories", suffixes: [".ini"])
            + files(under: TestPaths.kubesprayStyle, suffixes: [".ini"])
    }
}

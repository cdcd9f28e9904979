import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity
import Testing

/// Locations tests read from: the package root (found from this file's path), the repo's
/// `Inventories/` and the test fixtures. Kubespray's own sample inventories, which only the
/// conformance suites read, are located by `SharedFixtures`.
package enum TestPaths {
    package static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, K8sUpTestSupport, Tests, root
        return url.path
    }()

    package static let fixtures = packageRoot + "/Tests/K8sUpTestSupport/Fixtures"
    package static let inventories = packageRoot + "/Inventories"
    /// The project's own Kubespray-style inventories (`Fixtures/KubesprayStyle`).
    package static let kubesprayStyle = fixtures + "/KubesprayStyle"

    /// Expands the `@kubespray/`, `@repo/` and `@fixtures/` prefixes used in fixture manifests.
    package static func resolve(_ path: String) throws -> String {
        let roots: [(prefix: String, root: () throws -> String)] = [
            ("@kubespray/", { try SharedFixtures.requireKubespray() }), ("@repo/", { packageRoot }),
            ("@fixtures/", { fixtures }),
        ]
        for (prefix, root) in roots where path.hasPrefix(prefix) {
            return try root() + "/" + String(path.dropFirst(prefix.count))
        }
        return path
    }
}

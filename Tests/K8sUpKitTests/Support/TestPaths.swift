import Foundation
import Testing

/// Locations tests read from: the package root (found from this file's path), the repo's
/// `Inventories/` and the test fixtures. Kubespray's own sample inventories, which only the
/// conformance suites read, are located by `SharedFixtures`.
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, K8sUpKitTests, Tests, root
        return url.path
    }()

    static let fixtures = packageRoot + "/Tests/K8sUpKitTests/Fixtures"
    static let inventories = packageRoot + "/Inventories"
    /// The project's own Kubespray-style inventories (`Fixtures/KubesprayStyle`).
    static let kubesprayStyle = fixtures + "/KubesprayStyle"

    /// Expands the `@kubespray/`, `@repo/` and `@fixtures/` prefixes used in fixture manifests.
    static func resolve(_ path: String) throws -> String {
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

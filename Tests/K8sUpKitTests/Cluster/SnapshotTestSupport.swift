import Foundation
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// Fixture snapshots and small helpers shared by the cluster-state tests.
enum SnapshotFixtures {
    static func path(_ name: String) -> String { TestPaths.fixtures + "/Snapshots/" + name }

    static func load(_ name: String) throws(ClusterStateError) -> ClusterSnapshot {
        try ClusterSnapshot.load(path: path(name))
    }

    /// The error loading the fixture gives, if any.
    static func error(_ name: String) -> ClusterStateError? {
        do {
            _ = try load(name)
            return nil
        } catch {
            return error
        }
    }

    /// The text of a fixture file.
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }
}

/// Decodes kubectl JSON named `test.json` in messages.
func decodeSnapshot(_ text: String) throws(ClusterStateError) -> ClusterSnapshot {
    try ClusterSnapshot.decode(text: text, source: "test.json")
}

/// The error decoding `text` gives, if any.
func snapshotError(_ text: String) -> ClusterStateError? {
    do {
        _ = try decodeSnapshot(text)
        return nil
    } catch {
        return error
    }
}

/// The message of an error, or "no error".
func message(_ error: ClusterStateError?) -> String { error.map { "\($0)" } ?? "no error" }

/// kubectl's `List` of one Node named `n1` followed by `items`.
func listWithNode(_ items: String...) -> String {
    let node = #"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}}"#
    return #"{"apiVersion": "v1", "kind": "List", "items": ["# + ([node] + items).joined(separator: ",\n")
        + "]}"
}

/// A `policy/v1` PDB in namespace `shop` with this `spec` (JSON).
func budgetJSON(_ name: String, spec: String, apiVersion: String = "policy/v1") -> String {
    #"{"apiVersion": "\#(apiVersion)", "kind": "PodDisruptionBudget", "#
        + #""metadata": {"name": "\#(name)", "namespace": "shop"}, "spec": \#(spec)}"#
}

/// The budgets decoded from a List of one node and these items.
func budgets(_ items: String...) throws -> [DisruptionBudget] {
    try decodeSnapshot(listWithNode(items.joined(separator: ",\n"))).state.budgets
}

/// A read-only file system of in-memory files, and paths whose reading fails.
struct InMemoryFileSystem: FileSystemReading {
    var files: [String: [UInt8]] = [:]
    var failing: Set<String> = []

    struct ReadFailure: Error, LocalizedError {
        var errorDescription: String? { "permission denied" }
    }

    func kind(of path: String) -> FileKind? {
        files[path] != nil || failing.contains(path) ? .file : nil
    }

    func entries(ofDirectory path: String) throws -> [String] { [] }

    func bytes(of path: String) throws -> [UInt8] {
        guard let bytes = files[path], !failing.contains(path) else { throw ReadFailure() }
        return bytes
    }

    func realPath(_ path: String) -> String { path }
}

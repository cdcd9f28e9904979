import Foundation
import K8sUpReaders
import K8sUpSupport

/// The cluster state read from what `kubectl get nodes,pods,pdb -A -o json` prints: from a `--snapshot`
/// file, or from kubectl's output in live mode.
///
/// Accepted: kubectl's `List` whose items mix Nodes, Pods and PodDisruptionBudgets; a typed list as the
/// API returns it (`NodeList`, `PodList`, …, whose items may leave out `kind`); or one object. Items of
/// other kinds are skipped and counted in `ignoredObjects`. Unknown fields are ignored and every optional
/// field may be absent, as kubectl leaves out empty ones.
package struct ClusterSnapshot: Sendable, Equatable {
    package var state: ClusterState
    /// Objects of kinds k8sup does not read, by kind (`"Service": 3`), so the caller can report them.
    var ignoredObjects: [String: Int]

    package init(state: ClusterState, ignoredObjects: [String: Int] = [:]) {
        self.state = state
        self.ignoredObjects = ignoredObjects
    }

    /// Reads a snapshot file. Messages name `path`; the state's `source` is `snapshot <path>`.
    package static func load(
        path: String, fileSystem: any FileSystemReading = LocalFileSystem()
    ) throws(ClusterStateError) -> ClusterSnapshot {
        switch fileSystem.kind(of: path) {
        case nil: throw .unreadable(path: path, reason: "no such file")
        case .directory: throw .unreadable(path: path, reason: "it is a directory")
        case .file, .other: break
        }
        var snapshot: ClusterSnapshot
        if let root = try parseMapped(path: path, fileSystem: fileSystem) {
            snapshot = try decode(root: root, source: path)
        } else {
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.bytes(of: path)
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            snapshot = try decode(bytes: bytes, source: path)
        }
        snapshot.state.source = "snapshot \(path)"
        return snapshot
    }

    /// The kept parts of a regular file of the machine's file system, mapped into memory rather than
    /// copied (snapshots of large clusters are hundreds of megabytes), released as it is read and unmapped
    /// before decoding; nil
    /// for other file systems (tests'), pipes and files whose size the system does not know (`/proc`),
    /// which are read.
    private static func parseMapped(path: String, fileSystem: any FileSystemReading) throws(ClusterStateError)
        -> YAMLNode?
    {
        guard fileSystem is LocalFileSystem, fileSystem.kind(of: path) == .file else { return nil }
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        guard !file.bytes.isEmpty else { return nil }
        // The pages read are released as the reader goes: the file need not be in memory all at once.
        return try KubeJSONInput.parse(
            bytes: file.bytes, source: path, command: command, keeping: keptShape,
            passed: { file.releasePages(before: $0) })
    }

    /// Reads kubectl's output (or a file's bytes); `source` names it in messages and in the state.
    package static func decode(bytes: [UInt8], source: String) throws(ClusterStateError) -> ClusterSnapshot {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ClusterStateError) in try decode(buffer: buffer, source: source) }
        }
        return try result.get()
    }

    /// Reads the bytes of kubectl's output in one pass that keeps only what k8sup decodes.
    static func decode(buffer: UnsafeBufferPointer<UInt8>, source: String) throws(ClusterStateError)
        -> ClusterSnapshot
    {
        let root = try KubeJSONInput.parse(bytes: buffer, source: source, command: command, keeping: keptShape)
        return try decode(root: root, source: source)
    }

    /// Reads kubectl's output; `source` names it in messages and in the state.
    package static func decode(data: Data, source: String) throws(ClusterStateError) -> ClusterSnapshot {
        try decode(bytes: [UInt8](data), source: source)
    }

    /// Reads kubectl's output as text; `source` names it in messages and in the state.
    package static func decode(text: String, source: String) throws(ClusterStateError) -> ClusterSnapshot {
        try decode(
            root: KubeJSONInput.parse(text, source: source, command: command, keeping: keptShape), source: source)
    }

    private static let keptShape = KubeDocument.keptShape

    private static func decode(root: YAMLNode, source: String) throws(ClusterStateError) -> ClusterSnapshot {
        let document = try KubeJSONInput.decode(KubeDocument.self, from: root, command: command)
        return try ClusterSnapshot(document: document, root: root, source: source)
    }

    private static let command = ClusterStateError.snapshotCommand

    /// Maps the decoded objects into the domain model, in the order kubectl printed them.
    package init(document: KubeDocument, root: YAMLNode, source: String) throws(ClusterStateError) {
        var nodes: [ClusterNode] = []
        var pods: [ClusterPod] = []
        var budgets: [DisruptionBudget] = []
        var ignored: [String: Int] = [:]
        for (index, object) in document.objects.enumerated() {
            switch object {
            case .node(let node):
                do {
                    nodes.append(try node.clusterNode())
                } catch {
                    let path = document.path(ofObjectAt: index).appending(KubeNode.kubeletVersionPath)
                    throw .badKubeletVersion(
                        KubeJSONInput.location(of: path, in: root), path: path.description, node: node.metadata.name,
                        reason: error.description)
                }
            case .pod(let pod):
                pods.append(pod.clusterPod)
            case .podDisruptionBudget(let budget):
                budgets.append(budget.disruptionBudget)
            case .other(let kind):
                ignored[kind, default: 0] += 1
            }
        }
        guard !nodes.isEmpty else { throw .noNodes(source: source) }
        self.init(
            state: ClusterState(nodes: nodes, pods: pods, budgets: budgets, source: source), ignoredObjects: ignored)
    }
}

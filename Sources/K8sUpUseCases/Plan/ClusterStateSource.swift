import Foundation
import K8sUpCluster
import K8sUpInventory
import K8sUpSupport

/// Where `plan` (and later `apply`) reads the cluster from: a snapshot file (`--snapshot`, or the
/// inventory's `k8sup_snapshot`), or the live cluster through kubectl.
enum ClusterStateSource: Equatable {
    case snapshot(path: String, origin: String)
    case live(kubectl: String, kubeconfig: String?, context: String?)

    /// Picks the source from the requested access and the inventory settings.
    static func choose(_ access: ClusterAccess, settings: InventorySettings) throws(RequestError) -> ClusterStateSource
    {
        let kubeconfig = access.kubeconfig, context = access.context
        if let path = access.snapshot {
            guard kubeconfig == nil, context == nil else { throw .snapshotWithKubectlAccess }
            return .snapshot(path: path, origin: "--snapshot")
        }
        if kubeconfig == nil, context == nil, let path = settings.snapshotPath {
            return .snapshot(path: path, origin: "k8sup_snapshot in the inventory")
        }
        return .live(kubectl: access.kubectl, kubeconfig: kubeconfig, context: context)
    }

    /// The cluster state, and the live-only facts when reading a live cluster.
    /// - Parameter environment: kubectl's environment (where it finds its configuration).
    func read(
        runner: any CommandRunning, fileSystem: any FileSystemReading,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> (ClusterState, LiveFacts?) {
        switch self {
        case .snapshot(let path, let origin):
            var state = try ClusterSnapshot.load(path: path, fileSystem: fileSystem).state
            state.source = "snapshot \(path) (\(origin))"
            return (state, nil)
        case .live(let kubectl, let kubeconfig, let context):
            var reader = KubectlClusterReader(
                runner: runner, kubectl: kubectl, kubeconfig: kubeconfig, context: context)
            reader.fileSystem = fileSystem
            reader.environment = environment
            let state = try await reader.readState()
            return (state, try await reader.readLiveFacts())
        }
    }
}

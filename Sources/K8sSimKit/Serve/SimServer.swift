import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// A running simulated cluster: the fake kube-apiserver on a loopback port and one sandbox per node,
/// with everything a client needs written to the state directory. The node stand-ins reach the
/// simulator on a second port of their own, which stays open while an `apiserver-outage` fault closes
/// the apiserver's (ssh keeps working while the kube-apiserver restarts):
///
///     <state>/k8sim.json        where the stand-ins find the apiserver and each node's sandbox
///     <state>/kubeconfig        for kubectl and k8sup
///     <state>/inventory.yaml    an inventory source to add after the cluster's own (`-i INV -i this`):
///                               per-host vars that point ssh at the stand-in and the playbooks into the
///                               sandboxes (host vars, so they win over the inventory's group_vars)
///     <state>/bin/ssh           the ssh stand-in
///     <state>/nodes/NODE/       each node's sandbox
///
/// `k8sim serve` runs one until it is stopped; tests start one in-process.
package final class SimServer: Sendable {
    package let cluster: SimCluster
    package let stateDirectory: String
    package let layout: SandboxLayout
    private let server: HTTPServer
    /// The node API's port (both ports serve both APIs).
    private let nodeServer: HTTPServer

    /// The apiserver's URL, as the kubeconfig names it.
    package var url: String { server.url }
    /// Where the node stand-ins reach the simulator.
    package var nodeURL: String { nodeServer.url }
    package var kubeconfigPath: String { stateDirectory + "/kubeconfig" }
    package var inventoryOverlayPath: String { stateDirectory + "/inventory.yaml" }

    /// Seeds the cluster, creates the state directory and starts serving.
    ///
    /// - Parameters:
    ///   - inventory: The inventory sources (`-i`), read by k8sim itself (`SimNodeRoster`).
    ///   - snapshot: Seed workloads (and nodes) from a `kubectl get nodes,pods,pdb -A -o json` file instead.
    ///   - from: The version every node starts at (else the scenario's `from:`).
    ///   - layout: How nodes are installed; nil takes it from the inventory's `k8sup_playbook`.
    ///   - executable: The k8sim executable the sandboxes' stand-ins run (absolute).
    package init(
        inventory: [String], scenario: Scenario, snapshot: String? = nil, from: String? = nil,
        layout: SandboxLayout? = nil, stateDirectory: String, executable: String, port: UInt16 = 0
    ) throws {
        let roster = try SimNodeRoster.load(sources: inventory)
        let chosen =
            layout ?? Self.layout(playbook: roster.nodes.first.flatMap { $0.vars["k8sup_playbook"]?.stringValue })
        self.layout = chosen
        self.cluster =
            if let snapshot {
                try SimCluster.seeded(snapshot: snapshot, scenario: scenario)
            } else {
                try SimCluster.seeded(inventory: roster, scenario: scenario, from: from)
            }
        let nodes = Set(cluster.nodeNames)
        for fault in scenario.faults {
            guard let node = fault.node, !nodes.contains(node) else { continue }
            throw SimClusterError(
                "the scenario's \(fault.typeName) fault names node \(node), which is not in the simulated cluster "
                    + "(nodes: \(nodes.sorted().joined(separator: ", ")))")
        }
        let state = URL(fileURLWithPath: stateDirectory).standardizedFileURL.path
        self.stateDirectory = state
        let server = try HTTPServer(handler: FakeAPIServer(cluster: cluster), port: port)
        self.server = server
        nodeServer = try HTTPServer(handler: FakeAPIServer(cluster: cluster))
        try SimStateWriter(
            state: state, executable: executable, layout: chosen, url: nodeServer.url, apiURL: server.url,
            cluster: cluster, roster: roster
        ).write()
        cluster.outageHandler = { seconds, mode in
            if mode == .refused { server.refuseConnections(for: seconds) }
        }
        nodeServer.start()
        server.start()
    }

    package func stop() {
        cluster.outageHandler = nil
        server.stop()
        nodeServer.stop()
    }

    /// kubeadm-dnf and kubespray nodes have their own layouts; everything else is installed the apt way.
    static func layout(playbook: String?) -> SandboxLayout {
        switch playbook {
        case "kubespray": .kubespray
        case "kubeadm-dnf": .dnf
        default: .apt
        }
    }
}

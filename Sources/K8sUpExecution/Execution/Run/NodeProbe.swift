import Foundation
import K8sUpCluster
import K8sUpSupport

/// Reads what the executor must know about a node from the cluster, with kubectl: Ready, kubelet
/// version and cordon state; for control-plane nodes the kube-apiserver static pod's version and
/// readiness, and the apiserver's `/readyz`.
package struct NodeProbe: Sendable {
    /// What one look at a node showed.
    struct Observation: Sendable, Equatable, CustomStringConvertible {
        var ready: Bool
        var kubeletVersion: KubeVersion?
        var cordoned: Bool
        /// Control-plane nodes: the kube-apiserver static pod's version, when it is Ready.
        var apiserverVersion: KubeVersion?
        var apiserverReady = false
        var readyz = false

        var description: String {
            var text = (ready ? "Ready" : "NotReady") + ", kubelet " + (kubeletVersion?.description ?? "unknown")
            if cordoned { text += ", cordoned" }
            if let apiserverVersion {
                text += ", kube-apiserver \(apiserverVersion)" + (apiserverReady ? "" : " not Ready")
            }
            return text
        }
    }

    let runner: any CommandRunning
    let kubectl: KubectlCommands
    /// Reads the node itself, together with the looks at other nodes asked for at the same time.
    let lookout: NodeLookout
    /// The node's log gets each look's command line and what it showed (not the whole JSON: a readiness
    /// wait looks every few seconds for minutes).
    var log: (any CommandLogging)?
    /// How long a look is retried when the cluster API fails: longer while a node is put back.
    var budget = RetryBudget.operation

    /// The node as the cluster reports it now, read with the looks at other nodes asked for meanwhile.
    func node(_ name: String) async throws -> Observation {
        let node = try await lookout.look(at: name, budget: budget)
        let observation = Observation(
            ready: node.isReady == true, kubeletVersion: node.kubeletVersion, cordoned: node.isUnschedulable)
        log?.write("= " + observation.description, node: name)
        return observation
    }

    /// Runs one look, logging its line and how it ended.
    private func looked(_ command: Command, node: String) async throws -> CommandResult {
        log?.write("$ " + command.displayLine, node: node)
        let result = try await runner.run(command)
        log?.writeLookEnd(of: result, node: node)
        return result
    }

    /// The node, plus its kube-apiserver pod and the apiserver's `/readyz`.
    func controlPlaneNode(_ name: String) async throws -> Observation {
        var observation = try await node(name)
        let podCommand = kubectl.getAPIServerPod(name, budget: budget)
        let podResult = try await looked(podCommand, node: name)
        if podResult.succeeded {
            let root = try KubeJSONInput.parse(
                podResult.stdout, source: "kubectl get pod", command: podCommand.displayLine)
            let pod = try KubeJSONInput.decode(KubePod.self, from: root, command: podCommand.displayLine).clusterPod
            observation.apiserverVersion = pod.imageVersion(of: "kube-apiserver")
            observation.apiserverReady = pod.isReady
        }
        let readyz = try await looked(kubectl.readyz(budget: budget), node: name)
        observation.readyz = readyz.succeeded && readyz.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok"
        return observation
    }
}

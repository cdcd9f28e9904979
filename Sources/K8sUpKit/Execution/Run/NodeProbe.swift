import Foundation

/// Reads what the executor must know about a node from the cluster, with kubectl: Ready, kubelet
/// version and cordon state; for control-plane nodes the kube-apiserver static pod's version and
/// readiness, and the apiserver's `/readyz`.
struct NodeProbe: Sendable {
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

    /// The node as the cluster reports it now.
    func node(_ name: String) async throws -> Observation {
        let command = kubectl.getNode(name)
        let result = try await runner.runChecked(command)
        let source = "kubectl get node \(name)"
        let root = try KubeJSONInput.parse(result.stdout, source: source, command: command.displayLine)
        let node = try KubeJSONInput.decode(KubeNode.self, from: root, command: command.displayLine).clusterNode()
        return Observation(
            ready: node.isReady == true, kubeletVersion: node.kubeletVersion, cordoned: node.isUnschedulable)
    }

    /// The node, plus its kube-apiserver pod and the apiserver's `/readyz`.
    func controlPlaneNode(_ name: String) async throws -> Observation {
        var observation = try await node(name)
        let podCommand = kubectl.getAPIServerPod(name)
        let podResult = try await runner.run(podCommand)
        if podResult.succeeded {
            let root = try KubeJSONInput.parse(
                podResult.stdout, source: "kubectl get pod", command: podCommand.displayLine)
            let pod = try KubeJSONInput.decode(KubePod.self, from: root, command: podCommand.displayLine).clusterPod
            observation.apiserverVersion = pod.imageVersion(of: "kube-apiserver")
            observation.apiserverReady = pod.isReady
        }
        let readyz = try await runner.run(kubectl.readyz())
        observation.readyz = readyz.succeeded && readyz.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok"
        return observation
    }

    /// `kubectl cordon` / `uncordon`.
    func setCordoned(_ name: String, _ cordoned: Bool) async throws {
        _ = try await runner.runChecked(cordoned ? kubectl.cordon(name) : kubectl.uncordon(name))
    }
}

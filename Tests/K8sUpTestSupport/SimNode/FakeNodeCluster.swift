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

/// The cluster side of `NodeAPI` over in-memory node records, for the stand-in tests: kubelet reports
/// make a node Ready unless its kubelet version is set to fail, `kubeadm upgrade apply` follows kubeadm's
/// one-minor rule against the cluster version, and faults are whatever the test sets.
package final class FakeNodeCluster: HTTPHandling, @unchecked Sendable {
    /// What the cluster believes about one node.
    package struct Node {
        package init(
            controlPlane: Bool, kubeletVersion: String, staticPodVersion: String? = nil, startFailure: String? = nil
        ) {
            self.controlPlane = controlPlane
            self.kubeletVersion = kubeletVersion
            self.staticPodVersion = staticPodVersion
            self.startFailure = startFailure
        }

        package var controlPlane: Bool
        package var ready = true
        package var running = true
        package var kubeletVersion: String
        package var staticPodVersion: String?
        /// What the last start said about a binary that does not run.
        package var startFailure: String?
    }

    private let lock = NSLock()
    private var nodes: [String: Node] = [:]
    private var clusterVersion: String
    private var faults: [String: NodeAPI.NodeFaults] = [:]
    private var failingKubelets: [String: Set<String>] = [:]
    private var kubeadmCalls: [String] = []
    private var units: [String: NodeAPI.KubeletUnitReport] = [:]

    package init(version: String) {
        clusterVersion = version
    }

    @discardableResult
    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    package func addNode(_ name: String, controlPlane: Bool, version: String) {
        locked {
            nodes[name] = Node(
                controlPlane: controlPlane, kubeletVersion: version, staticPodVersion: controlPlane ? version : nil)
        }
    }

    package func node(_ name: String) -> Node? { locked { nodes[name] } }

    package func setFaults(_ node: String, _ value: NodeAPI.NodeFaults) { locked { faults[node] = value } }

    package func failKubelet(_ version: String, on node: String) {
        locked { failingKubelets[node, default: []].insert(version) }
    }

    /// What `GET …/nodes/NODE/kubelet` answers for `node` (a running unit with no journal until set).
    package func setUnit(_ node: String, _ unit: NodeAPI.KubeletUnitReport) { locked { units[node] = unit } }

    package var calls: [String] { locked { kubeadmCalls } }

    package var version: String { locked { clusterVersion } }

    package func handle(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "k8sim", parts[1] == "v1" else { return Self.error("no route", 404) }
        return locked {
            switch (request.method, parts[2], parts.count, parts.last) {
            case ("GET", "faults", 4, _), ("POST", "nodes", 5, "ssh"):
                return Self.json(faults[parts[3]] ?? NodeAPI.NodeFaults())
            case ("GET", "nodes", 4, _):
                return report(parts[3])
            case ("GET", "nodes", 5, "kubelet"):
                return Self.json(
                    units[parts[3]]
                        ?? .init(activeState: "active", subState: "running", restarts: 0, exitStatus: 0, journal: []))
            case ("POST", "nodes", 5, "kubelet"):
                guard let body = try? JSONDecoder().decode(NodeAPI.KubeletReport.self, from: Data(request.body)),
                    var node = nodes[parts[3]]
                else { return Self.error("bad kubelet report", 400) }
                node.running = body.running
                node.startFailure = body.startFailure
                if !body.version.isEmpty { node.kubeletVersion = body.version }
                node.ready = body.running && !(failingKubelets[parts[3]] ?? []).contains(body.version)
                nodes[parts[3]] = node
                return report(parts[3])
            case ("POST", "nodes", 5, "kubeadm"):
                guard let body = try? JSONDecoder().decode(NodeAPI.KubeadmRequest.self, from: Data(request.body)) else {
                    return Self.error("bad kubeadm request", 400)
                }
                return Self.json(kubeadm(parts[3], body))
            default:
                return Self.error("no route", 404)
            }
        }
    }

    private func report(_ name: String) -> HTTPResponse {
        guard let node = nodes[name] else { return Self.error("node \(name) not found", 404) }
        return Self.json(
            NodeAPI.NodeReport(
                node: name, controlPlane: node.controlPlane, ready: node.ready, kubeletVersion: node.kubeletVersion,
                staticPodVersion: node.staticPodVersion, clusterVersion: clusterVersion))
    }

    private func kubeadm(_ name: String, _ request: NodeAPI.KubeadmRequest) -> NodeAPI.KubeadmResult {
        kubeadmCalls.append("\(name) \(request.command) \(request.version)")
        guard let target = KubeVersion(request.version), let current = KubeVersion(clusterVersion) else {
            return .init(exitCode: 1, stdout: "", stderr: "bad version\n")
        }
        if request.command == "apply" {
            if target.minor > current.minor + 1 {
                return .init(
                    exitCode: 1, stdout: "",
                    stderr: "[upgrade/version] FATAL: the --version argument is invalid due to these errors:\n\n"
                        + "\t- Specified version to upgrade to \"\(target)\" is too high; kubeadm can upgrade only 1 minor version at a time\n\n"
                )
            }
            clusterVersion = target.description
        }
        if nodes[name]?.controlPlane == true { nodes[name]?.staticPodVersion = clusterVersion }
        return .init(
            exitCode: 0,
            stdout: "[upgrade/successful] SUCCESS! Your cluster was upgraded to \"\(clusterVersion)\". Enjoy!\n",
            stderr: "")
    }

    private static func json(_ value: some Encodable) -> HTTPResponse {
        .json(String(decoding: (try? JSONEncoder().encode(value)) ?? Data("{}".utf8), as: UTF8.self))
    }

    private static func error(_ message: String, _ status: Int) -> HTTPResponse {
        .json("{\"error\": \"\(message)\"}", status: status)
    }
}

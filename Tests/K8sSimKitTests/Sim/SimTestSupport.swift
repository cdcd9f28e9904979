import Foundation
import K8sUpTestSupport

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// A small inventory (two control-plane nodes, three workers) and helpers for k8sim tests.
enum SimTestSupport {
    static let inventory = """
        all:
          hosts:
            cp-1: {ansible_host: 10.0.0.11}
            cp-2: {ansible_host: 10.0.0.12}
            worker-1: {ansible_host: 10.0.1.21}
            worker-2: {ansible_host: 10.0.1.22}
            worker-3: {ansible_host: 10.0.1.23}
          children:
            kube_control_plane: {hosts: {cp-1: {}, cp-2: {}}}
            kube_node: {hosts: {worker-1: {}, worker-2: {}, worker-3: {}}}
            etcd: {hosts: {cp-1: {}, cp-2: {}}}
            k8s_cluster: {children: {kube_control_plane: {}, kube_node: {}}}
        """

    /// A cluster seeded from the small inventory and `scenario` (YAML text) on a manual clock.
    static func cluster(_ scenario: String, clock: ManualClock = ManualClock()) throws -> SimCluster {
        let parsed = try Scenario.parse(text: scenario, file: "scenario.yaml")
        return try withTemporaryTree(text: ["hosts.yaml": inventory]) { root in
            let roster = try SimNodeRoster.load(sources: [root + "/hosts.yaml"])
            return try SimCluster.seeded(inventory: roster, scenario: parsed, clock: clock)
        }
    }

    static func pods(_ cluster: SimCluster, namespace: String = "default") -> [DataValue] {
        cluster.objects("pods", namespace: namespace)
    }

    static func request(
        _ method: String, _ path: String, query: [String: [String]] = [:], headers: [String: String] = [:],
        body: String = ""
    ) -> HTTPRequest {
        HTTPRequest(method: method, path: path, query: query, headers: headers, body: Array(body.utf8))
    }

    /// The response body as data.
    static func json(_ response: HTTPResponse) throws -> DataValue {
        try DataNode.loadJSON(text: String(decoding: response.body, as: UTF8.self), file: "<response>").value
    }
}

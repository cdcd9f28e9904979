import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Real kubectl against the fake apiserver: everything k8sup drives (get, cordon, drain, Leases, --raw).
/// Fails, never skips, when there is no kubectl.
@Suite(.serialized) struct KubectlAgainstSimTests {
    static let scenario = """
        from: v1.28.15
        workloads:
          - {name: web, kind: Deployment, replicas: 2, labels: {app: web}, nodes: [worker-1, worker-2]}
          - {name: cache, kind: StatefulSet, replicas: 1, emptyDir: true, nodes: [worker-1]}
          - {name: api, kind: Deployment, replicas: 2, labels: {app: api, tier: web}, nodes: [worker-3]}
        pdbs:
          - {name: web-pdb, selector: {app: web}, minAvailable: 1}
          - {name: api-a, selector: {app: api}, maxUnavailable: 1}
          - {name: api-b, selector: {matchExpressions: [{key: tier, operator: In, values: [web]}]}, maxUnavailable: 1}
        """

    func sim(_ scenario: String = scenario) throws -> SimKubectl {
        try SimKubectl(SimTestSupport.cluster(scenario))
    }

    @Test func getNodesAsJSONAndAsATable() throws {
        let sim = try sim()
        let json = try sim.run(["get", "nodes", "-o", "json"])
        #expect(json.status == 0, "\(json.error)")
        let list = try DataNode.loadJSON(text: json.output, file: "<kubectl>").value
        #expect(list[["items"]]?.listValue?.map(\.objectName) == ["cp-1", "cp-2", "worker-1", "worker-2", "worker-3"])
        let table = try sim.run(["get", "nodes"])
        #expect(table.status == 0)
        #expect(
            table.output.hasPrefix(
                "NAME       STATUS   ROLES           AGE   VERSION\ncp-1       Ready    control-plane"))
        let pods = try sim.run(["get", "pods", "-A", "--field-selector", "spec.nodeName=worker-1", "-o", "name"])
        #expect(pods.output.contains("pod/cache-0\n"))
        #expect(!pods.output.contains("kube-apiserver"))
        let version = try sim.run(["version", "-o", "json"])
        #expect(version.output.contains("\"gitVersion\": \"v1.28.15\""))
    }

    @Test func cordonAndUncordon() throws {
        let sim = try sim()
        #expect(try sim.run(["cordon", "worker-2"]).output == "node/worker-2 cordoned\n")
        #expect(try sim.run(["cordon", "worker-2"]).output == "node/worker-2 already cordoned\n")
        #expect(sim.cluster.object("nodes", name: "worker-2")?[["spec", "unschedulable"]] == .bool(true))
        #expect(try sim.run(["uncordon", "worker-2"]).output == "node/worker-2 uncordoned\n")
        #expect(sim.cluster.object("nodes", name: "worker-2")?[["spec", "unschedulable"]] == nil)
        #expect(sim.cluster.object("nodes", name: "worker-2")?[["spec", "taints"]] == nil)
    }

    @Test func drainEvictsAndTheControllersReplace() throws {
        let sim = try sim()
        let result = try sim.run([
            "drain", "worker-1", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=5m",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("node/worker-1 cordoned\n"))
        #expect(result.output.contains("pod/cache-0 evicted\n"))
        #expect(result.output.hasSuffix("node/worker-1 drained\n"))
        #expect(result.error.contains("Warning: ignoring DaemonSet-managed Pods: kube-system/calico-node-"))
        let cache = try #require(sim.cluster.object("pods", namespace: "default", name: "cache-0"))
        #expect(cache.string("spec", "nodeName") != "worker-1")
        let left = sim.cluster.objects("pods").filter {
            $0.string("spec", "nodeName") == "worker-1" && ClusterData.controller(of: $0)?.string("kind") != "DaemonSet"
        }
        #expect(left.isEmpty)
    }

    @Test func drainBlockedByABudgetTimesOut() throws {
        let sim = try sim(Self.scenario.replacingOccurrences(of: "minAvailable: 1", with: "maxUnavailable: 0"))
        let result = try sim.run(["drain", "worker-2", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=6s"])
        #expect(result.status == 1)
        #expect(result.error.contains("Cannot evict pod as it would violate the pod's disruption budget."))
        #expect(result.error.contains("global timeout reached: 6s"))
        #expect(sim.cluster.object("nodes", name: "worker-2")?[["spec", "unschedulable"]] == .bool(true))
    }

    @Test func aPodUnderTwoBudgetsFailsAtOnce() throws {
        let sim = try sim()
        let result = try sim.run(["drain", "worker-3", "--ignore-daemonsets", "--timeout=20s"])
        #expect(result.status == 1)
        #expect(
            result.error.contains(
                "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."))
    }

    @Test func leasesForTheClusterLock() throws {
        let sim = try sim()
        let file = sim.directory + "/lease.yaml"
        try """
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata: {name: k8sup, namespace: kube-system}
        spec: {holderIdentity: first, leaseDurationSeconds: 300}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try sim.run(["create", "-f", file]).output == "lease.coordination.k8s.io/k8sup created\n")
        let again = try sim.run(["create", "-f", file])
        #expect(again.status == 1)
        #expect(again.error.contains("leases.coordination.k8s.io \"k8sup\" already exists"))
        let current = try sim.run(["get", "lease", "-n", "kube-system", "k8sup", "-o", "json"])
        let replaced = current.output.replacingOccurrences(of: "\"first\"", with: "\"second\"")
        try replaced.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try sim.run(["replace", "-f", file]).output == "lease.coordination.k8s.io/k8sup replaced\n")
        let stale = try sim.run(["replace", "-f", file])
        #expect(stale.status == 1)
        #expect(
            stale.error.contains(
                "Operation cannot be fulfilled on leases.coordination.k8s.io \"k8sup\": the object has been modified; "
                    + "please apply your changes to the latest version and try again"))
        #expect(
            sim.cluster.object("leases", namespace: "kube-system", name: "k8sup")?.string("spec", "holderIdentity")
                == "second")
        #expect(try sim.run(["delete", "lease", "-n", "kube-system", "k8sup"]).status == 0)
        #expect(sim.cluster.object("leases", namespace: "kube-system", name: "k8sup") == nil)
    }

    @Test func rawEndpoints() throws {
        let sim = try sim(
            Self.scenario
                + "\ndeprecatedAPIs: [{group: policy, version: v1beta1, resource: poddisruptionbudgets, removedRelease: \"1.25\"}]\n"
        )
        #expect(try sim.run(["get", "--raw", "/readyz"]).output == "ok")
        let metrics = try sim.run(["get", "--raw", "/metrics"]).output
        #expect(
            metrics.contains(
                "apiserver_requested_deprecated_apis{group=\"policy\",removed_release=\"1.25\",resource=\"poddisruptionbudgets\",subresource=\"\",version=\"v1beta1\"} 1"
            ))
    }
}

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

/// The simulated cluster: seeding, controllers on the simulated clock, PDB status, kubelets and kubeadm.
@Suite struct SimClusterTests {
    static let web = """
        from: v1.28.15
        workloads:
          - {name: web, kind: Deployment, replicas: 3, labels: {app: web}}
          - {name: cache, kind: StatefulSet, replicas: 1, nodes: [worker-1]}
        pdbs:
          - {name: web-pdb, selector: {app: web}, minAvailable: 2}
        """

    @Test func seedsNodesStaticPodsAndSystemWorkloadsFromAnInventory() throws {
        let cluster = try SimTestSupport.cluster(Self.web)
        let nodes = cluster.objects("nodes")
        #expect(nodes.map(\.objectName) == ["cp-1", "cp-2", "worker-1", "worker-2", "worker-3"])
        let cp = try #require(cluster.object("nodes", name: "cp-1"))
        #expect(cp[["metadata", "labels", "node-role.kubernetes.io/control-plane"]] == "")
        #expect(cp.string("status", "nodeInfo", "kubeletVersion") == "v1.28.15")
        #expect(cp[["status", "addresses"]]?.listValue?.first?.string("address") == "10.0.0.11")
        #expect(ClusterData.isReady(cp))
        let apiserver = try #require(cluster.object("pods", namespace: "kube-system", name: "kube-apiserver-cp-2"))
        #expect(
            apiserver[["spec", "containers"]]?.listValue?.first?.string("image")
                == "registry.k8s.io/kube-apiserver:v1.28.15")
        #expect(apiserver[["metadata", "annotations", "kubernetes.io/config.mirror"]] != nil)
        #expect(ClusterData.controller(of: apiserver)?.string("kind") == "Node")
        let system = SimTestSupport.pods(cluster, namespace: "kube-system").map(\.objectName)
        #expect(system.filter { $0.hasPrefix("kube-proxy-") }.count == 5)
        #expect(system.filter { $0.hasPrefix("coredns-") }.count == 2)
        // Workload pods avoid the control-plane taint.
        let web = SimTestSupport.pods(cluster).filter { $0.objectName.hasPrefix("web-") }
        #expect(
            Set(web.compactMap { $0.string("spec", "nodeName") }).isSubset(of: ["worker-1", "worker-2", "worker-3"]))
        let budget = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "web-pdb"))
        #expect(budget.int("status", "disruptionsAllowed") == 1)
        #expect(budget.int("status", "expectedPods") == 3)
        #expect(budget.int("status", "observedGeneration") == 1)
    }

    @Test func seedingNeedsAVersion() throws {
        #expect(throws: SimClusterError.self) { try SimTestSupport.cluster("workloads: []") }
    }

    @Test func anEvictedPodComesBackElsewhereAfterTheDelays() throws {
        let clock = ManualClock()
        let cluster = try SimTestSupport.cluster(
            Self.web + "\ndelays: {podReschedule: 5, podStart: 10}\n", clock: clock)
        let victim = try #require(SimTestSupport.pods(cluster).first { $0.objectName.hasPrefix("web-") })
        let node = try #require(victim.string("spec", "nodeName"))
        #expect(try cluster.evict(namespace: "default", name: victim.objectName).get().code == 201)
        var budget = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "web-pdb"))
        #expect(budget.int("status", "disruptionsAllowed") == 0)
        #expect(budget.int("status", "currentHealthy") == 2)
        // A second eviction is refused while the replacement is missing.
        let second = try #require(SimTestSupport.pods(cluster).first { $0.objectName.hasPrefix("web-") })
        guard case .failure(let refusal) = cluster.evict(namespace: "default", name: second.objectName) else {
            Issue.record("expected a 429")
            return
        }
        #expect(refusal.code == 429)
        clock.advance(by: 5)
        let replacement = try #require(
            SimTestSupport.pods(cluster).first {
                $0.objectName.hasPrefix("web-") && $0.string("status", "phase") == "Pending"
            })
        #expect(replacement.string("spec", "nodeName") != node)
        #expect(replacement.objectName != victim.objectName)
        clock.advance(by: 10)
        budget = try #require(cluster.object("poddisruptionbudgets", namespace: "default", name: "web-pdb"))
        #expect(budget.int("status", "disruptionsAllowed") == 1)
        #expect(
            SimTestSupport.pods(cluster).filter { $0.objectName.hasPrefix("web-") && ClusterData.isReady($0) }.count
                == 3)
    }

    @Test func statefulSetPodsKeepTheirNameAndUnschedulablePodsWait() throws {
        let cluster = try SimTestSupport.cluster(Self.web + "\ncordoned: [worker-2, worker-3]\n")
        let before = try #require(cluster.object("pods", namespace: "default", name: "cache-0"))
        cluster.setCordoned("worker-1", true)
        #expect(cluster.deletePod(namespace: "default", name: "cache-0"))
        let pending = try #require(cluster.object("pods", namespace: "default", name: "cache-0"))
        #expect(pending.string("metadata", "uid") != before.string("metadata", "uid"))
        #expect(pending.string("spec", "nodeName") == nil)
        #expect(pending.string("status", "phase") == "Pending")
        cluster.setCordoned("worker-3", false)
        let placed = try #require(cluster.object("pods", namespace: "default", name: "cache-0"))
        #expect(placed.string("spec", "nodeName") == "worker-3")
        #expect(ClusterData.isReady(placed))
    }

    @Test func daemonSetPodsStayOnTheirNode() throws {
        let cluster = try SimTestSupport.cluster(Self.web)
        let proxy = try #require(
            SimTestSupport.pods(cluster, namespace: "kube-system").first {
                $0.objectName.hasPrefix("kube-proxy-") && $0.string("spec", "nodeName") == "worker-2"
            })
        cluster.deletePod(namespace: "kube-system", name: proxy.objectName)
        let proxies = SimTestSupport.pods(cluster, namespace: "kube-system").filter {
            $0.objectName.hasPrefix("kube-proxy-") && $0.string("spec", "nodeName") == "worker-2"
        }
        #expect(proxies.count == 1)
        #expect(proxies.first?.objectName != proxy.objectName)
    }

    @Test func kubeletReportsMoveTheNodeAndFaultsKeepItNotReady() throws {
        let clock = ManualClock()
        let cluster = try SimTestSupport.cluster(
            Self.web + "\ndelays: {kubeletStart: 3}\nfaults: [{type: kubelet-fails, node: worker-3}]\n", clock: clock)
        var report = try #require(cluster.kubelet("worker-1", report: .init(version: "v1.29.15", running: true)))
        #expect(!report.ready)
        #expect(report.kubeletVersion == "v1.28.15")
        clock.advance(by: 3)
        report = try #require(cluster.nodeReport("worker-1"))
        #expect(report.ready)
        #expect(report.kubeletVersion == "v1.29.15")
        report = try #require(cluster.kubelet("worker-3", report: .init(version: "v1.29.15", running: true)))
        clock.advance(by: 30)
        report = try #require(cluster.nodeReport("worker-3"))
        #expect(!report.ready)
        let node = try #require(cluster.object("nodes", name: "worker-3"))
        let ready = node[["status", "conditions"]]?.listValue?.first { $0.string("type") == "Ready" }
        #expect(ready?.string("reason") == "KubeletNotReady")
        // The seeded version is not affected by a fault without a version.
        report = try #require(cluster.kubelet("worker-3", report: .init(version: "v1.28.15", running: true)))
        clock.advance(by: 3)
        #expect(cluster.nodeReport("worker-3")?.ready == true)
        report = try #require(cluster.kubelet("worker-2", report: .init(version: "v1.28.15", running: false)))
        #expect(!report.ready)
    }

    @Test func kubeadmApplyEnforcesTheOneMinorRule() throws {
        let cluster = try SimTestSupport.cluster(Self.web)
        let tooHigh = try #require(
            cluster.kubeadm("cp-1", request: .init(command: "apply", version: "v1.30.0"), kubeadmVersion: "v1.29.15"))
        #expect(tooHigh.exitCode == 1)
        #expect(
            tooHigh.stderr.hasPrefix(
                "error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n"
                    + "\t- Specified version to upgrade to \"v1.30.0\" is too high; kubeadm can upgrade only 1 minor version at a time\n"
                    + "\t- Specified version to upgrade to \"v1.30.0\" is at least one minor release higher than the kubeadm minor release (30 > 29). Such an upgrade is not supported\n"
            ))
        let applied = try #require(cluster.kubeadm("cp-1", request: .init(command: "apply", version: "v1.29.15")))
        #expect(applied.exitCode == 0)
        #expect(
            applied.stdout.contains(
                "[upgrade] SUCCESS! A control plane node of your cluster was upgraded to \"v1.29.15\"."))
        #expect(cluster.clusterVersion == "v1.29.15")
        #expect(cluster.nodeReport("cp-1")?.staticPodVersion == "v1.29.15")
        #expect(cluster.nodeReport("cp-2")?.staticPodVersion == "v1.28.15")
        let node = try #require(cluster.kubeadm("cp-2", request: .init(command: "node", version: "v1.29.15")))
        #expect(node.exitCode == 0)
        let image = cluster.object("pods", namespace: "kube-system", name: "kube-scheduler-cp-2")?[[
            "spec", "containers",
        ]]?
        .listValue?.first?.string("image")
        #expect(image == "registry.k8s.io/kube-scheduler:v1.29.15")
        #expect(cluster.kubeadm("worker-1", request: .init(command: "node", version: "v1.29.15"))?.exitCode == 0)
    }

    @Test func kubeadmApplyNeedsReadyControlPlanesAndHonoursFaults() throws {
        let cluster = try SimTestSupport.cluster(
            Self.web + "\nfaults: [{type: kubeadm-fails, node: cp-2, message: disk full}]\n")
        _ = cluster.kubelet("cp-2", report: .init(version: "v1.28.15", running: false))
        let refused = try #require(cluster.kubeadm("cp-1", request: .init(command: "apply", version: "v1.29.15")))
        #expect(refused.exitCode == 1)
        #expect(
            refused.stderr.contains(
                "[ERROR ControlPlaneNodesReady]: there are NotReady control-planes in the cluster: [cp-2]"))
        let failed = try #require(cluster.kubeadm("cp-2", request: .init(command: "node", version: "v1.28.15")))
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.hasPrefix("disk full\n"))
    }

    @Test func seedsFromTheSampleSnapshot() throws {
        let cluster = try SimCluster.seeded(
            snapshot: TestPaths.inventories + "/sample.snapshot.json", scenario: Scenario(), clock: ManualClock())
        #expect(!cluster.objects("nodes").isEmpty)
        #expect(cluster.nodeReport("cp-1")?.controlPlane == true)
        #expect(KubeVersion(cluster.clusterVersion) != nil)
        // Every DaemonSet, ReplicaSet and StatefulSet a pod names as its controller exists, so drain finds it.
        for pod in cluster.objects("pods") {
            guard let owner = ClusterData.controller(of: pod), let kind = owner.string("kind"), kind != "Node" else {
                continue
            }
            let resource = ["DaemonSet": "daemonsets", "ReplicaSet": "replicasets", "StatefulSet": "statefulsets"][kind]
            guard let resource else { continue }
            #expect(cluster.object(resource, namespace: pod.objectNamespace, name: owner.string("name") ?? "") != nil)
        }
        for budget in cluster.objects("poddisruptionbudgets") {
            #expect(budget.int("status", "observedGeneration") == budget.int("metadata", "generation"))
        }
    }

    @Test func snapshotErrorsNameTheFile() {
        #expect(throws: SimClusterError.self) {
            try SimCluster.seeded(snapshotText: "{\"items\": [", source: "snap.json", scenario: Scenario())
        }
    }
}

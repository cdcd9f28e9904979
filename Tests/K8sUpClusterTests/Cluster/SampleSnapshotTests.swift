import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `Inventories/sample.snapshot.json` (written by `Fixtures/Snapshots/generate_sample_snapshot.py`): the facts
/// the sample's plan depends on, so the file cannot drift silently.
@Suite struct SampleSnapshotTests {
    static let path = TestPaths.inventories + "/sample.snapshot.json"
    /// Read once for all the tests of the suite (Swift Testing makes an instance per test).
    static let loaded = Result { () throws(ClusterStateError) in try ClusterSnapshot.load(path: path) }

    let snapshot: ClusterSnapshot
    var state: ClusterState { snapshot.state }

    init() throws {
        snapshot = try Self.loaded.get()
    }

    func budget(_ qualifiedName: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> DisruptionBudget
    {
        try #require(state.budgets.first { $0.qualifiedName == qualifiedName }, sourceLocation: sourceLocation)
    }

    func pods(namespace: String, prefix: String) -> [ClusterPod] {
        state.pods.filter { $0.namespace == namespace && $0.name.hasPrefix(prefix) }
    }

    @Test func hasTheInventorysNodesPlusWorker6AllReadyAtV1_28_6() {
        #expect(
            state.nodes.map(\.name) == [
                "cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5.prod.example",
                "worker-6",
            ])
        #expect(state.nodes.allSatisfy { $0.isReady == true && $0.kubeletVersion == KubeVersion(1, 28, 6) })
        #expect(state.nodes.allSatisfy { !$0.hasDiskPressure })
        #expect(state.nodes.filter(\.hasControlPlaneLabel).map(\.name) == ["cp-1", "cp-2", "cp-3"])
        #expect(snapshot.ignoredObjects.isEmpty)
    }

    @Test func onlyWorker4IsCordoned() {
        #expect(state.nodes.filter(\.isUnschedulable).map(\.name) == ["worker-4"])
    }

    @Test func theControlPlaneRunsV1_28_6FromItsStaticPods() {
        #expect(
            state.apiserverVersions == [
                "cp-1": KubeVersion(1, 28, 6), "cp-2": KubeVersion(1, 28, 6), "cp-3": KubeVersion(1, 28, 6),
            ])
        for component in ["kube-apiserver", "kube-controller-manager", "kube-scheduler"] {
            let mirrors = pods(namespace: "kube-system", prefix: component + "-")
            #expect(mirrors.map(\.name) == ["cp-1", "cp-2", "cp-3"].map { "\(component)-\($0)" })
            #expect(mirrors.allSatisfy { $0.isMirror && $0.controllerKind == "Node" })
            #expect(mirrors.allSatisfy { $0.images == ["registry.k8s.io/\(component):v1.28.6"] })
        }
        #expect(!state.pods.contains { $0.name.hasPrefix("etcd") }, "Kubespray runs etcd as a host service")
    }

    @Test func everyNodeRunsTheDaemonSetsAndEveryWorkerAnNginxProxyMirror() {
        for daemonSet in ["calico-node", "kube-proxy", "nodelocaldns"] {
            let onNodes = pods(namespace: "kube-system", prefix: daemonSet + "-").filter(\.isDaemonSetPod)
            #expect(Set(onNodes.compactMap(\.nodeName)) == Set(state.nodes.map(\.name)), "\(daemonSet)")
            #expect(onNodes.count == state.nodes.count)
        }
        let proxies = pods(namespace: "kube-system", prefix: "nginx-proxy-")
        #expect(proxies.allSatisfy { $0.isMirror && $0.name == "nginx-proxy-" + ($0.nodeName ?? "") })
        #expect(proxies.compactMap(\.nodeName) == state.nodes.filter { !$0.hasControlPlaneLabel }.map(\.name))
    }

    @Test func calicoNodesInitContainerImageIsNotAmongItsImages() throws {
        let calico = try #require(pods(namespace: "kube-system", prefix: "calico-node-").first)
        #expect(calico.images == ["quay.io/calico/node:v3.26.4"])
    }

    @Test func kubeSystemDeploymentsAreWhereTheyShouldBe() throws {
        let coredns = pods(namespace: "kube-system", prefix: "coredns-")
        #expect(coredns.compactMap(\.nodeName).sorted() == ["worker-1", "worker-2"])
        #expect(coredns.allSatisfy { $0.controllerKind == "ReplicaSet" })
        #expect(pods(namespace: "kube-system", prefix: "calico-kube-controllers-").compactMap(\.nodeName) == ["cp-1"])
        #expect(pods(namespace: "kube-system", prefix: "dns-autoscaler-").count == 1)
        let coreDNSBudget = try budget("kube-system/coredns")
        #expect(coreDNSBudget.maxUnavailable == .count(1) && coreDNSBudget.disruptionsAllowed == 1)
        #expect(coredns.allSatisfy(coreDNSBudget.covers))
        #expect(try budget("kube-system/coredns").currentHealthy == 2)
    }

    @Test func istiosSingleReplicaBudgetsAllowNoDisruption() throws {
        for (name, node) in [("istiod", "worker-2"), ("istio-ingressgateway", "worker-5.prod.example")] {
            let replicas = pods(namespace: "istio-system", prefix: name + "-")
            #expect(replicas.count == 1 && replicas.first?.nodeName == node, "\(name)")
            let pdb = try budget("istio-system/\(name)")
            #expect(pdb.minAvailable == .count(1) && pdb.maxUnavailable == nil)
            #expect(
                (pdb.currentHealthy, pdb.desiredHealthy, pdb.disruptionsAllowed, pdb.expectedPods) == (1, 1, 0, 1))
            #expect(replicas.allSatisfy(pdb.covers))
        }
    }

    @Test func shopsWebAndAPIHaveBudgetsThatAllowOneDisruption() throws {
        let web = pods(namespace: "shop", prefix: "web-")
        #expect(web.compactMap(\.nodeName).sorted() == ["worker-1", "worker-1", "worker-3"])
        let webBudget = try budget("shop/web")
        #expect(webBudget.minAvailable == .count(2))
        #expect((webBudget.currentHealthy, webBudget.desiredHealthy, webBudget.disruptionsAllowed) == (3, 2, 1))
        #expect(webBudget.generation == 2 && webBudget.observedGeneration == 2)
        #expect(web.allSatisfy(webBudget.covers))

        let api = pods(namespace: "shop", prefix: "api-")
        #expect(api.compactMap(\.nodeName).sorted() == ["worker-2", "worker-3"])
        let apiBudget = try budget("shop/api")
        #expect(apiBudget.maxUnavailable == .count(1) && apiBudget.disruptionsAllowed == 1)
        #expect(apiBudget.selector?.matchLabels.isEmpty == true && apiBudget.selector?.matchExpressions.count == 2)
        #expect(api.allSatisfy(apiBudget.covers))
        #expect(!web.contains(where: apiBudget.covers))
    }

    @Test func elasticsearchIsUnhealthyAndItsBudgetAllowsNothing() throws {
        let elasticsearch = pods(namespace: "logging", prefix: "elasticsearch-")
        #expect(elasticsearch.map(\.name) == ["elasticsearch-0", "elasticsearch-1", "elasticsearch-2"])
        #expect(elasticsearch.compactMap(\.nodeName) == ["worker-2", "worker-3", "worker-4"])
        #expect(elasticsearch.map(\.isReady) == [true, false, true])
        #expect(elasticsearch.allSatisfy { $0.phase == .running && $0.controllerKind == "StatefulSet" })
        let pdb = try budget("logging/elasticsearch")
        #expect(pdb.maxUnavailable == .count(1))
        #expect((pdb.currentHealthy, pdb.desiredHealthy, pdb.disruptionsAllowed, pdb.expectedPods) == (2, 2, 0, 3))
        #expect(elasticsearch.allSatisfy(pdb.covers))
    }

    @Test func onlyRedisUsesEmptyDirAndItHasNoBudget() throws {
        #expect(state.pods.filter(\.hasEmptyDir).map(\.qualifiedName) == ["cache/redis-0"])
        let redis = try #require(state.pods.first { $0.name == "redis-0" })
        #expect(redis.nodeName == "worker-3" && redis.controllerKind == "StatefulSet")
        #expect(!state.budgets.contains { $0.covers(redis) })
    }

    @Test func debugShellIsTheOnlyPodWithoutAController() {
        let bare = state.pods.filter { $0.controllerKind == nil }
        #expect(bare.map(\.qualifiedName) == ["default/debug-shell"])
        #expect(bare.first?.nodeName == "worker-1")
    }

    @Test func aFinishedJobPodSitsOnWorker4() {
        let finished = state.pods.filter(\.isFinished)
        #expect(finished.count == 1)
        #expect(finished.first?.controllerKind == "Job" && finished.first?.nodeName == "worker-4")
        #expect(finished.first?.phase == .succeeded)
    }

    @Test func everyBudgetIsUpToDateAndNoPodIsCoveredTwice() {
        #expect(state.budgets.count == 6)
        #expect(state.budgets.allSatisfy { $0.observedGeneration == $0.generation })
        #expect(state.pods.allSatisfy { pod in state.budgets.filter { $0.covers(pod) }.count <= 1 })
        #expect(state.pods.count == 59 && !state.pods.contains(where: \.isTerminating))
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Requests, allocatable, zone and taints read from kubectl's JSON, for `--batch auto`'s capacity and
/// zone rules.
@Suite struct ResourceRequestTests {
    @Test(arguments: [
        ("250m", 0.25), ("2", 2.0), ("1.5", 1.5), ("128Mi", 134_217_728.0), ("1G", 1e9), ("1e3", 1000.0),
        ("7901384Ki", 8_091_017_216.0), ("0", 0.0),
    ])
    func quantitiesParseAsKubernetesWritesThem(text: String, value: Double) {
        #expect(KubeQuantity(text).value == value)
    }

    @Test(arguments: ["", "abc", "-1", "5 cores", "1Zi"])
    func whatIsNotAQuantityIsNil(text: String) {
        #expect(KubeQuantity(text).value == nil)
    }

    @Test func aPodRequestsItsContainersSumOrItsLargestInitContainer() throws {
        let json = #"""
            {"kind": "List", "items": [
              {"kind": "Node", "metadata": {"name": "n1", "labels": {"topology.kubernetes.io/zone": "eu-1a"}},
               "spec": {"taints": [{"key": "dedicated", "effect": "NoSchedule"}]},
               "status": {"allocatable": {"cpu": "3500m", "memory": "16Gi", "pods": "110"}}},
              {"kind": "Node", "metadata": {"name": "n2"},
               "spec": {"unschedulable": true, "taints": [{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}]}},
              {"kind": "Pod", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"nodeName": "n1",
               "containers": [{"name": "a", "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}}},
                              {"name": "b", "resources": {"requests": {"cpu": 1}}}],
               "initContainers": [{"name": "i", "resources": {"requests": {"memory": "1Gi"}}}]}}
            ]}
            """#
        let state = try ClusterSnapshot.decode(text: json, source: "test").state
        let pod = try #require(state.pods.first)
        #expect(pod.requests == ResourceAmounts(cpuMillis: 1250, memoryBytes: 1 << 30))
        let tainted = try #require(state.node(named: "n1"))
        #expect(tainted.zone == "eu-1a" && tainted.repelsPods)
        #expect(tainted.allocatable == ResourceAmounts(cpuMillis: 3500, memoryBytes: 16 << 30))
        let cordoned = try #require(state.node(named: "n2"))
        #expect(cordoned.zone == nil && !cordoned.repelsPods && cordoned.allocatable == nil)
    }

    @Test func amountsReadAsOperatorsWriteThem() {
        #expect(ResourceAmounts.cpuText(12000) == "12 CPU")
        #expect(ResourceAmounts.cpuText(9500) == "9.5 CPU")
        #expect(ResourceAmounts.cpuText(250) == "250m CPU")
        #expect(ResourceAmounts.memoryText(33_822_867_456) == "31.5Gi memory")
    }
}

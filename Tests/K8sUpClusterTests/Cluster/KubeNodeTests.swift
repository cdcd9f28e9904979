import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Nodes: kubectl's Node JSON into `ClusterNode`.
@Suite struct KubeNodeTests {
    /// The one node of a List holding a Node with these `metadata.labels`, `spec` and `status` (JSON).
    func node(labels: String = "{}", spec: String = "{}", status: String = "{}") throws -> ClusterNode? {
        let json =
            #"{"kind": "List", "apiVersion": "v1", "items": [{"apiVersion": "v1", "kind": "Node", "#
            + #""metadata": {"name": "n", "labels": \#(labels)}, "spec": \#(spec), "status": \#(status)}]}"#
        return try decodeSnapshot(json).state.nodes.first
    }

    func conditions(_ pairs: (String, String)...) -> String {
        #"{"conditions": ["# + pairs.map { #"{"type": "\#($0.0)", "status": "\#($0.1)"}"# }.joined(separator: ", ")
            + "]}"
    }

    @Test func readsTheKubeadmControlPlaneNodeOfTheReferenceVerbatim() throws {
        let snapshot = try SnapshotFixtures.load("kubeadm-node.json")
        var expected = ClusterNode(
            name: "cp-1", hasControlPlaneLabel: true, isReady: true, isUnschedulable: true,
            kubeletVersion: KubeVersion(1, 30, 4), hasDiskPressure: false)
        // allocatable cpu "4" and memory "7901384Ki"; the control-plane NoSchedule taint keeps pods off.
        expected.allocatable = ResourceAmounts(cpuMillis: 4000, memoryBytes: 7_901_384 * 1024)
        expected.repelsPods = true
        #expect(snapshot.state.nodes == [expected])
        #expect(snapshot.state.pods.isEmpty && snapshot.state.budgets.isEmpty)
    }

    @Test(arguments: [
        (#"{"node-role.kubernetes.io/control-plane": ""}"#, true),
        (#"{"node-role.kubernetes.io/master": ""}"#, true),
        (#"{"node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/master": ""}"#, true),
        (#"{"node-role.kubernetes.io/control-plane": "true"}"#, true),
        (#"{"node-role.kubernetes.io/ingress": ""}"#, false),
        (#"{"node-role.kubernetes.io/worker": "", "kubernetes.io/hostname": "master"}"#, false),
        ("{}", false),
        ("null", false),
    ])
    func hasAControlPlaneLabelOfEitherGeneration(labels: String, expected: Bool) throws {
        #expect(try node(labels: labels)?.hasControlPlaneLabel == expected)
    }

    @Test func isReadyOnlyWhenTheReadyConditionSaysTrueAndUnknownOtherwise() throws {
        #expect(try node(status: conditions(("Ready", "True")))?.isReady == true)
        #expect(try node(status: conditions(("Ready", "False")))?.isReady == false)
        #expect(try node(status: conditions(("Ready", "Unknown")))?.isReady == .some(nil))
        #expect(try node(status: conditions(("MemoryPressure", "False")))?.isReady == .some(nil))
        #expect(try node(status: conditions())?.isReady == .some(nil))
        #expect(try node()?.isReady == .some(nil))
    }

    @Test func hasDiskPressureOnlyWhenThatConditionIsTrue() throws {
        #expect(try node(status: conditions(("DiskPressure", "True"), ("Ready", "True")))?.hasDiskPressure == true)
        #expect(try node(status: conditions(("DiskPressure", "False")))?.hasDiskPressure == false)
        #expect(try node(status: conditions(("DiskPressure", "Unknown")))?.hasDiskPressure == false)
        #expect(try node()?.hasDiskPressure == false)
    }

    @Test func isUnschedulableWhenCordonedAndKubectlLeavesTheFieldOutOtherwise() throws {
        #expect(try node(spec: #"{"unschedulable": true}"#)?.isUnschedulable == true)
        #expect(try node(spec: #"{"unschedulable": false}"#)?.isUnschedulable == false)
        #expect(try node(spec: #"{"podCIDR": "10.233.64.0/24"}"#)?.isUnschedulable == false)
    }

    @Test func ignoresTheUnschedulableTaintWithoutTheSpecField() throws {
        let taint = #"{"taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable"}]}"#
        #expect(try node(spec: taint)?.isUnschedulable == false)
    }

    @Test(arguments: [
        ("v1.28.6", KubeVersion(1, 28, 6)), ("v1.30.4+k3s1", KubeVersion(1, 30, 4)),
        ("v1.29.8-eks-a737599", KubeVersion(1, 29, 8)), ("1.27.3", KubeVersion(1, 27, 3)),
    ])
    func readsTheKubeletVersionWithVendorSuffixes(text: String, version: KubeVersion) throws {
        let read = try node(status: #"{"nodeInfo": {"kubeletVersion": "\#(text)"}}"#)?.kubeletVersion
        #expect(read == version)
        #expect(read?.description == (text.hasPrefix("v") ? text : "v" + text))
    }

    @Test func hasNoKubeletVersionBeforeTheKubeletReportsOne() throws {
        #expect(try node(status: #"{"nodeInfo": {"kubeletVersion": ""}}"#)?.kubeletVersion == nil)
        #expect(try node(status: #"{"nodeInfo": {}}"#)?.kubeletVersion == nil)
        #expect(try node()?.kubeletVersion == nil)
    }

    @Test func readsNodesOfAnOldClusterFromAnAPINodeList() throws {
        let nodes = try SnapshotFixtures.load("node-list.json").state.nodes
        var master = ClusterNode(
            name: "k1-master01", hasControlPlaneLabel: true, isReady: true, kubeletVersion: KubeVersion(1, 17, 7),
            hasDiskPressure: true)
        master.repelsPods = true
        #expect(
            nodes == [
                master,
                ClusterNode(name: "k1-node01", isReady: nil, kubeletVersion: KubeVersion(1, 16, 3)),
                ClusterNode(name: "k1-node02", isReady: false, kubeletVersion: KubeVersion(1, 17, 7)),
            ])
    }
}

import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `ClusterSnapshot`: the shapes of kubectl output it accepts and what it keeps of them.
@Suite struct ClusterSnapshotTests {
    @Test func toleratesEveryOptionalFieldBeingAbsentAndFieldsItDoesNotKnow() throws {
        let snapshot = try SnapshotFixtures.load("absent-fields.json")
        #expect(
            snapshot.state.nodes == [
                ClusterNode(name: "bare-node", isReady: nil, kubeletVersion: nil),
                ClusterNode(name: "empty-parts", isReady: nil, kubeletVersion: nil),
                ClusterNode(name: "future", isReady: true, kubeletVersion: KubeVersion(1, 33, 1)),
            ])
        #expect(
            snapshot.state.pods == [
                ClusterPod(namespace: "default", name: "bare-pod", nodeName: nil, phase: .unknown, isReady: false),
                ClusterPod(namespace: "apps", name: "empty-parts", nodeName: nil, phase: .unknown, isReady: false),
            ])
        #expect(snapshot.state.budgets.map(\.qualifiedName) == ["apps/fresh"])
    }

    @Test func countsTheObjectsOfKindsItSkips() throws {
        #expect(try SnapshotFixtures.load("absent-fields.json").ignoredObjects == ["Service": 1, "ConfigMap": 2])
        #expect(try SnapshotFixtures.load("pods.json").ignoredObjects.isEmpty)
    }

    @Test func skipsCustomResourcesThatShareABuiltInKindName() throws {
        let custom = #"{"apiVersion": "example.com/v1", "kind": "Node", "metadata": {"name": "n2"}}"#
        let snapshot = try decodeSnapshot(listWithNode(custom))
        #expect(snapshot.state.nodes.map(\.name) == ["n1"])
        #expect(snapshot.ignoredObjects == ["Node (example.com/v1)": 1])
    }

    @Test func readsObjectsWithoutAnAPIVersionByKindAndSkipsThoseOfAnotherGroup() throws {
        let json = listWithNode(
            #"{"kind": "Node", "metadata": {"name": "n2"}}"#,
            #"{"kind": "PodDisruptionBudget", "metadata": {"name": "b"}}"#,
            #"{"apiVersion": "v1", "kind": "PodDisruptionBudget", "metadata": {"name": "c"}}"#,
            #"{"apiVersion": "apps/v1", "kind": "Pod", "metadata": {"name": "p"}}"#)
        let snapshot = try decodeSnapshot(json)
        #expect(snapshot.state.nodes.map(\.name) == ["n1", "n2"])
        #expect(snapshot.state.budgets.map(\.name) == ["b"])
        #expect(snapshot.ignoredObjects == ["PodDisruptionBudget (v1)": 1, "Pod (apps/v1)": 1])
    }

    @Test func readsOneObjectThatIsNotInAList() throws {
        let json = #"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "cp-1"}}"#
        #expect(try decodeSnapshot(json).state.nodes.map(\.name) == ["cp-1"])
    }

    @Test func readsAnAPIListWhoseItemsLeaveOutTheirKind() throws {
        let json =
            #"{"kind": "NodeList", "apiVersion": "v1", "items": [{"metadata": {"name": "a"}}, "#
            + #"{"metadata": {"name": "b"}}]}"#
        #expect(try decodeSnapshot(json).state.nodes.map(\.name) == ["a", "b"])
    }

    @Test func anItemsOwnKindWinsOverTheListsKind() throws {
        let json =
            #"{"kind": "PodList", "items": [{"kind": "Node", "metadata": {"name": "a"}}, {"metadata": {"name": "p"}}]}"#
        let state = try decodeSnapshot(json).state
        #expect(state.nodes.map(\.name) == ["a"] && state.pods.map(\.name) == ["p"])
    }

    @Test func readsAListWithoutAKindWhenItHasItems() throws {
        let json = #"{"items": [{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "a"}}]}"#
        #expect(try decodeSnapshot(json).state.nodes.map(\.name) == ["a"])
    }

    @Test func keepsKubectlsOrder() throws {
        let json = listWithNode(
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "z"}}"#,
            #"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "a"}}"#,
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}"#)
        let state = try decodeSnapshot(json).state
        #expect(state.nodes.map(\.name) == ["n1", "a"] && state.pods.map(\.name) == ["z", "b"])
    }

    @Test func namesTheSourceInTheState() throws {
        #expect(try decodeSnapshot(listWithNode()).state.source == "test.json")
        let path = SnapshotFixtures.path("pods.json")
        #expect(try ClusterSnapshot.load(path: path).state.source == "snapshot \(path)")
    }

    @Test func readsBytesAndDataAndAcceptsAUTF8ByteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(listWithNode().utf8)
        #expect(try ClusterSnapshot.decode(bytes: bytes, source: "b").state.nodes.count == 1)
        #expect(try ClusterSnapshot.decode(data: Data(bytes), source: "d").state.source == "d")
    }

    @Test func loadsThroughTheGivenFileSystem() throws {
        let fileSystem = InMemoryFileSystem(files: ["/s.json": Array(listWithNode().utf8)])
        #expect(try ClusterSnapshot.load(path: "/s.json", fileSystem: fileSystem).state.nodes.map(\.name) == ["n1"])
    }
}

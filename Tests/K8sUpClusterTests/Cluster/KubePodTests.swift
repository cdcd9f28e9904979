import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Pods: kubectl's Pod JSON into `ClusterPod`, with the rules `kubectl drain` classifies pods by.
@Suite struct KubePodTests {
    let pods: [String: ClusterPod]

    init() throws {
        let state = try SnapshotFixtures.load("pods.json").state
        pods = Dictionary(uniqueKeysWithValues: state.pods.map { ($0.name, $0) })
    }

    func pod(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ClusterPod {
        try #require(pods[name], sourceLocation: sourceLocation)
    }

    @Test func readsEveryPodInOrder() throws {
        let state = try SnapshotFixtures.load("pods.json").state
        #expect(
            state.pods.map(\.name) == [
                "nginx-proxy-worker-1", "debug-shell", "adopted-twice", "owned-not-controlled", "cache-0",
                "migrate-x7k2q", "crashed", "unscheduled", "lost", "from-the-future",
            ])
    }

    @Test func aStaticPodsMirrorIsMarkedByItsAnnotationAndOwnedByItsNode() throws {
        let mirror = try pod("nginx-proxy-worker-1")
        #expect(mirror.isMirror)
        #expect(mirror.controllerKind == "Node" && mirror.controllerName == "worker-1")
        #expect(try !pod("debug-shell").isMirror)
    }

    @Test func aPodWithoutOwnersHasNoController() throws {
        let bare = try pod("debug-shell")
        #expect(bare.controllerKind == nil && bare.controllerName == nil)
        #expect(
            bare
                == ClusterPod(
                    namespace: "default", name: "debug-shell", nodeName: "worker-1", labels: ["run": "debug-shell"],
                    phase: .running, isReady: true, images: ["busybox:1.36.1"]))
    }

    @Test func theControllerIsTheOwnerReferenceMarkedControllerTrue() throws {
        let adopted = try pod("adopted-twice")
        #expect(adopted.controllerKind == "ReplicaSet" && adopted.controllerName == "web-5d8f7c9b6")
        let owned = try pod("owned-not-controlled")
        #expect(owned.controllerKind == nil && owned.controllerName == nil)
    }

    @Test func usesEmptyDirWhenAnyVolumeIsAnEmptyDir() throws {
        #expect(try pod("cache-0").hasEmptyDir)
        #expect(try !pod("debug-shell").hasEmptyDir)
    }

    @Test func isTerminatingWhenItHasADeletionTimestamp() throws {
        #expect(try pod("cache-0").isTerminating)
        #expect(try !pod("migrate-x7k2q").isTerminating)
    }

    @Test func listsTheImagesOfTheRegularContainersOnlyInSpecOrder() throws {
        #expect(
            try pod("cache-0").images == [
                "docker.io/library/redis:7.2.4-alpine", "docker.io/oliver006/redis_exporter:v1.58.0",
            ])
        #expect(try pod("crashed").images.isEmpty)
    }

    @Test func readsThePhaseAndCallsAnAbsentOrNewPhaseUnknown() throws {
        #expect(try pod("debug-shell").phase == .running)
        #expect(try pod("migrate-x7k2q").phase == .succeeded)
        #expect(try pod("crashed").phase == .failed)
        #expect(try pod("unscheduled").phase == .pending)
        #expect(try pod("lost").phase == .unknown)
        #expect(try pod("from-the-future").phase == .unknown)
        #expect(try pod("adopted-twice").phase == .unknown)
    }

    @Test func isReadyOnlyWhenTheReadyConditionIsTrue() throws {
        #expect(try pod("debug-shell").isReady)
        #expect(try !pod("cache-0").isReady)
        #expect(try !pod("migrate-x7k2q").isReady)
        #expect(try !pod("lost").isReady)
        #expect(try !pod("unscheduled").isReady)
        #expect(try !pod("crashed").isReady)
    }

    @Test func anUnscheduledPodHasNoNode() throws {
        #expect(try pod("unscheduled").nodeName == nil)
        #expect(try pod("crashed").nodeName == "worker-1")
    }

    @Test func readsLabelsAndNamespaces() throws {
        #expect(try pod("nginx-proxy-worker-1").labels == ["k8s-app": "kube-nginx"])
        #expect(try pod("nginx-proxy-worker-1").namespace == "kube-system")
        #expect(try pod("crashed").labels.isEmpty)
    }

    @Test func aPodWithoutANamespaceIsInDefaultAndAnEmptyNodeNameIsNone() throws {
        let snapshot = try decodeSnapshot(
            listWithNode(#"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"nodeName": ""}}"#))
        #expect(
            snapshot.state.pods == [
                ClusterPod(namespace: "default", name: "p", nodeName: nil, phase: .unknown, isReady: false)
            ])
    }

    @Test func readsThePodFragmentsOfTheReferenceVerbatim() throws {
        let text = try SnapshotFixtures.text("kubeadm-pod-fragments.json")
        let root = try JSONReader.parse(text, file: "f")
        let document = try KubeTreeDecoder.decode(KubeDocument.self, from: root)
        let pods = document.objects.compactMap { object -> ClusterPod? in
            if case .pod(let pod) = object { return pod.clusterPod }
            return nil
        }
        #expect(pods.count == 3)
        #expect(pods[0].isDaemonSetPod && pods[0].phase == .running && pods[0].isReady && !pods[0].hasEmptyDir)
        #expect(pods[0].nodeName == "worker-1" && pods[0].controllerName == "kube-proxy")
        #expect(pods[1].controllerKind == "StatefulSet" && pods[1].hasEmptyDir && pods[1].namespace == "default")
        #expect(pods[2].isMirror && pods[2].controllerKind == "Node" && pods[2].isAPIServer)
        #expect(pods[2].phase == .unknown && !pods[2].isReady)
    }
}

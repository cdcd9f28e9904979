import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Snapshots are read in one pass that keeps only what the decoders read: the result, and every error,
/// must be what reading the whole tree gives.
@Suite struct SnapshotStreamingTests {
    static let command = ClusterStateError.snapshotCommand

    /// The snapshot (or the error) of reading the whole tree and decoding it, as k8sup did before.
    static func wholeTree(_ text: String) -> Result<ClusterSnapshot, ClusterStateError> {
        Result { () throws(ClusterStateError) in
            let root = try KubeJSONInput.parse(text, source: "test.json", command: command, keeping: .all)
            let document = try KubeJSONInput.decode(KubeDocument.self, from: root, command: command)
            return try ClusterSnapshot(document: document, root: root, source: "test.json")
        }
    }

    static func streamed(_ text: String) -> Result<ClusterSnapshot, ClusterStateError> {
        Result { () throws(ClusterStateError) in try decodeSnapshot(text) }
    }

    /// A List with every field the decoders read, and many they do not.
    static let everyField = #"""
        {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [
          {"apiVersion": "v1", "kind": "Node",
           "metadata": {"name": "cp-1", "uid": "u1", "managedFields": [{"manager": "kubelet", "fieldsV1": {"f:a": {}}}],
             "labels": {"node-role.kubernetes.io/control-plane": "", "topology.kubernetes.io/zone": "z\u00e9"}},
           "spec": {"podCIDR": "10.0.0.0/24", "unschedulable": true,
             "taints": [{"key": "dedicated", "effect": "NoExecute", "timeAdded": null}]},
           "status": {"conditions": [{"type": "Ready", "status": "True", "message": "kubelet is posting ready status"},
               {"type": "DiskPressure", "status": "True", "lastHeartbeatTime": "2026-01-01T00:00:00Z"}],
             "nodeInfo": {"kubeletVersion": "v1.29.10", "osImage": "Ubuntu"},
             "allocatable": {"cpu": "3500m", "memory": 17179869184, "pods": "110"},
             "images": [{"names": ["registry.k8s.io/pause:3.9"], "sizeBytes": 322166}]}},
          {"apiVersion": "v1", "kind": "Pod",
           "metadata": {"name": "web-1", "namespace": "shop", "generation": 2,
             "labels": {"app": "web"}, "deletionTimestamp": "2026-01-01T00:00:00Z",
             "annotations": {"kubernetes.io/config.mirror": "abc", "kubectl.kubernetes.io/last-applied-configuration": "{}"},
             "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-5d", "uid": "u2",
               "controller": true, "blockOwnerDeletion": true}]},
           "spec": {"nodeName": "cp-1", "restartPolicy": "Always",
             "containers": [{"name": "app", "image": "shop/web:1.2", "env": [{"name": "A", "value": "1"}],
               "ports": [{"containerPort": 8080}], "resources": {"limits": {"cpu": 2}, "requests": {"cpu": 0.5, "memory": "1e3"}}}],
             "initContainers": [{"name": "init", "image": "busybox", "resources": {"requests": {"memory": "1Gi"}}}],
             "volumes": [{"name": "scratch", "emptyDir": {"medium": "Memory"}}, {"name": "cfg", "configMap": {"name": "c"}}]},
           "status": {"phase": "Running", "podIP": "10.0.0.5",
             "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": null}]}},
          {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
           "metadata": {"name": "web", "namespace": "shop", "generation": 3},
           "spec": {"minAvailable": "50%", "unhealthyPodEvictionPolicy": "AlwaysAllow",
             "selector": {"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "tier", "operator": "In", "values": ["a"]}]}},
           "status": {"observedGeneration": 3, "currentHealthy": 2, "desiredHealthy": 1, "disruptionsAllowed": 1,
             "expectedPods": 2, "conditions": [{"type": "DisruptionAllowed", "status": "True"}]}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}, "spec": {"ports": [{"port": 80}]}}
        ]}
        """#

    @Test func everyFieldTheDecodersReadIsKept() throws {
        let streamed = try Self.streamed(Self.everyField).get()
        #expect(streamed == (try Self.wholeTree(Self.everyField).get()))
        let pod = try #require(streamed.state.pods.first)
        #expect(
            pod.isMirror && pod.hasEmptyDir && pod.isReady && pod.isTerminating && pod.controllerKind == "ReplicaSet")
        #expect(pod.requests == ResourceAmounts(cpuMillis: 500, memoryBytes: 1 << 30))
        #expect(streamed.state.nodes.first?.zone == "zé")
        #expect(streamed.ignoredObjects == ["Service": 1])
    }

    @Test(arguments: [
        "absent-fields.json", "bad-kubelet-version.json", "int-or-string.json", "kubeadm-node.json", "kubeadm-pdb.json",
        "node-list.json", "pods.json", "selectors.json", "truncated.json", "v1beta1.json", "wrong-shape.json",
        "not-json.json",
    ])
    func fixturesReadAsTheWholeTreeDoes(name: String) throws {
        let text = try SnapshotFixtures.text(name)
        #expect(Self.streamed(text) == Self.wholeTree(text))
    }

    @Test func theSampleSnapshotReadsAsTheWholeTreeDoes() throws {
        let text = try String(contentsOfFile: SampleSnapshotTests.path, encoding: .utf8)
        #expect(Self.streamed(text) == Self.wholeTree(text))
    }

    /// A file cut anywhere says it ends early, at the place the whole-tree reader names.
    @Test func aSnapshotCutAnywhereIsTruncatedAtTheSamePlace() throws {
        let bytes = Array(Self.everyField.utf8)
        for end in stride(from: 1, to: bytes.count - 2, by: 7) {
            let text = String(decoding: bytes[..<end], as: UTF8.self)
            let streamed = Self.streamed(text)
            #expect(streamed == Self.wholeTree(text), "cut at byte \(end)")
            guard case .failure(.truncated) = streamed else {
                Issue.record("cut at byte \(end): \(streamed)")
                continue
            }
        }
    }

    @Test func hugeSkippedValuesAndUnknownFieldsChangeNothing() throws {
        let huge = String(repeating: "x", count: 4_000_000)
        let many = "[" + Array(repeating: #"{"a": [1, "b", null]}"#, count: 100_000).joined(separator: ",") + "]"
        let padded = Self.everyField.replacingOccurrences(
            of: #""restartPolicy": "Always","#,
            with: #""restartPolicy": "Always", "blob": "\#(huge)", "many": \#(many), "unknownField": {"x": [{}]},"#)
        #expect(padded.utf8.count > 6_000_000)
        #expect(try Self.streamed(padded).get() == (try Self.streamed(Self.everyField).get()))
    }

    @Test func deepNestingInSkippedPartsIsReadUpToTheLimit() throws {
        let levels = JSONReader.maximumDepth - 10
        let deep = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let nested = Self.everyField.replacingOccurrences(
            of: #""podIP": "10.0.0.5","#, with: #""podIP": "10.0.0.5", "deep": \#(deep),"#)
        #expect(try Self.streamed(nested).get() == (try Self.streamed(Self.everyField).get()))
        let tooDeep = Self.everyField.replacingOccurrences(
            of: #""podIP": "10.0.0.5","#, with: #""podIP": "10.0.0.5", "deep": [[[[[[[[[[[\#(deep)]]]]]]]]]]],"#)
        let result = Self.streamed(tooDeep)
        #expect(result == Self.wholeTree(tooDeep))
        guard case .failure(let error) = result else {
            Issue.record("nesting past the limit was accepted")
            return
        }
        #expect(message(error).contains("nested more than \(JSONReader.maximumDepth) levels deep"))
    }

    @Test func unicodeEscapesInKeptStringsAndNames() throws {
        let text = listWithNode(
            #"{"kind": "Pod", "metadata": {"n\u0061me": "caf\u00e9-\ud83d\ude00", "namespace": "a\/b", "labels": {"k\u00e9y": "v\"q"}}}"#
        )
        let pod = try #require(try decodeSnapshot(text).state.pods.first)
        #expect(pod.name == "café-😀" && pod.namespace == "a/b" && pod.labels == ["kéy": "v\"q"])
    }

    @Test(arguments: [
        (#"{"cpu": 2, "memory": 1024}"#, ResourceAmounts(cpuMillis: 2000, memoryBytes: 1024)),
        (#"{"cpu": 0.25, "memory": 1.5e3}"#, ResourceAmounts(cpuMillis: 250, memoryBytes: 1500)),
        (#"{"cpu": "100m", "memory": "1Ki"}"#, ResourceAmounts(cpuMillis: 100, memoryBytes: 1024)),
        (#"{"cpu": 1E0, "memory": -0}"#, ResourceAmounts(cpuMillis: 1000, memoryBytes: 0)),
    ])
    func numbersInQuantities(requests: String, expected: ResourceAmounts) throws {
        let text = listWithNode(
            #"{"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"resources": {"requests": \#(requests)}}]}}"#
        )
        #expect(try decodeSnapshot(text).state.pods.first?.requests == expected)
    }

    @Test func anAnnotationThatIsNotAStringIsStillAnError() {
        let text = listWithNode(
            #"{"kind": "Pod", "metadata": {"name": "p", "annotations": {"a": "x", "note": 3, "b": "y"}}}"#)
        #expect(Self.streamed(text) == Self.wholeTree(text))
        #expect(message(snapshotError(text)).contains("items[1].metadata.annotations.note: expected a string, found 3"))
    }

    /// Items of a large List: a node and `pods` pods per node, `extra(i)` added to the metadata of pod `i`.
    static func largeList(nodes: Int, pods: Int, extra: (Int) -> String = { _ in "" }) -> String {
        var items: [String] = []
        for node in 0..<nodes {
            items.append(#"{"kind": "Node", "metadata": {"name": "n\#(node)"}}"#)
            for pod in 0..<pods {
                let number = node * pods + pod
                items.append(
                    #"{"kind": "Pod", "metadata": {"name": "p\#(number)"\#(extra(number))}, "spec": {"nodeName": "n\#(node)"}}"#
                )
            }
        }
        return #"{"kind": "List", "items": [\#(items.joined(separator: ",\n"))]}"#
    }

    @Test func aLargeListDecodedInTwoHalvesKeepsTheDocumentOrder() throws {
        let state = try decodeSnapshot(Self.largeList(nodes: 100, pods: 5)).state
        #expect(state.nodes.map(\.name) == (0..<100).map { "n\($0)" })
        #expect(state.pods.map(\.name) == (0..<500).map { "p\($0)" })
        #expect(state.pods.map(\.nodeName) == (0..<500).map { "n\($0 / 5)" })
    }

    @Test func aLargeListReportsItsFirstErrorInDocumentOrder() {
        let text = Self.largeList(nodes: 100, pods: 5) { [60, 450].contains($0) ? #", "labels": {"a": \#($0)}"# : "" }
        // Pod 60 is item 73 (13 nodes and 60 pods before it), in the first half; pod 450 in the second.
        #expect(message(snapshotError(text)).hasSuffix("items[73].metadata.labels.a: expected a string, found 60"))
    }

    /// A file larger than the reader's progress interval: the pages read are released on the way, and
    /// a cut-off end is still reported with its line and column (read again from the file).
    @Test func aLargeFileReleasedAsItIsReadGivesTheSameResult() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/snapshot.json"
        let padding = #", "padding": "\#(String(repeating: "y", count: 1 << 20))""#
        let text = Self.largeList(nodes: 20, pods: 2) { _ in padding }
        #expect(text.utf8.count > 2 * JSONReader.progressInterval)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var expected = try decodeSnapshot(Self.largeList(nodes: 20, pods: 2))
        expected.state.source = "snapshot \(path)"
        #expect(try ClusterSnapshot.load(path: path) == expected)

        let cut = String(text.dropLast(3))
        try Data(cut.utf8).write(to: URL(fileURLWithPath: path))
        guard case .failure(let error) = Self.streamed(cut) else {
            Issue.record("a cut-off file was read")
            return
        }
        var fromFile: ClusterStateError?
        do {
            _ = try ClusterSnapshot.load(path: path)
        } catch {
            fromFile = error
        }
        #expect(message(fromFile) == message(error).replacingOccurrences(of: "test.json:", with: path + ":"))
        #expect(message(fromFile).contains("the JSON ends early"))
    }

    @Test func aFileIsReadInPlaceWithTheSameResult() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/snapshot.json"
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.everyField.utf8)).write(to: URL(fileURLWithPath: path))
        var expected = try Self.streamed(Self.everyField).get()
        expected.state.source = "snapshot \(path)"
        #expect(try ClusterSnapshot.load(path: path) == expected)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(throws: ClusterStateError.empty(source: path, command: Self.command)) {
            try ClusterSnapshot.load(path: path)
        }
    }
}

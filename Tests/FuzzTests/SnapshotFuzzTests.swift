import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// Fuzzes `ClusterSnapshot.decode(bytes:source:)`, which reads `kubectl get nodes,pods,pdb -A -o json`:
/// mutated snapshots, deep and huge JSON, UTF-16 and odd bytes are each read, or refused with a
/// `ClusterStateError` that names the file and, for anything inside it, a line of it, quickly.
@Suite struct SnapshotFuzzTests {
    static let file = "fuzz/snapshot.json"

    static let tokens = [
        "\"kind\": \"Node\"", "\"kind\": \"List\"", "\"items\": []", "\"kubeletVersion\": \"v1.x\"", "null", "[]", "{}",
        "\"minAvailable\": \"%\"", "\"maxUnavailable\": -1", "\"matchExpressions\": [{}]", "\"ownerReferences\": 1",
        "1e400", "-0", "18446744073709551616", "\"\\ud800\"", "\"\\u0000\"", "NaN", "Infinity",
        "\"__ansible_unsafe\": 1",
        "\"__ansible_type\": 1",
    ]

    /// The small test snapshots; the 700 KB sample joins in a long run (an unoptimised build reads it in
    /// about a second).
    static func seeds() throws -> [FuzzCorpus.Seed] {
        var seeds = FuzzCorpus.files(under: TestPaths.fixtures + "/Snapshots", suffixes: [".json"])
        if FuzzSettings.isLongRun, let sample = FuzzCorpus.file(TestPaths.inventories + "/sample.snapshot.json") {
            seeds.append(sample)
        }
        return seeds
    }

    @Test func mutatedSnapshotsAreReadOrRefusedWithTheirPlace() throws {
        let seeds = try Self.seeds()
        try #require(seeds.count >= 5)
        FuzzRun.mutations(kind: "snapshot", of: seeds, tokens: Self.tokens, check: Self.check)
    }

    /// The sample snapshot, cut at a few places and read whole: the reader handles a real-sized file.
    @Test func theSampleSnapshotCutShortIsRefusedAsTruncated() throws {
        let sample = try #require(FuzzCorpus.file(TestPaths.inventories + "/sample.snapshot.json"))
        var run = FuzzRun(kind: "snapshot-sample")
        run.run("whole", sample.bytes, check: Self.check)
        for cut in [1, sample.bytes.count / 3, sample.bytes.count - 2] {
            run.run("cut@\(cut)", Array(sample.bytes.prefix(cut))) { bytes in
                do throws(ClusterStateError) {
                    _ = try ClusterSnapshot.decode(bytes: bytes, source: Self.file)
                    return "accepted a cut-off snapshot"
                } catch {
                    guard case .truncated(let location, _, _) = error else {
                        return "not reported as cut off: \(error)"
                    }
                    return FuzzExpect.place(location, file: Self.file, in: bytes, error: error)
                }
            }
        }
        run.finish()
    }

    @Test func deepAndHugeSnapshotsAreRefusedQuickly() {
        let size = FuzzSettings.hugeSize
        let node =
            #"{"kind": "Node", "metadata": {"name": "n"}, "status": {"nodeInfo": {"kubeletVersion": "v1.30.1"}}}"#
        let shapes: [(String, String)] =
            [
                (
                    "many nodes",
                    #"{"kind": "List", "items": ["# + Array(repeating: node, count: size / 100).joined(separator: ",")
                        + "]}"
                ),
                (
                    "huge name",
                    node.replacingOccurrences(of: "\"n\"", with: "\"" + FuzzShapes.repeated("n", size) + "\"")
                ),
                (
                    "huge version",
                    node.replacingOccurrences(of: "v1.30.1", with: "v1." + FuzzShapes.repeated("9", size))
                ),
                (
                    "deep labels",
                    #"{"kind": "Node", "metadata": {"name": "n", "labels": "#
                        + FuzzShapes.repeated(#"{"a": "#, 500) + "1" + FuzzShapes.repeated("}", 500) + "}}"
                ),
            ] + FuzzShapes.deepJSON + FuzzShapes.hugeJSON(size: size) + FuzzShapes.deepYAML.prefix(4)
        FuzzRun.shapes(kind: "snapshot-shapes", shapes, check: Self.check)
    }

    /// nil when `bytes` is read, or refused with the file (and a line, for a problem inside it).
    static func check(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ClusterSnapshot.decode(bytes: bytes, source: file)
        } catch {
            switch error {
            case .empty(let source, _), .noNodes(let source):
                return source == file ? nil : "the error names '\(source)', not '\(file)': \(error)"
            case .notJSON(let location, _, _, _), .truncated(let location, _, _), .wrongShape(let location, _, _),
                .badKubeletVersion(let location, _, _, _):
                return FuzzExpect.place(location, file: file, in: bytes, error: error)
            case .unreadable, .noServerVersion:
                return "unexpected error kind \(error)"
            }
        }
        return nil
    }
}

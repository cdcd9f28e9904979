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

/// Fuzzes k8sim's scenario reader (`Scenario.parse(text:file:)`): mutated scenarios, every documented key
/// with values of every kind, deep and huge YAML are each read, or refused with a `ScenarioError` naming
/// the file and a line of it, quickly.
@Suite struct ScenarioFuzzTests {
    static let file = "fuzz/scenario.yaml"

    /// The format's documented example (the doc comment of `Scenario`), every key used.
    static let documented = """
        from: v1.28.15
        delays: {podReschedule: 1, podStart: 2.5, kubeletStart: 3, apiLatency: 0, command: 0.5}
        cordoned: [worker-2]
        workloads:
          - {name: web, namespace: shop, kind: Deployment, replicas: 3, labels: {app: web}, emptyDir: true,
             nodes: [worker-1]}
          - {name: cache, kind: StatefulSet, replicas: 2}
        pdbs:
          - {name: web, namespace: shop, selector: {app: web}, minAvailable: 2}
          - {name: cache, selector: {matchExpressions: [{key: app, operator: In, values: [cache]}]},
             maxUnavailable: "50%", unhealthyPodEvictionPolicy: AlwaysAllow}
        deprecatedAPIs: [{group: policy, version: v1beta1, resource: poddisruptionbudgets, removedRelease: "1.25"}]
        faults:
          - {type: kubelet-fails, node: worker-3, version: v1.29.15}
          - {type: kubeadm-fails, node: cp-2, message: boom, command: apply}
          - {type: unreachable, node: worker-5}
          - {type: apiserver-errors, fraction: 0.1, status: 503}
          - {type: apiserver-stall, fraction: 0.05, seconds: 2}
        seed: 7

        """

    static let tokens = [
        "-1", "1e400", "\"150%\"", "\"-5%\"", "9223372036854775808", "-9223372036854775809", ".nan", "-.inf",
        "v1.2.3.4", "v99999999999999999999.0.0", "[]", "{}", "null", "operator: NotIn", "status: 99999",
        "fraction: 2", "seconds: -1", "replicas: -3", "minAvailable: \"%\"", "version: v", "kind: CronJob",
    ]

    @Test func mutatedScenariosAreReadOrRefusedWithTheirPlace() throws {
        var seeds = [FuzzCorpus.Seed(name: "documented", bytes: Array(Self.documented.utf8))]
        seeds += try [#require(FuzzCorpus.file(TestPaths.inventories + "/sim.scenario.yaml"))]
        FuzzRun.mutations(kind: "scenario", of: seeds, tokens: Self.tokens, check: Self.check)
    }

    @Test func deepAndHugeScenariosAreRefusedQuickly() {
        let size = FuzzSettings.hugeSize
        let shapes: [(String, String)] =
            [
                ("many workloads", "workloads:\n" + FuzzShapes.repeated("  - {name: w, replicas: 1}\n", size / 28)),
                ("huge replicas", "workloads: [{name: w, replicas: " + FuzzShapes.repeated("9", size) + "}]\n"),
                ("huge seed", "seed: " + FuzzShapes.repeated("9", 5_000) + "\n"),
                ("huge version", "from: v1." + FuzzShapes.repeated("9", size) + ".0\n"),
                (
                    "deep selector",
                    "pdbs: [{name: p, selector: " + FuzzShapes.repeated("{a: ", 400) + "b"
                        + FuzzShapes.repeated("}", 400) + ", minAvailable: 1}]\n"
                ),
            ] + FuzzSettings.sample(FuzzShapes.deepYAML) + FuzzSettings.sample(FuzzShapes.deepJSON)
            + FuzzSettings.sample(FuzzShapes.hugeYAML(size: size, key: "from"))
            + FuzzSettings.sample(FuzzShapes.aliasBombs).map { ($0.label, "cordoned: [x]\n" + $0.text) }
        FuzzRun.shapes(kind: "scenario-shapes", shapes, check: Self.check)
    }

    /// nil when `bytes` (as text, invalid UTF-8 replaced) is read, or refused with its place.
    static func check(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Scenario.parse(text: String(decoding: bytes, as: UTF8.self), file: file)
        } catch {
            return FuzzExpect.place(error.location, file: file, in: bytes, error: error)
        }
        return nil
    }
}

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

/// Reading scenario files: every key of the documented format, and errors with their place.
@Suite struct ScenarioTests {
    @Test func readsTheDocumentedFormat() throws {
        let text = """
            from: v1.28.15
            delays: {podReschedule: 1, podStart: 2.5, kubeletStart: 3, apiLatency: 0, command: 0.5, download: 20}
            cordoned: [worker-2]
            workloads:
              - {name: web, namespace: shop, kind: Deployment, replicas: 3, labels: {app: web}, emptyDir: true, nodes: [worker-1]}
              - {name: cache, kind: StatefulSet, replicas: 2}
            pdbs:
              - {name: web, namespace: shop, selector: {app: web}, minAvailable: 2}
              - {name: cache, selector: {matchExpressions: [{key: app, operator: In, values: [cache]}]}, maxUnavailable: "50%", unhealthyPodEvictionPolicy: AlwaysAllow}
            deprecatedAPIs: [{group: policy, version: v1beta1, resource: poddisruptionbudgets, removedRelease: "1.25"}]
            faults:
              - {type: kubelet-fails, node: worker-3, version: v1.29.15}
              - {type: kubeadm-fails, node: cp-2, message: boom, command: apply}
              - {type: unreachable, node: worker-5}
              - {type: apiserver-errors, fraction: 0.1, status: 503}
              - {type: apiserver-stall, fraction: 0.05, seconds: 2}
            seed: 7
            """
        let scenario = try Scenario.parse(text: text, file: "s.yaml")
        #expect(scenario.from == "v1.28.15")
        #expect(
            scenario.delays
                == SimDelays(
                    podReschedule: 1, podStart: 2.5, kubeletStart: 3, apiLatency: 0, command: 0.5, download: 20))
        #expect(scenario.cordoned == ["worker-2"])
        #expect(
            scenario.workloads[0]
                == WorkloadSpec(
                    name: "web", namespace: "shop", kind: .deployment, replicas: 3, labels: ["app": "web"],
                    emptyDir: true,
                    nodes: ["worker-1"]))
        #expect(scenario.workloads[1].labels == ["app": "cache"])
        #expect(scenario.pdbs[0].minAvailable == .count(2))
        #expect(scenario.pdbs[1].maxUnavailable == .percent(50))
        #expect(scenario.pdbs[1].selector.matchExpressions == [.init(key: "app", operator: .in, values: ["cache"])])
        #expect(
            scenario.deprecatedAPIs == [
                .init(group: "policy", version: "v1beta1", resource: "poddisruptionbudgets", removedRelease: "1.25")
            ])
        #expect(
            scenario.faults == [
                .kubeletFails(node: "worker-3", version: "v1.29.15"),
                .kubeadmFails(node: "cp-2", message: "boom", command: "apply"),
                .unreachable(node: "worker-5"), .apiserverErrors(fraction: 0.1, status: 503),
                .apiserverStall(fraction: 0.05, seconds: 2),
            ])
        #expect(scenario.seed == 7)
    }

    @Test func unknownKeysAreErrorsWithTheirPlace() {
        #expect(throws: ScenarioError.self) {
            try Scenario.parse(text: "from: v1.28.15\nworkload: []\n", file: "s.yaml")
        }
        do {
            _ = try Scenario.parse(text: "from: v1.28.15\npdbs:\n  - {name: a, selectr: {app: a}}\n", file: "s.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(file: "s.yaml", line: 3, column: 15))
            #expect(error.description.hasPrefix("s.yaml:3:15: unknown key selectr in pdb"))
        }
    }

    @Test func wrongValuesAreErrors() {
        let cases = [
            "faults: [{type: meteor, node: a}]", "workloads: [{name: a, kind: Job}]", "from: banana",
            "pdbs: [{name: a, minAvailable: 1, maxUnavailable: 1}]", "pdbs: [{name: a, minAvailable: lots}]",
            "faults: [{type: apiserver-errors, fraction: 2}]", "faults: [{type: disk-full, node: a, freeMB: -1}]",
            "faults: [{type: sudo-fails}]", "delays: {podStart: soon}", "seed: [1]",
        ]
        for text in cases {
            #expect(throws: ScenarioError.self, "\(text)") { try Scenario.parse(text: text, file: "s.yaml") }
        }
    }

    @Test func emptyFileIsTheDefaultScenario() throws {
        #expect(try Scenario.parse(text: "", file: "s.yaml") == Scenario())
    }

    @Test func faultListsRoundTripAsJSON() throws {
        let faults: [SimFault] = [
            .unreachable(node: "w1"), .kubeletFails(node: "w2", version: nil),
            .node(.diskFull(node: "w1", freeMB: 500)), .node(.certsExpiring(node: "cp", daysLeft: 12)),
            .node(.certsExpiring(node: "cp", daysLeft: -1)), .node(.sudoFails(node: "w2")),
        ]
        let text = PythonJSONWriter.compact(.list(faults.map(\.dataValue)))
        #expect(try SimFault.readList(text: text, file: "<faults>") == faults)
        #expect(try SimFault.readList(text: #"{"faults": []}"#, file: "<faults>") == [])
    }

    /// `Inventories/sim.scenario.yaml` as the user edits it: each commented fault line uncommented on its
    /// own (deleting the `#`, or the `#` and the space after it), and all of them together, loads with
    /// exactly those faults; left as shipped, it has none.
    @Test func eachSampleFaultCanBeSwitchedOnByUncommentingItsLine() throws {
        let path = TestPaths.inventories + "/sim.scenario.yaml"
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let faultLines = lines.indices.filter { lines[$0].hasPrefix("#") && lines[$0].contains("{type: ") }
        try #require(faultLines.count >= 4)
        #expect(try Scenario.parse(text: lines.joined(separator: "\n"), file: path).faults == [])
        let types = faultLines.map { index in
            lines[index].components(separatedBy: "{type: ")[1].prefix { $0 != "," && $0 != "}" }
        }
        #expect(Set(types).count == faultLines.count, "one line per fault type")
        for removal in ["#", "# "] {
            func uncommented(_ chosen: [Int]) -> String {
                var edited = lines
                for index in chosen { edited[index] = String(edited[index].dropFirst(removal.count)) }
                return edited.joined(separator: "\n")
            }
            for (index, type) in zip(faultLines, types) {
                let scenario = try Scenario.parse(text: uncommented([index]), file: path)
                #expect(scenario.faults.map(\.typeName) == [String(type)], "\(lines[index])")
            }
            let all = try Scenario.parse(text: uncommented(faultLines), file: path)
            #expect(all.faults.map(\.typeName) == types.map(String.init))
        }
    }

    /// `PUT /k8sim/v1/faults` bodies: the scenario's list, the same under `faults:`, one fault alone, and
    /// the empty forms that clear them; nodes checked when known.
    @Test func faultBodiesTakeTheScenarioShapesAndTheEmptyOnesClear() throws {
        let one: [SimFault] = [.kubeletFails(node: "worker-1", version: "v1.29.15")]
        let bodies = [
            "- {type: kubelet-fails, node: worker-1, version: v1.29.15}\n",
            "faults:\n  - {type: kubelet-fails, node: worker-1, version: v1.29.15}\n",
            #"{"type": "kubelet-fails", "node": "worker-1", "version": "v1.29.15"}"#,
            #"[{"type": "kubelet-fails", "node": "worker-1", "version": "v1.29.15"}]"#,
        ]
        for body in bodies {
            #expect(try SimFault.readList(text: body, file: "body", nodes: ["worker-1"]) == one, "\(body)")
        }
        for body in ["", "[]", "faults:\n", "faults: []", #"{"faults": null}"#, "null"] {
            #expect(try SimFault.readList(text: body, file: "body") == [], "\(body)")
        }
    }

    @Test func badFaultBodiesNameTheLineAndColumn() {
        let cases: [(body: String, line: Int, column: Int, message: String)] = [
            ("faults:\n  - {type: kubelet-fails}\n", 2, 5, "fault needs node"),
            ("- {type: unreachable, node: worker-9}\n", 1, 3, "fault.node worker-9 is not a node of the simulated"),
            ("{fault: []}", 1, 1, "expected a list of faults"),
            ("[{type: meteor}]", 1, 2, "unknown fault type meteor"),
            ("faults: 3", 1, 9, "faults must be a list, not a"),
        ]
        for item in cases {
            do {
                _ = try SimFault.readList(text: item.body, file: "body", nodes: ["worker-1"])
                Issue.record("expected an error for \(item.body)")
            } catch {
                #expect(error.location == SourceLocation(file: "body", line: item.line, column: item.column))
                #expect(error.message.hasPrefix(item.message), "\(error)")
            }
        }
    }
}

import Foundation
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

/// `k8sup apply` end to end: the built k8sup with real kubectl against k8sim, then the cluster and the
/// journal inspected. Serialized: each test runs dozens of processes, and two cores are enough for one.
@Suite("apply end to end", .serialized)
struct ApplyEndToEndTests {
    @Test func upgradesTheSampleClusterAcrossTwoHopsInOrder() async throws {
        let scenario = try String(contentsOfFile: TestPaths.inventories + "/sim.scenario.yaml", encoding: .utf8)
        let cluster = try ApplySim(controlPlanes: nil, scenario: Self.withoutDelays(scenario))
        let events = cluster.stateDirectory + ".events.jsonl"
        let result = try await cluster.apply(["--events", events])
        #expect(result.status == 0, "\(result.error)")
        let nodes = ["cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5"]
        for name in nodes {
            #expect(cluster.node(name) == .init(version: "v1.30.14", ready: true, cordoned: false), "\(name)")
        }
        #expect(try cluster.startOrder() == nodes.map { "1 \($0)" } + nodes.map { "2 \($0)" })
        let journal = try cluster.journal
        #expect(journal.openNodes.isEmpty)
        #expect(journal.runs.count == 1)
        #expect(journal.lastResult == .succeeded)
        #expect(journal.runs.last?.exitCode == 0)
        #expect(cluster.sim.cluster.object("leases", namespace: "kube-system", name: "k8sup") == nil)
        #expect(result.error.contains("[1/16] v1.29.15 cp-1 kubeadm-upgrade-apply ok"))
        #expect(result.error.contains("[16/16] v1.30.14 worker-5 upgraded in"))
        #expect(result.output.contains("READY: 0 blocker(s)"))
        // kubeadm upgrade apply runs once per hop, on the first control-plane node.
        let applies = try cluster.journalEntries.compactMap { entry -> String? in
            guard case .stepStarted(let step) = entry.event, step.step == .kubeadmUpgradeApply else { return nil }
            return "\(step.hop) \(step.node ?? "")"
        }
        #expect(applies == ["1 cp-1", "2 cp-1"])
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        let decoded = try lines.map { try JSONDecoder().decode(EventLine.self, from: Data($0.utf8)) }
        #expect(decoded.filter { $0.kind == "node-finished" }.count == 16)
        #expect(decoded.last?.kind == "run-finished")
        #expect(decoded.last?.exitCode == 0)
        for name in nodes {
            let log = cluster.stateDirectory + "/logs/\(name).log"
            let attributes = try FileManager.default.attributesOfItem(atPath: log)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(text.contains("$ kubeadm upgrade "))
            // The readiness looks are logged too, with what each showed.
            #expect(text.contains(" get node \(name) -o json\n"))
            #expect(text.contains("= Ready, kubelet v1.30.14, cordoned\n"))
        }
    }

    @Test func limitToMastersThenAPlainRunFinishesTheWorkers() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2)
        let masters = try await cluster.apply(["--limit", "masters"])
        #expect(masters.status == 0, "\(masters.error)")
        #expect(cluster.node("cp-1")?.version == "v1.29.15")
        #expect(cluster.node("worker-1")?.version == "v1.28.15")
        #expect(cluster.node("worker-2")?.version == "v1.28.15")
        let rest = try await cluster.apply()
        #expect(rest.status == 0, "\(rest.error)")
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.29.15", ready: true, cordoned: false) })
        #expect(try cluster.startOrder() == ["1 cp-1", "1 worker-1", "1 worker-2"])
        #expect(try cluster.journal.runs.map(\.result) == [.succeeded, .succeeded])
    }

    @Test func aKubeletThatFailsIsRolledBackAndARerunFinishesAfterTheFix() async throws {
        // worker-2 never comes back at v1.29.15, so the run waits out the node-ready timeout: short here, but
        // long enough for the rolled-back kubelet to be seen Ready twice on a loaded machine.
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 3,
            scenario: "from: v1.28.15\nfaults:\n  - {type: kubelet-fails, node: worker-2, version: v1.29.15}\n",
            nodeReadyTimeout: "15s")
        let failed = try await cluster.apply()
        #expect(failed.status == 1, "\(failed.error)")
        #expect(cluster.node("worker-1") == .init(version: "v1.29.15", ready: true, cordoned: false))
        #expect(cluster.node("worker-2") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(cluster.node("worker-3") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(try cluster.startOrder() == ["1 cp-1", "1 worker-1", "1 worker-2"])
        #expect(failed.error.contains("worker-2: not Ready at v1.29.15"))
        #expect(failed.error.contains("[3/4] v1.29.15 worker-2 put back as it was"))
        let journal = try cluster.journal
        #expect(journal.status(of: "worker-2") == .rolledBack(hop: 1, ok: true))
        #expect(journal.openNodes.isEmpty)
        #expect(journal.lastResult == .failed)

        cluster.sim.cluster.faults = []
        let rerun = try await cluster.apply()
        #expect(rerun.status == 0, "\(rerun.error)")
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.29.15", ready: true, cordoned: false) })
        #expect(try cluster.startOrder().suffix(2) == ["1 worker-2", "1 worker-3"])
    }

    /// No silent minute: a kubelet that never comes up is reported again and again while apply waits for
    /// it, on the terminal, in `--events` and in the node's log, each time with how long it has waited.
    @Test func aNodeThatNeverComesUpIsReportedRepeatedlyWhileApplyWaits() async throws {
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 1,
            scenario: "from: v1.28.15\nfaults:\n  - {type: kubelet-fails, node: worker-1, version: v1.29.15}\n",
            nodeReadyTimeout: "15s")
        let events = cluster.stateDirectory + ".events.jsonl"
        let result = try await cluster.apply(["--events", events], variables: ["K8SUP_PROGRESS_INTERVAL": "250ms"])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("worker-1: not Ready at v1.29.15 within 15s"))
        let printed = result.error.split(separator: "\n").filter {
            $0.hasPrefix("[2/2] v1.29.15 worker-1 wait-ready: still waiting after ")
        }
        #expect(printed.count >= 2, "\(result.error)")
        // On a loaded machine a beat can come before the first look has answered ("not seen yet").
        #expect(printed.allSatisfy { $0.hasSuffix(" (timeout 15s)") && $0.contains(" — worker-1: ") }, "\(printed)")
        #expect(printed.filter { $0.contains(" — worker-1: NotReady, kubelet ") }.count >= 2, "\(printed)")
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        let waits = try lines.map { try JSONDecoder().decode(EventLine.self, from: Data($0.utf8)) }.filter {
            $0.kind == "waiting" && $0.step == "wait-ready" && $0.node == "worker-1"
                && ($0.message ?? "").hasPrefix("still waiting after ")
        }
        #expect(waits.count >= 2)
        let elapsed = waits.compactMap(\.elapsed)
        #expect(elapsed.count == waits.count && elapsed == elapsed.sorted() && Set(elapsed).count == elapsed.count)
        let log = try String(contentsOfFile: cluster.stateDirectory + "/logs/worker-1.log", encoding: .utf8)
        #expect(log.components(separatedBy: "~ wait-ready: still waiting after ").count - 1 >= 2)
        // The rollback puts the node back as it was and says so in words.
        #expect(
            result.error.contains(
                "[2/2] v1.29.15 worker-1 putting the node back: rolling the kubelet back to v1.28.15, then restoring "
                    + "the cordon state (uncordoning it: it was schedulable before)"))
        #expect(cluster.node("worker-1") == .init(version: "v1.28.15", ready: true, cordoned: false))
    }

    @Test func aDrainHeldByABudgetTimesOutUncordonsAndNamesTheHolders() async throws {
        // Replacements never become Ready, so the budget allows one eviction and then none; the drain waits
        // out the inventory's drain_timeout.
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2,
            scenario: """
                from: v1.28.15
                delays: {podStart: 3600, podReschedule: 0, kubeletStart: 0}
                workloads:
                  - {name: web, namespace: shop, kind: Deployment, replicas: 3, labels: {app: web}}
                pdbs:
                  - {name: web, namespace: shop, selector: {app: web}, minAvailable: 2}
                """,
            drainTimeout: "3s")
        let held = cluster.sim.cluster.objects("pods", namespace: "shop").filter {
            $0.string("spec", "nodeName") == "worker-1"
        }
        try #require(held.count == 2)
        let result = try await cluster.apply()
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("worker-1: the drain did not finish within 3s"))
        #expect(result.error.contains("held by PodDisruptionBudget shop/web"))
        #expect(held.contains { result.error.contains("pod shop/\($0.objectName)") })
        #expect(cluster.node("worker-1") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(cluster.node("worker-2")?.version == "v1.28.15")
        #expect(try cluster.journal.openNodes.isEmpty)
    }

    @Test func aNodeCordonedBeforeTheRunStaysCordoned() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2, scenario: "from: v1.28.15\ncordoned: [worker-1]\n")
        let result = try await cluster.apply()
        #expect(result.status == 0, "\(result.error)")
        #expect(cluster.node("worker-1") == .init(version: "v1.29.15", ready: true, cordoned: true))
        #expect(cluster.node("worker-2") == .init(version: "v1.29.15", ready: true, cordoned: false))
        #expect(try cluster.journal.node(named: "worker-1")?.originalCordon == true)
        let again = try await cluster.apply()
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("Nothing to do: every selected node is at v1.29.15."))
        #expect(try cluster.journal.runs.count == 1)
    }

    @Test func aSavedPlanIsRefusedAfterTheClusterDriftedAndAppliedWhenItMatches() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2)
        let path = cluster.stateDirectory + ".plan.json"
        let plan = try await cluster.k8sup(
            ["plan", "-i", cluster.inventory, "-i", cluster.sim.inventoryOverlayPath, "--out", path])
        #expect(plan.status == 0, "\(plan.error)")
        cluster.sim.cluster.setCordoned("worker-1", true)
        let refused = try await cluster.apply(["--plan", path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("worker-1's steps changed from ["))
        #expect(cluster.nodes.values.allSatisfy { $0.version == "v1.28.15" })
        #expect(cluster.sim.cluster.object("leases", namespace: "kube-system", name: "k8sup") == nil)
        cluster.sim.cluster.setCordoned("worker-1", false)
        let applied = try await cluster.apply(["--plan", path])
        #expect(applied.status == 0, "\(applied.error)")
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.29.15", ready: true, cordoned: false) })
    }

    @Test func aCanaryRunStopsAfterItsWorkersAndTheNextRunDoesTheRest() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 3)
        let canary = try await cluster.apply(["--canary", "1", "--batch", "1", "--forks", "2"])
        #expect(canary.status == 0, "\(canary.error)")
        #expect(canary.error.contains("stopped after 1 worker(s) as --canary asked"))
        #expect(cluster.node("worker-1")?.version == "v1.29.15")
        #expect(cluster.node("worker-2")?.version == "v1.28.15")
        #expect(cluster.node("worker-3")?.version == "v1.28.15")
        let rest = try await cluster.apply(["--batch", "2"])
        #expect(rest.status == 0, "\(rest.error)")
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.29.15", ready: true, cordoned: false) })
        let order = try cluster.startOrder()
        #expect(order.prefix(2) == ["1 cp-1", "1 worker-1"])
        #expect(Set(order.dropFirst(2)) == ["1 worker-2", "1 worker-3"])
    }

    @Test func confirmEachAsksBeforeEveryNodeAndANoStopsTheRun() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 2)
        var arguments = cluster.applyArguments(["--confirm-each", "--kubeconfig", cluster.sim.kubeconfigPath])
        arguments.removeAll { $0 == "--yes" }
        let console = CapturingConsole()
        let context = CommandContext(
            console: console, environment: [:], workingDirectory: TestPaths.packageRoot,
            input: ScriptedInput(["y", "y", "n"]))
        let code = await CLI.run(arguments: arguments, context: context)
        #expect(code == .interrupted, "\(console.error)")
        #expect(console.error.contains("Upgrade 3 node(s) to v1.29.15 as shown above? [y/N]"))
        #expect(console.error.contains("Upgrade worker-1 next? [y/N]"))
        #expect(console.error.contains("Upgrade worker-2 next? [y/N]"))
        #expect(cluster.node("worker-1")?.version == "v1.29.15")
        #expect(cluster.node("worker-2") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(try cluster.journal.openNodes.isEmpty)
    }

    @Test func withoutYesAndWithoutATerminalNothingChanges() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 1)
        let result = try await cluster.k8sup(
            [
                "apply", "-i", cluster.inventory, "-i", cluster.sim.inventoryOverlayPath, "--state-dir",
                cluster.stateDirectory,
            ])
        #expect(result.status == 64)
        #expect(result.error.contains("add --yes to apply"))
        #expect(cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.28.15", ready: true, cordoned: false) })
        #expect(try JournalReader.read(directory: cluster.stateDirectory).entries.isEmpty)
        // The plan shown before asking is the compact one unless -v asks for every node's steps.
        #expect(result.output.contains("  1    v1.29.15  target  control plane: cp-1\n"))
        #expect(!result.output.contains("Every node's steps:"))
        let verbose = try await cluster.k8sup(
            [
                "apply", "-i", cluster.inventory, "-i", cluster.sim.inventoryOverlayPath, "--state-dir",
                cluster.stateDirectory, "-v",
            ])
        #expect(verbose.status == 64)
        #expect(verbose.output.contains("Every node's steps:"))
        #expect(verbose.output.contains("  2. worker-1: worker, v1.28.15 → v1.29.15\n       1. back up the kubelet"))
    }

    @Test func noSecretValueReachesOutputLogsJournalOrEvents() async throws {
        let cluster = try ApplySim(controlPlanes: 1, workers: 1)
        // One var per secret-looking word, each used where it would show: in a command line, in
        // its output, in a failure message.
        let secrets = [
            "registry_password": "pw-Hunter2-0001", "vault_secret": "sec-Hunter2-0002",
            "api_token": "tok-Hunter2-0003", "etcd_encryption_key": "key-Hunter2-0004",
        ]
        let vars = cluster.inventory + "/group_vars/all.yaml"
        let added = secrets.keys.sorted().map { "\($0): \(secrets[$0] ?? "")\n" }.joined()
        try (String(contentsOfFile: vars, encoding: .utf8) + added).write(
            toFile: vars, atomically: true, encoding: .utf8)
        let values = secrets.values.sorted()
        let events = cluster.stateDirectory + ".events.jsonl"
        let check = "echo checking with " + values.joined(separator: " ")
        let passed = try await cluster.apply(["--events", events, "--health-check", check])
        #expect(passed.status == 0, "\(passed.error)")
        let failed = try await cluster.apply([
            "--to", "v1.30.14", "--events", events, "--health-check", check + " >&2; exit 1",
        ])
        #expect(failed.status == 1, "\(failed.error)")
        #expect(failed.error.contains("the health check failed"))
        var texts = [passed.output, passed.error, failed.output, failed.error]
        texts.append(try String(contentsOfFile: events, encoding: .utf8))
        let files = FileManager.default.enumerator(atPath: cluster.stateDirectory)?.allObjects as? [String] ?? []
        for file in files where file.hasSuffix(".log") || file.hasSuffix(".jsonl") {
            texts.append(try String(contentsOfFile: cluster.stateDirectory + "/" + file, encoding: .utf8))
        }
        #expect(texts.count >= 8)
        for value in values {
            #expect(texts.allSatisfy { !$0.contains(value) }, "\(value) leaked")
        }
        let workerLog = try String(contentsOfFile: cluster.stateDirectory + "/logs/worker-1.log", encoding: .utf8)
        #expect(workerLog.contains("| checking with *** *** *** ***"))
        let controlPlaneLog = try String(contentsOfFile: cluster.stateDirectory + "/logs/cp-1.log", encoding: .utf8)
        #expect(controlPlaneLog.contains("! checking with *** *** *** ***"))
    }

    /// Keeps the scenario's workloads and budgets but moves it to zero delays.
    static func withoutDelays(_ scenario: String) -> String {
        scenario.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                !["delays:", "  podReschedule", "  podStart", "  kubeletStart"].contains { line.hasPrefix($0) }
            }
            .joined(separator: "\n")
    }

    /// The fields of an `--events` line the tests read.
    struct EventLine: Decodable {
        var kind: String
        var exitCode: Int32?
        var step: String?
        var node: String?
        var message: String?
        var elapsed: Double?
        var attempt: Int?
        var retryDelay: Double?
    }
}

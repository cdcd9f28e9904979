import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The text plan reads like `terraform plan`: what matters first (header, blockers), then one table row
/// per hop and the node steps told once, whatever the size of the cluster; `-v` adds every node's steps.
@Suite struct PlanTextRendererTests {
    private func text(_ plan: UpgradePlan, verbose: Bool = false) -> String {
        PlanTextRenderer.render(plan, colour: false, verbose: verbose)
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func count(_ needle: String, in text: String) -> Int {
        lines(text).filter { $0.contains(needle) }.count
    }

    @Test func theCompactFormShowsEachNodeOncePerHopAndTheStepsOnce() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.addWorker("worker-4", "v1.28.6", cordoned: true)
        let plan = try fixture.plan()
        let output = text(plan)
        #expect(plan.hops.count == 2)
        #expect(count("control plane: cp-1, cp-2, cp-3", in: output) == 2)
        #expect(count("workers: worker-1, worker-2, worker-3, worker-4", in: output) == 2)
        #expect(count("back up the kubelet binary and configuration", in: output) == 1)
        #expect(count("pre-flight checks", in: output) == 1)
        #expect(output.contains("  3. kubeadm upgrade node\n       cp-1: kubeadm upgrade apply -y VERSION\n"))
        #expect(
            output.contains(
                "       cp-1, cp-2, cp-3: wait until the node is Ready at VERSION and its kube-apiserver answers\n"))
        #expect(
            output.contains("  8. uncordon\n       worker-4: leave it cordoned (it was cordoned before the upgrade)\n"))
        #expect(output.contains("  1    v1.29.15  built-in  control plane: cp-1, cp-2, cp-3\n"))
        #expect(output.contains("  2    v1.30.4   target    control plane: cp-1, cp-2, cp-3\n"))
        #expect(output.contains("  built-in: k8sup's built-in release table (2026-08-21)\n"))
        #expect(!output.contains("Hop 1 of 2"))
    }

    @Test func theHeaderBlockersTableStepsWarningsAndVerdictComeInThatOrder() throws {
        var fixture = PlanFixture.uniform("v1.29.3")
        fixture.addWorker("worker-4", "v1.29.3", cordoned: true)
        fixture.addPod("istio-system", "istiod-1", app: "istiod", on: "worker-2")
        fixture.addBudget(
            "istio-system", "istiod", app: "istiod", minAvailable: .count(1), healthy: 1, desired: 1, allowed: 0,
            expected: 1)
        let output = text(try fixture.plan())
        let order = [
            "Upgrade plan:", "Blockers (", "Hops:", "Each node's steps", "Before each hop's nodes:",
            "Warnings (", "BLOCKED:",
        ]
        let positions = order.compactMap { title in lines(output).firstIndex { $0.hasPrefix(title) } }
        #expect(positions.count == order.count, "\(output)")
        #expect(positions == positions.sorted(), "\(output)")
        #expect(lines(output).dropLast().last?.hasPrefix("BLOCKED:") == true)
    }

    @Test func verboseAddsEveryNodesStepsToTheSummary() throws {
        let plan = try PlanFixture.uniform("v1.28.6").plan()
        let compact = text(plan)
        let verbose = text(plan, verbose: true)
        // Everything the compact form shows before its verdict comes first, unchanged.
        let summary = try #require(compact.components(separatedBy: "\n\nREADY").first)
        #expect(verbose.hasPrefix(summary + "\n\nEvery node's steps:\n"))
        #expect(verbose.contains("Every node's steps:"))
        #expect(verbose.contains("Hop 1 of 2: v1.29.15 (version from k8sup's built-in release table (2026-08-21))"))
        #expect(verbose.contains("  4. worker-1: worker, v1.28.6 → v1.29.15\n       1. back up the kubelet"))
        // The template once, plus one listing per node upgrade.
        #expect(count("back up the kubelet binary", in: verbose) == 1 + plan.summary.nodeUpgrades)
        #expect(count("kubeadm upgrade apply -y v1.30.4", in: verbose) == 1)
        #expect(!compact.contains("Every node's steps:"))
    }

    @Test func theHeaderSaysWhereAPlanThatStopsEarlyReallyEnds() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.inventoryTarget = "v1.32.5"
        fixture.addWorker("worker-9", "v1.28.6", inInventory: false)
        let output = text(try fixture.plan())
        #expect(
            lines(output).first
                == "Upgrade plan: v1.28.6 → v1.31.14 (stops before the target v1.32.5: see version.stops-early), "
                + "3 hops, 18 node upgrades (6 nodes)")
        #expect(lines(output)[1] == "Target:    v1.32.5, from kube_version (inventory)")
        #expect(output.contains("; ends at v1.31.14, before the target v1.32.5.\n"))
    }

    @Test func theHeaderOfAPlanThatReachesItsTargetNamesIt() throws {
        let output = text(try PlanFixture.uniform("v1.28.6").plan())
        #expect(lines(output).first == "Upgrade plan: v1.28.6 → v1.30.4, 2 hops, 12 node upgrades (6 nodes)")
        #expect(!output.contains("ends at"))
    }

    @Test func whenOnlyTheControlPlaneReachesTheTargetTheHeaderSaysTheWorkersStop() throws {
        var fixture = PlanFixture.uniform("v1.28.6")
        fixture.inventoryTarget = "v1.29.15"
        fixture.limitHosts = ["cp-1", "cp-2", "worker-1"]
        let output = text(try fixture.plan())
        #expect(
            lines(output).first
                == "Upgrade plan: v1.28.6 → v1.29.15 (its workers stop before the target: see version.stops-early), "
                + "1 hop, 2 node upgrades (2 nodes)")
    }

    @Test func batchesAndSkippedNodesShowInTheHopRow() throws {
        var batched = PlanFixture.uniform("v1.29.3", workers: 5)
        batched.options.batchSize = 2
        #expect(
            text(try batched.plan()).contains(
                "workers in batches of 2: [worker-1, worker-2] [worker-3, worker-4] [worker-5]\n"))

        var resumed = PlanFixture()
        resumed.addControlPlane("cp-1", "v1.30.4")
        resumed.addControlPlane("cp-2", "v1.29.8")
        resumed.addWorker("worker-1", "v1.30.4")
        resumed.addWorker("worker-2", "v1.29.8")
        let output = text(try resumed.plan())
        #expect(output.contains("  1    v1.30.4  target  control plane: cp-2\n"), "\(output)")
        #expect(output.contains("                        workers: worker-2\n"))
        #expect(output.contains("                        skipped, already there: cp-1, worker-1\n"))
        // Nobody runs `kubeadm upgrade apply` when it already ran, so step 3 has no exception.
        #expect(output.contains("  3. kubeadm upgrade node\n  4. cordon and drain\n"))
    }

    @Test func aLivePlansKubectlIsShownOnceWhenSharedElsePerHop() throws {
        var fixture = PlanFixture.uniform("v1.28.6", workers: 1)
        fixture.live = LiveFacts(kubectlVersion: KubeVersion(1, 29, 3), kubectlPath: "/usr/bin/kubectl")
        let shared = text(try fixture.plan())
        #expect(shared.contains("\n  kubectl: /usr/bin/kubectl (every hop)\n"))
        #expect(count("kubectl: ", in: shared) == 1)

        fixture.inventoryTarget = "v1.31.4"
        fixture.live?.versionedKubectls = [KubeMinor(1, 31): "/sdk/kubectl.1.31"]
        let perHop = lines(text(try fixture.plan()))
        let rows = perHop.filter { $0.contains("kubectl: ") }
        #expect(rows.count == 3)
        #expect(rows.last?.hasSuffix(" kubectl: /sdk/kubectl.1.31") == true)
    }

    /// 3 control-plane nodes and `workers` workers, two of them cordoned, upgraded over `hops` minors.
    private func large(workers: Int, hops: Int, batch: Int = 1) throws -> UpgradePlan {
        var fixture = PlanFixture()
        for index in 1...3 { fixture.addControlPlane("cp-\(index)", "v1.28.6") }
        for index in 1...workers { fixture.addWorker("worker-\(index)", "v1.28.6", cordoned: index % 100 == 7) }
        fixture.inventoryTarget = ["v1.29.15", "v1.30.4", "v1.31.14"][hops - 1]
        fixture.options.batchSize = batch
        return try fixture.plan()
    }

    @Test(arguments: [1, 10])
    func aThreeHundredNodePlanTakesNoMoreLinesThanAThirtyNodeOne(batch: Int) throws {
        // The warnings are left out: one per cordoned node, and the big cluster has more of them.
        let small = lines(text(try large(workers: 27, hops: 2, batch: batch))).prefix { !$0.hasPrefix("Warnings") }
        let big = lines(text(try large(workers: 297, hops: 2, batch: batch))).prefix { !$0.hasPrefix("Warnings") }
        #expect(small.count == big.count, "\(big.joined(separator: "\n"))")
        #expect(big.allSatisfy { $0.count <= 120 }, "\(big.joined(separator: "\n"))")
        let workers = try #require(big.first { $0.contains("workers") && $0.contains("worker-1") })
        #expect(
            workers.hasSuffix(batch == 1 ? ", … worker-297 (297 in all)" : " … [worker-291 … worker-297] (30 batches)"))
        #expect(
            big.contains(
                "       worker-7, worker-107, worker-207: leave it cordoned (it was cordoned before the upgrade)"))
    }

    @Test func theLineCountGrowsWithTheHopsNotTheNodes() throws {
        let twoHops = lines(text(try large(workers: 297, hops: 2))).count
        let threeHops = lines(text(try large(workers: 297, hops: 3))).count
        // One more table row of two lines (control plane, workers); every other section is told once.
        #expect(threeHops - twoHops == 2)
        #expect(threeHops < 60)
    }

    @Test func nameListsKeepTheFirstAndLastNamesAndTheCountWhenTooLong() {
        let names = (1...300).map { "worker-\($0)" }
        let line = NameList.line(names, width: 60)
        #expect(line.count <= 60)
        #expect(line.hasPrefix("worker-1, worker-2, "))
        #expect(line.hasSuffix(", … worker-300 (300 in all)"))
        #expect(NameList.line(["a", "b", "c"], width: 60) == "a, b, c")
        #expect(
            NameList.line(["a-long-name", "b-long-name", "c-long-name"], width: 10)
                == "a-long-name, … c-long-name (3 in all)")
    }

    @Test func aStepTemplateNamesSubjectsThatDifferAndTheHopsWhereTheyDo() {
        let template = StepTemplate([
            .init(subject: "cp-1", hop: 1, steps: ["drain", "kubeadm upgrade node", "snapshot"]),
            .init(subject: "cp-1", hop: 2, steps: ["drain", "kubeadm upgrade apply", "snapshot"]),
            .init(subject: "cp-2", hop: 1, steps: ["drain", "kubeadm upgrade node", "snapshot"]),
            .init(subject: "cp-2", hop: 2, steps: ["drain", "kubeadm upgrade node"]),
        ])
        #expect(
            template.slots == [
                .init(number: 1, common: "drain", exceptions: []),
                .init(
                    number: 2, common: "kubeadm upgrade node",
                    exceptions: [.init(subjects: ["cp-1 (hop 2)"], description: "kubeadm upgrade apply")]),
                .init(
                    number: 3, common: "snapshot",
                    exceptions: [.init(subjects: ["cp-2 (hop 2)"], description: nil)]),
            ])
    }
}

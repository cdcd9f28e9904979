import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `k8sup status`: the journal's runs and nodes beside the cluster's view, with interrupted nodes flagged.
@Suite struct StatusCommandTests {
    /// A journal in which run-1 finished cp-1, then was killed while draining worker-4, which the
    /// sample snapshot shows cordoned (by k8sup: it was not cordoned before).
    func interruptedJournal() -> JournalScript {
        var script = JournalScript()
        script.runStarted(nodes: ["cp-1", "worker-4"])
        script.nodeStarted("cp-1", from: "v1.28.6")
        script.step("cp-1", .upgradeKubelet)
        script.nodeFinished("cp-1")
        script.nodeStarted("worker-4", from: "v1.28.6")
        script.step("worker-4", .backupKubelet)
        script.step("worker-4", .drain, ok: nil)
        return script
    }

    func withJournal<T>(_ text: String, _ body: (String) async throws -> T) async throws -> T {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try text.write(toFile: directory + "/journal.jsonl", atomically: false, encoding: .utf8)
        return try await body(directory)
    }

    @Test func showsRunsNodesAndFlagsANodeLeftCordonedByK8sup() async throws {
        let text = try interruptedJournal().text() + #"{"event":"step-fin"#
        try await withJournal(text) { directory in
            let result = await runK8sup(["status", "-i", "Inventories/sample", "--state-dir", directory])
            #expect(result.code == .ok)
            #expect(result.error.isEmpty)
            try GoldenFile.check(
                result.output.replacingOccurrences(of: directory, with: "STATE"), named: "status-interrupted.txt")
        }
    }

    @Test func jsonNamesEachNodesJournalAndLiveState() async throws {
        try await withJournal(try interruptedJournal().text()) { directory in
            let result = await runK8sup(["status", "-i", "Inventories/sample", "--state-dir", directory, "-o", "json"])
            #expect(result.code == .ok)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            #expect(object["kind"] as? String == "Status")
            let runs = try #require(object["runs"] as? [[String: Any]])
            #expect(runs.map { $0["result"] as? String } == ["unfinished"])
            let nodes = try #require(object["nodes"] as? [[String: Any]])
            #expect(nodes.count == 9)
            let worker = try #require(nodes.first { $0["name"] as? String == "worker-4" })
            let journal = try #require(worker["journal"] as? [String: Any])
            #expect(journal["status"] as? String == "in-progress" && journal["open"] as? Bool == true)
            #expect(journal["originalCordon"] as? Bool == false)
            #expect((worker["live"] as? [String: Any])?["cordoned"] as? Bool == true)
            #expect((worker["attention"] as? String)?.hasPrefix("cordoned by k8sup") == true)
        }
    }

    @Test func readsTheLiveClusterWithKubectlAndFallsBackToTheJournalAlone() async throws {
        let nodes = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "worker-4"}, "spec": {},
               "status": {"nodeInfo": {"kubeletVersion": "v1.30.4"},
                          "conditions": [{"type": "Ready", "status": "True"}]}}]}
            """
        try await withJournal(try interruptedJournal().text()) { directory in
            var arguments = try ArgumentParser.parse(
                ["--state-dir", directory, "--context", "prod"], for: StatusCommand.spec)
            let context = CommandContext(console: CapturingConsole(), environment: [:], workingDirectory: "/")
            let runner = FakeRunner()
            runner.on("kubectl --context prod get nodes -o json", .success(stdout: nodes))
            var report = try await StatusUseCase(context: context).report(arguments.statusRequest, runner: runner)
            #expect(report.cluster.source == "live (kubectl --context prod get nodes -o json)")
            // The cluster's nodes first, then those only the journal knows.
            #expect(report.nodes.map(\.name) == ["worker-4", "cp-1"])
            #expect(report.nodes[0].live == .init(kubeletVersion: "v1.30.4", ready: true, cordoned: false))
            #expect(report.nodes[0].attention == "left unfinished; the next apply finishes or undoes it")
            #expect(report.nodes[1].live == nil && report.nodes[1].attention == nil)

            arguments = try ArgumentParser.parse(["--state-dir", directory], for: StatusCommand.spec)
            let down = FakeRunner()
            down.on("kubectl get nodes -o json", .failure(stderr: "The connection to the server was refused"))
            report = try await StatusUseCase(context: context).report(arguments.statusRequest, runner: down)
            #expect(report.cluster.source == nil)
            #expect(report.cluster.error?.contains("connection to the server was refused") == true)
            let text = StatusTextRenderer.render(report)
            #expect(text.contains("cluster: not read, so only the journal is shown (cannot read the cluster"))
            #expect(text.contains("  NODE      JOURNAL\n"))
        }
    }

    @Test func withoutAJournalItSaysSoAndWithoutAnyLocationItIsAUsageError() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = await runK8sup(["status", "-i", "Inventories/sample", "--state-dir", directory])
        #expect(result.code == .ok)
        #expect(result.output.hasPrefix("Journal: none at \(directory)/journal.jsonl"))
        #expect(await runK8sup(["status"]).code == .usage)
    }

    @Test func aCorruptJournalIsBadInputNamingTheLine() async throws {
        try await withJournal(try interruptedJournal().text() + "garbage\n") { directory in
            let result = await runK8sup([
                "status", "--state-dir", directory, "--snapshot", "Inventories/sample.snapshot.json",
            ])
            #expect(result.code == .dataError)
            #expect(result.error.contains("\(directory)/journal.jsonl:10: not a k8sup journal entry"))
        }
    }

    /// `kubectl get nodes -o json` of nodes with these kubelet versions and cordon states.
    func liveNodes(_ nodes: [(name: String, kubelet: String, cordoned: Bool)]) -> String {
        let items = nodes.map { node in
            #"{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "\#(node.name)"}, "#
                + #""spec": {"unschedulable": \#(node.cordoned)}, "status": {"nodeInfo": {"kubeletVersion": "#
                + #""\#(node.kubelet)"}, "conditions": [{"type": "Ready", "status": "True"}]}}"#
        }
        return #"{"apiVersion": "v1", "kind": "List", "items": ["# + items.joined(separator: ", ") + "]}"
    }

    func liveReport(journal: JournalScript, nodes: String) async throws -> StatusReport {
        try await withJournal(try journal.text()) { directory in
            let arguments = try ArgumentParser.parse(["--state-dir", directory], for: StatusCommand.spec)
            let context = CommandContext(console: CapturingConsole(), environment: [:], workingDirectory: "/")
            let runner = FakeRunner()
            runner.on("kubectl get nodes -o json", .success(stdout: nodes))
            return try await StatusUseCase(context: context).report(arguments.statusRequest, runner: runner)
        }
    }

    /// A journal whose run finished cp-1 and worker-1 at v1.30.4, read against a cluster where worker-1
    /// is back at v1.29.15 (rebuilt, say): worker-1 is flagged, cp-1 is not, and the text leads with the
    /// warning and says what to do.
    @Test func aFinishedNodeAtAnotherVersionIsFlaggedAsNotMatchingTheJournal() async throws {
        var script = JournalScript()
        script.runStarted(nodes: ["cp-1", "worker-1"])
        for node in ["cp-1", "worker-1"] {
            script.nodeStarted(node)
            script.nodeFinished(node)
        }
        script.runFinished(.succeeded, exit: 0)
        let report = try await liveReport(
            journal: script,
            nodes: liveNodes([("cp-1", "v1.30.4", false), ("worker-1", "v1.29.15", false)]))
        #expect(report.journalMismatch)
        #expect(
            report.nodes.map(\.journalMismatch) == [
                nil, "the journal says it finished at v1.30.4, but its kubelet is v1.29.15",
            ])
        #expect(report.nodes.allSatisfy { $0.attention == nil })
        let text = StatusTextRenderer.render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let directory = report.stateDirectory
        #expect(
            lines[1]
                == "warning: the journal does not match the cluster (1 node, listed below): it may be from an "
                + "earlier cluster or the nodes changed since.")
        #expect(lines[2].contains("move the state directory aside (mv \(directory) \(directory).old)"))
        #expect(
            text.contains(
                "\nNot as the journal says:\n  worker-1: the journal says it finished at v1.30.4, but its kubelet is v1.29.15\n"
            ))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(StableJSON.encode(report).utf8)) as? [String: Any])
        #expect(json["journalMismatch"] as? Bool == true)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["journalMismatch"] as? String } == [nil, report.nodes[1].journalMismatch])
    }

    /// Cordon states the journal vouches for: a node cordoned before k8sup (which k8sup never uncordons)
    /// and one k8sup cordoned and had not uncordoned when the run stopped, both found schedulable; a node
    /// rolled back is expected at its old version. Matching nodes raise nothing.
    @Test func openNodesFoundUncordonedAndRolledBackNodesAtTheNewVersionAreFlagged() async throws {
        var script = JournalScript()
        script.runStarted(nodes: ["worker-1", "worker-2", "worker-3", "worker-4"])
        script.nodeStarted("worker-1", cordoned: true)
        script.step("worker-1", .backupKubelet)
        script.nodeStarted("worker-2")
        script.step("worker-2", .drain)
        script.step("worker-2", .upgradeKubelet, ok: nil)
        script.nodeStarted("worker-3")
        script.step("worker-3", .upgradeKubelet)
        script.nodeFailed("worker-3", step: .waitReady)
        script.rollback("worker-3", ok: true)
        script.nodeStarted("worker-4")
        script.step("worker-4", .drain)
        let matching = try await liveReport(
            journal: script,
            nodes: liveNodes([
                ("worker-1", "v1.29.15", true), ("worker-2", "v1.30.4", true), ("worker-3", "v1.29.15", false),
                ("worker-4", "v1.29.15", true),
            ]))
        #expect(!matching.journalMismatch)
        #expect(!StatusTextRenderer.render(matching).contains("does not match"))

        let report = try await liveReport(
            journal: script,
            nodes: liveNodes([
                ("worker-1", "v1.29.15", false), ("worker-2", "v1.29.15", false), ("worker-3", "v1.30.4", false),
                ("worker-4", "v1.28.6", true),
            ]))
        #expect(report.journalMismatch)
        #expect(
            report.nodes.map(\.journalMismatch) == [
                "it was cordoned before k8sup started and k8sup keeps it so, but it is not cordoned now",
                "k8sup cordoned it and has not uncordoned it yet, but it is not cordoned now",
                "the journal says it was rolled back to v1.29.15, but its kubelet is v1.30.4",
                "the journal says it is between v1.29.15 and v1.30.4, but its kubelet is v1.28.6",
            ])
        #expect(StatusTextRenderer.render(report).contains("(4 nodes, listed below)"))
    }

    /// Without a cluster nothing can be compared, so nothing is flagged.
    @Test func withoutAClusterNothingIsFlagged() async throws {
        var script = JournalScript()
        script.runStarted(nodes: ["cp-1"])
        script.nodeStarted("cp-1")
        script.nodeFinished("cp-1")
        try await withJournal(try script.text()) { directory in
            let arguments = try ArgumentParser.parse(["--state-dir", directory], for: StatusCommand.spec)
            let context = CommandContext(console: CapturingConsole(), environment: [:], workingDirectory: "/")
            let down = FakeRunner()
            down.on("kubectl get nodes -o json", .failure(stderr: "The connection to the server was refused"))
            let report = try await StatusUseCase(context: context).report(arguments.statusRequest, runner: down)
            #expect(!report.journalMismatch && report.nodes.allSatisfy { $0.journalMismatch == nil })
        }
    }
}

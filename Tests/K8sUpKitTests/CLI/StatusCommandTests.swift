import Foundation
import Testing

@testable import K8sUpKit

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
            var report = try await StatusCommand.report(arguments, context: context, runner: runner)
            #expect(report.cluster.source == "live (kubectl --context prod get nodes -o json)")
            // The cluster's nodes first, then those only the journal knows.
            #expect(report.nodes.map(\.name) == ["worker-4", "cp-1"])
            #expect(report.nodes[0].live == .init(kubeletVersion: "v1.30.4", ready: true, cordoned: false))
            #expect(report.nodes[0].attention == "left unfinished; the next apply finishes or undoes it")
            #expect(report.nodes[1].live == nil && report.nodes[1].attention == nil)

            arguments = try ArgumentParser.parse(["--state-dir", directory], for: StatusCommand.spec)
            let down = FakeRunner()
            down.on("kubectl get nodes -o json", .failure(stderr: "The connection to the server was refused"))
            report = try await StatusCommand.report(arguments, context: context, runner: down)
            #expect(report.cluster.source == nil)
            #expect(report.cluster.error?.contains("connection to the server was refused") == true)
            let text = StatusTextRenderer.render(report)
            #expect(text.contains("no live columns: cannot read the cluster"))
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
}

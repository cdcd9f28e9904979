import Foundation
import Glibc
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// What the executor's events become: journal entries that close each node, progress lines and the
/// `--events` file.
@Suite("Execution observers")
struct ExecutionObserversTests {
    /// - Parameter after: The kubelet version the node shows after its first look.
    private func run(
        _ fixture: ExecutorFixture, failing: Set<String> = [], after: String = "v1.30.4", journal: MemoryJournal
    ) async throws -> Executor.Result {
        fixture.answerShell(failing: failing)
        fixture.answerWorker(after: after)
        var tools = try fixture.tools(hosts: ["w1"])
        tools = ExecutionTools(
            runner: tools.runner, hostCommands: tools.hostCommands, kubectl: tools.kubectl, settings: tools.settings,
            observer: ObserverGroup(observers: [JournalObserver(journal: journal, runId: "r1"), fixture.events]),
            log: tools.log, stop: tools.stop)
        let node = ExecutorFixture.node("w1")
        let plan = fixture.plan([node])
        return try await Executor(plan: plan, tools: tools).run()
    }

    @Test func aSuccessfulNodeIsFinishedInTheJournal() async throws {
        let journal = MemoryJournal()
        #expect(try await run(ExecutorFixture(), journal: journal) == .succeeded)
        let state = journal.state
        #expect(state.status(of: "w1") == .finished(hop: 1))
        #expect(state.openNodes.isEmpty)
        let started = journal.events.compactMap { event -> JournalEvent.NodeStarted? in
            if case .nodeStarted(let started) = event { return started }
            return nil
        }
        #expect(
            started == [
                .init(
                    runId: "r1", hop: 1, hopVersion: "v1.30.4", node: "w1", host: "w1", role: "worker",
                    fromVersion: "v1.29.8", cordonedBefore: false)
            ])
        #expect(journal.events.contains(.stepFinished(.init(runId: "r1", hop: 1, node: nil, step: .stage, ok: true))))
    }

    @Test func aRolledBackNodeIsClosedAndSaysWhichStepFailed() async throws {
        let journal = MemoryJournal()
        _ = try await run(
            ExecutorFixture(), failing: ["echo kubelet 1.30.4-1.1"], after: "v1.29.8", journal: journal)
        #expect(journal.state.status(of: "w1") == .rolledBack(hop: 1, ok: true))
        #expect(journal.state.openNodes.isEmpty)
        #expect(
            journal.events.contains {
                if case .nodeFailed(let failed) = $0 { return failed.step == .upgradeKubelet }
                return false
            })
    }

    @Test func aFailureBeforeAnythingChangedClosesTheNodeAsItWas() async throws {
        let journal = MemoryJournal()
        _ = try await run(ExecutorFixture(), failing: ["echo backup 1.29.8"], journal: journal)
        #expect(journal.state.status(of: "w1") == .cordonRestored(cordoned: false))
        #expect(journal.state.openNodes.isEmpty)
    }

    @Test func progressLinesCarryPositionVersionNodeStepAndTime() {
        let printer = ProgressPrinter(redactor: SecretRedactor(values: ["hunter2-secret"])) { _ in }
        let start = Date(timeIntervalSince1970: 1000)
        var started = ExecutionEvent(
            .stepStarted, time: start, hop: 1, version: "v1.30.4", node: "w1", step: "cordon-drain", position: 3,
            total: 8)
        #expect(printer.line(for: started) == nil)
        started.kind = .stepFinished
        started.time = start.addingTimeInterval(12.4)
        started.ok = true
        #expect(printer.line(for: started) == "[3/8] v1.30.4 w1 cordon-drain ok 12s")
        var waiting = ExecutionEvent(
            .waiting, hop: 1, version: "v1.30.4", node: "w1", step: "cordon-drain", position: 3, total: 8,
            message: "eviction of pod shop/db-0 refused: budget\nmore")
        #expect(
            printer.line(for: waiting)
                == "[3/8] v1.30.4 w1 cordon-drain: eviction of pod shop/db-0 refused: budget")
        waiting.kind = .nodeFailed
        waiting.message = "w1: uses hunter2-secret"
        #expect(printer.line(for: waiting) == "[3/8] v1.30.4 w1 cordon-drain FAILED: w1: uses hunter2-secret")
        #expect(ProgressPrinter.seconds(0.42) == "0.4s")
        #expect(ProgressPrinter.seconds(185) == "3m05s")
    }

    @Test func theEventsFileHasOneRedactedJSONObjectPerLine() throws {
        let pathDirectory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: pathDirectory) }
        let path = pathDirectory + "/events.jsonl"
        let file = try EventsFile(path: path, redactor: SecretRedactor(values: ["hunter2-secret"]))
        file.record(ExecutionEvent(.hopStarted, hop: 1, version: "v1.30.4"))
        file.record(ExecutionEvent(.nodeFailed, node: "w1", ok: false, message: "token hunter2-secret leaked?"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let second = try JSONDecoder().decode([String: AnyCodableValue].self, from: Data(lines[1].utf8))
        #expect(second["message"] == .string("token *** leaked?"))
        #expect(second["kind"] == .string("node-failed"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func durationsAcceptMillisecondsForTheVerifyInterval() {
        #expect(DurationText.parse("500ms") == .milliseconds(500))
        #expect(DurationText.parse("1m30s") == .seconds(90))
        #expect(DurationText.parse("2m") == .seconds(120))
        #expect(DurationText.parse("0s") == .zero)
        #expect(DurationText.parse("1h1ms") == .milliseconds(3_600_001))
        #expect(DurationText.parse("ms") == nil)
        #expect(DurationText.parse("5x") == nil)
        #expect(DurationText.parse("5") == .seconds(5))
    }

    @Test func aLockHolderIsGoneOnlyWhenItsProcessOnThisMachineIsGone() throws {
        let me = RunIdentity(runId: "r2", user: "ops", host: "box", pid: getpid())
        let dead = try deadPid()
        #expect(me.isGoneFromThisMachine("ops@box pid \(dead) run r1"))
        #expect(me.isGoneFromThisMachine("other@box pid \(dead) run r1"))
        #expect(!me.isGoneFromThisMachine("ops@elsewhere pid \(dead) run r1"))
        #expect(!me.isGoneFromThisMachine("ops@box pid \(getppid()) run r1"))
        #expect(!me.isGoneFromThisMachine("ops@box pid \(getpid()) run r2"))
        #expect(!me.isGoneFromThisMachine("someone else"))
    }

    /// A pid no process has: a child that ran and was reaped.
    private func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// A JSON value of any kind, for reading `--events` lines loosely.
enum AnyCodableValue: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .other
        }
    }
}

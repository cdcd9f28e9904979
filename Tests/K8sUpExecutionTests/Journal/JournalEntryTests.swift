import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The journal's line format: flat camelCase JSON objects with `time` and `event`, stable byte for byte.
@Suite struct JournalEntryTests {
    @Test func aNodeStartedLineIsOneFlatObjectWithSortedKeys() throws {
        var script = JournalScript()
        script.nodeStarted("worker-1", cordoned: true)
        #expect(
            try script.entries[0].line()
                == #"{"cordonedBefore":true,"event":"node-started","fromVersion":"v1.29.15","hop":1,"#
                + #""hopVersion":"v1.30.4","host":"worker-1","node":"worker-1","role":"worker","runId":"run-1","#
                + #""time":"2025-01-02T03:04:05.123Z"}"#)
    }

    @Test func hopWideStepsHaveNoNodeAndStepsUseThePlansActionNames() throws {
        var script = JournalScript()
        script.step(nil, .stage)
        script.step("cp-1", .drain, ok: false)
        let lines = try script.entries.map { try $0.line() }
        #expect(!lines[0].contains("\"node\""))
        #expect(lines[0].contains(#""step":"stage""#))
        #expect(lines[3].contains(#""step":"cordon-drain""#) && lines[3].contains(#""ok":false"#))
        #expect(lines[3].contains(#""message":"exit 1""#))
    }

    @Test func everyEventRoundTrips() throws {
        var script = JournalScript()
        script.runStarted()
        script.nodeStarted("cp-1")
        script.step("cp-1", .upgradeKubelet)
        script.nodeFailed("cp-1", step: .waitReady)
        script.rollback("cp-1", ok: false)
        script.nodeFinished("worker-1")
        script.cordonRestored("worker-2", cordoned: true)
        script.add(
            .batchStarted(
                .init(
                    runId: "r", hop: 1, batch: 2, nodes: ["worker-1", "worker-3"], planned: ["worker-1", "worker-2"],
                    reason: "re-packed")))
        script.runFinished(.interrupted, exit: 130)
        #expect(Set(script.entries.map(\.event.name)) == Set(JournalEvent.names))
        for entry in script.entries {
            let decoded = try JSONDecoder().decode(JournalEntry.self, from: Data(try entry.line().utf8))
            #expect(decoded == entry)
        }
    }

    @Test func unknownEventsAndBadTimesDoNotDecode() {
        let unknown = #"{"event":"node-teleported","runId":"r","time":"2025-01-02T03:04:05.123Z"}"#
        let badTime = #"{"event":"cordon-restored","runId":"r","node":"n","cordoned":false,"time":"noon"}"#
        for text in [unknown, badTime] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(JournalEntry.self, from: Data(text.utf8)) }
        }
    }
}

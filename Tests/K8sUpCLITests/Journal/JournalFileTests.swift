import Foundation
import Glibc
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

/// `JournalWriter` and `JournalReader` on a real file: permissions, appends, torn and bad lines.
@Suite struct JournalFileTests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func createsAPrivateDirectoryAndFileAndReadsBackEveryEntry() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/state/.k8sup"
        var script = JournalScript()
        script.runStarted()
        script.nodeStarted("cp-1")
        let writer = try JournalWriter(directory: directory)
        for entry in script.entries { try writer.append(entry) }
        writer.close()
        #expect(mode(directory) == 0o700)
        #expect(mode(directory + "/journal.jsonl") == 0o600)
        let contents = try JournalReader.read(directory: directory)
        #expect(contents == .init(entries: script.entries, notes: [], exists: true))
        let text = try String(contentsOfFile: directory + "/journal.jsonl", encoding: .utf8)
        #expect(text == (try script.text()))
    }

    @Test func appendsToAnExistingJournalAndMakesItPrivate() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var first = JournalScript(runId: "run-1")
        first.runStarted()
        first.runFinished(.succeeded, exit: 0)
        try first.text().write(toFile: directory + "/journal.jsonl", atomically: false, encoding: .utf8)
        chmod(directory + "/journal.jsonl", 0o644)
        var second = JournalScript(runId: "run-2")
        second.runStarted()
        let writer = try JournalWriter(directory: directory)
        try writer.append(second.entries[0])
        #expect(mode(directory + "/journal.jsonl") == 0o600)
        let contents = try JournalReader.read(directory: directory)
        #expect(contents.entries == first.entries + second.entries)
    }

    @Test func concurrentAppendsEachLandOnTheirOwnLine() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try JournalWriter(directory: directory)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let event = JournalEvent.cordonRestored(.init(runId: "r", node: "node-\(index)", cordoned: false))
                    try? writer.record(event, at: Date(timeIntervalSince1970: 1_700_000_000))
                }
            }
        }
        let state = JournalState(try JournalReader.read(directory: directory).entries)
        #expect(Set(state.nodes.map(\.name)) == Set((0..<40).map { "node-\($0)" }))
    }

    @Test func aMissingJournalReadsAsEmpty() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try JournalReader.read(directory: directory) == .init(entries: [], notes: [], exists: false))
    }

    @Test func aTornLastLineIsIgnoredWithANote() throws {
        var script = JournalScript()
        script.runStarted()
        let text = try script.text() + #"{"event":"node-sta"#
        let contents = try JournalReader.parse(Array(text.utf8), path: "/s/journal.jsonl")
        #expect(contents.entries == script.entries)
        #expect(contents.notes.count == 1)
        #expect(contents.notes[0].hasPrefix("/s/journal.jsonl:2: the last line was cut off"))
    }

    @Test func aBadLineElsewhereIsAnErrorNamingFileAndLine() throws {
        var script = JournalScript()
        script.runStarted()
        script.nodeStarted("cp-1")
        let lines = try script.entries.map { try $0.line() }
        let cases: [(String, String)] = [
            (lines[0] + "\n{oops\n" + lines[1] + "\n", "not valid JSON"),
            (lines[0] + "\n" + #"{"event":"node-started","time":"2025-01-02T03:04:05.123Z"}"# + "\n", "no 'runId'"),
            // A complete last line (newline written) that is bad is corruption, not a torn write.
            (lines[0] + "\n{oops\n", "not valid JSON"),
        ]
        for (text, reason) in cases {
            #expect {
                try JournalReader.parse(Array(text.utf8), path: "j.jsonl")
            } throws: { error in
                guard case .badLine(let path, let line, let message) = error as? JournalError else { return false }
                return path == "j.jsonl" && line == 2 && message.contains(reason)
            }
        }
        let error = JournalError.badLine(path: "j.jsonl", line: 2, reason: "not valid JSON")
        #expect(CLI.exitCode(for: error) == .dataError)
        #expect(error.description.hasPrefix("j.jsonl:2: not a k8sup journal entry (not valid JSON)"))
    }

    @Test func blankLinesAreSkipped() throws {
        var script = JournalScript()
        script.runStarted()
        let contents = try JournalReader.parse(Array(("\n" + (try script.text()) + "\n").utf8), path: "j")
        #expect(contents.entries == script.entries && contents.notes.isEmpty)
    }

    @Test func theStateDirectoryDefaultsBesideTheInventory() throws {
        let loaded = try InventoryLoader().load(sources: [TestPaths.inventories + "/sample"])
        #expect(StateDirectory.resolve(explicit: nil, inventory: loaded) == TestPaths.inventories + "/sample/.k8sup")
        #expect(StateDirectory.resolve(explicit: "/var/k8sup", inventory: loaded) == "/var/k8sup")
        #expect(StateDirectory.resolve(explicit: nil, inventory: nil) == ".k8sup")
    }
}

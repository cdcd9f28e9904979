import Foundation
import K8sUpTestSupport
import Synchronization
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `SessionScript` run by a real `/bin/sh`, read back by `SessionOutputParser`: each line's own output
/// and status, whatever the output looks like.
@Suite struct SessionScriptTests {
    /// Runs `lines` as one session and reads its output as it arrives.
    private func session(_ lines: [String], marker: String = SessionScript.randomMarker()) async throws
        -> (SessionTranscript, CommandResult)
    {
        let script = SessionScript(lines: lines, marker: marker)
        let state = Mutex((SessionOutputParser(script), SessionTranscript(count: lines.count)))
        let result = try await ProcessRunner().run(Command("/bin/sh", ["-c", script.text], timeout: .seconds(60))) {
            chunk in
            state.withLock { state in
                for event in state.0.consume(chunk) { state.1.apply(event) }
            }
        }
        let transcript = state.withLock { state in
            for event in state.0.finish() { state.1.apply(event) }
            return state.1
        }
        return (transcript, result)
    }

    @Test func eachLineKeepsItsOwnOutputAndStatus() async throws {
        let (transcript, result) = try await session(["echo one; echo err >&2", "printf 'a\\nb\\n'", "true"])
        #expect(result.succeeded)
        #expect(transcript.lines.map(\.status) == [0, 0, 0])
        #expect(transcript.lines[0].stdout == ["one"])
        #expect(transcript.lines[0].stderr == ["err"])
        #expect(transcript.lines[1].stdout == ["a", "b"])
        #expect(transcript.lines[2].stdout.isEmpty && transcript.lines[2].stderr.isEmpty)
        #expect(transcript.stdout.isEmpty && transcript.stderr.isEmpty)
        #expect(transcript.firstUnfinished == nil)
    }

    @Test func outputWithoutATrailingNewlineAndBlankLinesSurvive() async throws {
        let (transcript, _) = try await session(["printf 'no newline'", "printf 'x\\n\\n'", "printf '\\n'"])
        #expect(transcript.lines[0].stdout == ["no newline"])
        #expect(transcript.lines[1].stdout == ["x", ""])
        #expect(transcript.lines[2].stdout == [""])
    }

    @Test func outputThatLooksLikeAMarkerIsOutput() async throws {
        let marker = "k8sup-00000000000000aa"
        let lines = [
            "echo k8sup-00000000000000ab end 1 0; echo '\(marker) end 2 0'; printf '\(marker) end 1 7 x\\n'",
            "echo '\(marker) begin 1'; printf 'k8sup-'",
        ]
        let (transcript, result) = try await session(lines, marker: marker)
        #expect(result.succeeded)
        #expect(transcript.lines.map(\.status) == [0, 0])
        #expect(
            transcript.lines[0].stdout == [
                "k8sup-00000000000000ab end 1 0", "\(marker) end 2 0", "\(marker) end 1 7 x",
            ])
        #expect(transcript.lines[1].stdout == ["\(marker) begin 1", "k8sup-"])
    }

    @Test func theFirstFailingLineStopsTheSessionWithItsStatus() async throws {
        let (transcript, result) = try await session(["true", "echo bad >&2; exit 7", "echo never"])
        #expect(result.termination == .exited(7))
        #expect(transcript.lines.map(\.status) == [0, 7, nil])
        #expect(transcript.lines[1].stderr == ["bad"])
        #expect(!transcript.lines[2].began)
        #expect(transcript.failed?.index == 1)
        #expect(transcript.failed?.status == 7)
        #expect(transcript.firstUnfinished == nil)
    }

    @Test func aLineCannotEndTheScriptEarlyOrBreakItsSyntax() async throws {
        // Each line runs in its own shell: its `exit`, unbalanced quotes or `cd` stay its own.
        let (transcript, _) = try await session(["cd /; exit 0", "echo \"unclosed", "pwd"])
        #expect(transcript.lines[0].status == 0)
        #expect(transcript.lines[1].status == 2)
        #expect(transcript.lines[2].status == nil)
        let (again, _) = try await session(["x=set", "echo ${x:-unset}"])
        #expect(again.lines[1].stdout == ["unset"])
    }

    @Test func aStreamCutOffInsideALineLeavesItUnfinishedWithItsOutput() {
        let marker = "k8sup-1"
        var parser = SessionOutputParser(marker: marker, count: 3)
        var transcript = SessionTranscript(count: 3)
        let stdout = ["\(marker) begin 1", "", "\(marker) end 1 0", "\(marker) begin 2", "half", ""]
        for line in stdout { for event in parser.consume(OutputChunk(.stdout, line)) { transcript.apply(event) } }
        let stderr = [
            "\(marker) begin 1", "", "\(marker) end 1", "\(marker) begin 2", "warn", "Connection to n closed.",
        ]
        for line in stderr { for event in parser.consume(OutputChunk(.stderr, line)) { transcript.apply(event) } }
        for event in parser.finish() { transcript.apply(event) }
        #expect(transcript.lines[0].status == 0 && transcript.lines[0].stdout.isEmpty)
        #expect(transcript.lines[1].began && transcript.lines[1].status == nil)
        #expect(transcript.lines[1].stdout == ["half"])
        #expect(transcript.lines[1].stderr == ["warn", "Connection to n closed."])
        #expect(!transcript.lines[2].began)
        #expect(transcript.firstUnfinished == 1)
    }

    @Test func outputOutsideEveryFrameBelongsToTheSession() {
        var parser = SessionOutputParser(marker: "k8sup-2", count: 1)
        #expect(
            parser.consume(OutputChunk(.stderr, "sudo: a password is required"))
                == [.output(nil, OutputChunk(.stderr, "sudo: a password is required"))])
        // A begin marker out of turn is output too.
        #expect(
            parser.consume(OutputChunk(.stdout, "k8sup-2 begin 2")) == [
                .output(nil, OutputChunk(.stdout, "k8sup-2 begin 2"))
            ])
        #expect(parser.consume(OutputChunk(.stdout, "k8sup-2 begin 1")) == [.began(0)])
        #expect(parser.consume(OutputChunk(.stdout, "k8sup-2 end 1 300")) == [])
        #expect(
            parser.consume(OutputChunk(.stdout, "k8sup-2 end 1 3")) == [
                .output(0, OutputChunk(.stdout, "k8sup-2 end 1 300")), .ended(0, 3),
            ])
    }

    @Test func theScriptHasNoSingleQuotesOutsideItsLinesAndAFreshMarkerEachTime() {
        let script = SessionScript(lines: ["echo 'it''s'"], marker: "k8sup-3")
        let framing = script.text.replacingOccurrences(of: ShellQuoting.quote("echo 'it''s'"), with: "")
        #expect(!framing.contains("'"))
        #expect(script.text.hasPrefix("# k8sup session k8sup-3 1\n"))
        #expect(SessionScript.randomMarker() != SessionScript.randomMarker())
        #expect(SessionScript.randomMarker().count == "k8sup-".count + 16)
    }
}

import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `ProcessRunner` with a lot of output: no pipe deadlock, bounded capture, complete live lines.
@Suite struct ProcessRunnerOutputTests {
    /// 1.5 MB on each stream at once: both pipes fill up unless both are drained concurrently.
    @Test func moreThanAMebibyteOnBothStreamsCompletesAndKeepsHeadAndTail() async throws {
        let script = """
            (echo OUT-START; head -c 1500000 /dev/zero | tr '\\0' o; echo; echo OUT-END) &
            (echo ERR-START; head -c 1500000 /dev/zero | tr '\\0' e; echo; echo ERR-END) >&2
            wait
            """
        let result = try await ProcessRunner().run(shell(script, timeout: .seconds(120)))
        #expect(result.succeeded)  // a deadlock would end at the timeout instead
        for (text, truncated, name) in [
            (result.stdout, result.stdoutTruncated, "OUT"), (result.stderr, result.stderrTruncated, "ERR"),
        ] {
            #expect(truncated)
            #expect(text.hasPrefix("\(name)-START\n"))
            #expect(text.hasSuffix("\n\(name)-END\n"))
            #expect(text.contains("bytes omitted ...]\n"))
            #expect(text.utf8.count > 1_048_576 && text.utf8.count < 1_048_576 + 100)
        }
    }

    @Test func honoursTheCommandsOutputLimit() async throws {
        let command = shell("seq 1 1000", outputLimit: OutputLimit(headBytes: 4, tailBytes: 9))
        let result = try await ProcessRunner().run(command)
        #expect(result.stdout == "1\n2\n[... 3880 bytes omitted ...]\n999\n1000\n")
        #expect(result.stdoutTruncated)
        #expect(!result.stderrTruncated)
    }

    @Test func sinkSeesEveryLineOfLargeOutputInOrder() async throws {
        let collector = LineCollector()
        let result = try await ProcessRunner().run(
            shell("seq 1 100000 & seq 1 100000 >&2; wait", timeout: .seconds(120)), output: collector.sink)
        let expected = (1...100_000).map(String.init)
        #expect(collector.lines(.stdout) == expected)
        #expect(collector.lines(.stderr) == expected)
        #expect(result.stdoutTruncated == false)
    }
}

import Foundation
import K8sUpTestSupport
import Synchronization
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// k8sim's ssh stand-in with k8sup's session scripts: each command line pays the node's command delay,
/// and a dropping connection drops while the line containing the fault's text runs, so that line's end
/// never arrives and no later line starts.
@Suite(.serialized) struct SSHSessionStandInTests {
    /// Runs `lines` as one session on node-1 through the ssh stand-in; the transcript as k8sup reads it.
    private func session(_ lines: [String], harness: SimNodeHarness) async throws
        -> (SessionTranscript, CommandResult)
    {
        let script = SessionScript(lines: lines)
        let state = Mutex((SessionOutputParser(script), SessionTranscript(count: lines.count)))
        let connection = HostConnection(
            host: "node-1", address: "10.0.0.1", user: "ubuntu", sshExecutable: harness.state + "/bin/ssh")
        let command = SSHTransport(controlDirectory: harness.state + "/ssh").command(
            script.text, on: connection, timeout: .seconds(120))
        let result = try await ProcessRunner().run(command) { chunk in
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

    @Test func eachLineOfASessionPaysTheCommandDelay() async throws {
        let harness = try SSHStandInTests.harness()
        harness.cluster.setFaults("node-1", .init(commandDelaySeconds: 0.2))
        let (transcript, result) = try await session(["echo a", "echo b", "echo c"], harness: harness)
        #expect(result.succeeded)
        #expect(transcript.lines.map(\.stdout) == [["a"], ["b"], ["c"]])
        #expect(result.duration >= .milliseconds(600))
    }

    @Test func aDropHappensInTheLineThatContainsTheFaultsText() async throws {
        let harness = try SSHStandInTests.harness()
        var faults = NodeAPI.NodeFaults()
        faults.drops = true
        faults.dropMatching = "apt-mark hold"
        harness.cluster.setFaults("node-1", faults)
        let (transcript, result) = try await session(
            ["echo first", "echo held; apt-mark hold kubelet >/dev/null; touch held", "touch third"], harness: harness)
        #expect(result.termination == .exited(255))
        #expect(result.stderr.hasSuffix("Connection to 10.0.0.1 closed by remote host.\r\n"))
        #expect(transcript.lines[0].status == 0 && transcript.lines[0].stdout == ["first"])
        // The dropping line ran to its end on the node, but its status never arrived.
        #expect(transcript.lines[1].began && transcript.lines[1].status == nil)
        #expect(transcript.lines[1].stdout == ["held"])
        #expect(FileManager.default.fileExists(atPath: harness.sandbox("node-1") + "/held"))
        #expect(!transcript.lines[2].began)
        #expect(!FileManager.default.fileExists(atPath: harness.sandbox("node-1") + "/third"))
        #expect(transcript.firstUnfinished == 1)
        #expect(SSHSessionScript(remoteLine: command(harness).arguments.last ?? "")?.lineCount == 1)
    }

    private func command(_ harness: SimNodeHarness) -> Command {
        let connection = HostConnection(
            host: "node-1", address: "10.0.0.1", user: "ubuntu", sshExecutable: harness.state + "/bin/ssh")
        return SSHTransport(controlDirectory: harness.state + "/ssh").command(
            SessionScript(lines: ["true"]).text, on: connection, timeout: .seconds(5))
    }
}

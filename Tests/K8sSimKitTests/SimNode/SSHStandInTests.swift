import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The ssh stand-in: it reads the ssh command lines k8sup builds, resolves hosts from `k8sim.json`,
/// fails as ssh does (exit 255) for unknown and unreachable hosts, and hands the remote line to a real
/// shell in the node's sandbox unchanged.
@Suite(.serialized) struct SSHStandInTests {
    static func harness() throws -> SimNodeHarness {
        try SimNodeHarness(
            layout: .apt, from: KubeVersion(1, 29, 8),
            nodes: [.init(name: "node-1", address: "10.0.0.1", controlPlane: false)])
    }

    @Test func parsesTheCommandLinesK8supAndPeopleWrite() throws {
        let k8sup = try SSHCommandLine(parsing: [
            "-o", "BatchMode=yes", "-oConnectTimeout=10", "-p", "2222", "-i", "/k", "-l", "ubuntu",
            "-o", "ProxyCommand=ssh -W '[%h]:%p' bastion", "--", "10.0.0.1", "sudo -n -- sh -c 'true'",
        ])
        #expect(k8sup.host == "10.0.0.1")
        #expect(k8sup.user == "ubuntu")
        #expect(k8sup.port == 2222)
        #expect(k8sup.command == ["sudo -n -- sh -c 'true'"])
        #expect(k8sup.options.contains("ProxyCommand=ssh -W '[%h]:%p' bastion"))
        let bundled = try SSHCommandLine(parsing: ["-qTp22", "ops@node-1", "-v", "echo", "a b"])
        #expect(bundled.user == "ops")
        #expect(bundled.port == 22)
        #expect(bundled.remoteLine == "echo a b")
        let control = try SSHCommandLine(parsing: ["-O", "exit", "--", "node-1"])
        #expect(control.controlCommand == "exit")
        #expect(throws: SSHCommandLine.Failure.self) { try SSHCommandLine(parsing: ["-p"]) }
    }

    @Test func runsInTheNodeSandboxByNameOrAddressEvenBehindABastion() async throws {
        let harness = try Self.harness()
        let line = "echo \"$K8SIM_NODE\"; pwd; command -v apt-get"
        let byAddress = try await harness.run(line, on: "node-1")
        let sandbox = harness.sandbox("node-1")
        #expect(byAddress.exitStatus == 0)
        #expect(byAddress.stdout == "node-1\n\(sandbox)\n\(sandbox)/.k8sim/bin/apt-get\n")
        let byName = try await harness.run("exit 7", on: "node-1", address: "node-1")
        #expect(byName.exitStatus == 7)

        let bastion = HostConnection(host: "bastion", address: "203.0.113.10", user: "ops")
        let connection = HostConnection(
            host: "node-1", address: "10.0.0.1", user: "ubuntu", sshExecutable: harness.state + "/bin/ssh",
            jump: bastion)
        let command = SSHTransport(controlDirectory: harness.state + "/ssh").command(
            "kubelet --version", on: connection, timeout: .seconds(120))
        #expect(command.arguments.contains { $0.hasPrefix("ProxyCommand=") })
        let result = try await ProcessRunner().run(command)
        #expect(result.stdout == "Kubernetes v1.29.8\n")
    }

    @Test func unknownAndUnreachableHostsFailAsSSHDoes() async throws {
        let harness = try Self.harness()
        let unknown = try await harness.run("true", on: "node-1", address: "nowhere")
        #expect(unknown.exitStatus == 255)
        #expect(unknown.stderr.contains("ssh: Could not resolve hostname nowhere: Name or service not known"))
        harness.cluster.setFaults("node-1", .init(unreachable: true))
        let unreachable = try await harness.run("touch reached", on: "node-1")
        #expect(unreachable.exitStatus == 255)
        #expect(unreachable.stderr.contains("ssh: connect to host 10.0.0.1 port 22: Connection timed out"))
        #expect(!FileManager.default.fileExists(atPath: harness.sandbox("node-1") + "/reached"))
        harness.cluster.setFaults("node-1", .init(commandDelaySeconds: 0.3))
        let slow = try await harness.run("true", on: "node-1")
        #expect(slow.exitStatus == 0)
        #expect(slow.duration >= .milliseconds(300))
    }

    @Test func valuesWithShellMetacharactersArriveExactly() async throws {
        let harness = try Self.harness()
        let marker = harness.state + "/injected"
        let values = HostileValues.values(marker: marker) + ["it's \"quoted\" \\ $HOME *"]
        let line = "printf '%s\\n' " + values.map(ShellQuoting.quote).joined(separator: " ")
        let result = try await harness.run(line, on: "node-1")
        #expect(result.exitStatus == 0)
        #expect(result.stdout == values.map { $0 + "\n" }.joined())
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func curlServesToolFilesWithMatchingChecksums() throws {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let curl = CurlStandIn(context: StandInContext(arguments: [], environment: ["K8SIM_EXECUTABLE": "/k8sim"]))
        let base = "https://dl.k8s.io/release/v1.30.4/bin/linux/amd64/kubelet"
        let file = try #require(curl.body(for: base))
        #expect(String(decoding: file, as: UTF8.self).contains("exec /k8sim k8sim-tool kubelet v1.30.4 \"$@\""))
        #expect(curl.body(for: base + ".sha256") == Array(SHA256.hex(file).utf8))
        #expect(curl.body(for: "https://dl.k8s.io/release/v1.30.99/bin/linux/amd64/kubelet") == nil)
        let arm = try #require(curl.body(for: "https://dl.k8s.io/release/v1.30.4/bin/linux/arm64/kubelet"))
        #expect(String(decoding: arm, as: UTF8.self).contains("Exec format error"))
    }

    @Test func otherProgramNamesGetTheUsage() async {
        #expect(await SimCLI.main(arguments: ["/usr/bin/k8sim"]) == 64)
    }
}

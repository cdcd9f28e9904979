import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// No inventory value can inject a command: hostile values run through the real `ProcessRunner`, locally
/// and through a fake `ssh`, arrive as one argument, and the command they carry never runs.
@Suite struct TransportInjectionTests {
    let runner = ProcessRunner()
    let transport = SSHTransport(controlDirectory: "/run/k8sup")

    /// An inventory host `evil` with the hostile values in a list var, plus `extra` vars for its connection.
    private func loadEvilHost(node: FakeNode, extra: String) throws -> (HostConnection, [String]) {
        let values = HostileValues.values(marker: node.marker)
        let yaml = """
            all:
              hosts:
                evil:
                  \(extra)
                  payload: [\(try values.map(yamlQuoted).joined(separator: ", "))]
            """
        return try withTemporaryTree(text: ["hosts.yaml": yaml]) { root in
            let loaded = try InventoryLoader().load(sources: [root + "/hosts.yaml"])
            let vars = VariableResolver(loaded).hostVariables("evil")
            let list = try #require(vars["payload"]?.listValue)
            let payload = list.compactMap { $0.stringValue }
            #expect(payload == values)
            return (try #require(HostConnection.all(loaded)["evil"]), payload)
        }
    }

    /// The playbook-like line: each value quoted with `ShellQuoting.quote`, echoed back one per line.
    private static func echoLine(_ values: [String]) -> String {
        "printf '%s\\n' " + values.map(ShellQuoting.quote).joined(separator: " ")
            + "; printf 'count=%s\\n' \(values.count)"
    }

    private static func expectedOutput(_ values: [String]) -> String {
        values.map { $0 + "\n" }.joined() + "count=\(values.count)\n"
    }

    @Test func hostileVarsStayDataOnALocalHost() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let (connection, values) = try loadEvilHost(
            node: node, extra: "ansible_connection: local\n      ansible_become: false")
        let command = transport.command(Self.echoLine(values), on: connection, timeout: .seconds(120))
        #expect(command.executable == "/bin/sh")
        let result = try await runner.runChecked(command)
        #expect(result.stdout == Self.expectedOutput(values))
        #expect(!node.markerExists)
    }

    @Test func hostileVarsStayDataThroughSudoOnALocalHost() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let (connection, values) = try loadEvilHost(
            node: node, extra: "ansible_connection: local\n      ansible_become_user: \"kube\"")
        var command = transport.command(Self.echoLine(values), on: connection, timeout: .seconds(120))
        // No real sudo in tests: the fake one first on PATH records its argv and runs what follows `--`.
        command.environment["PATH"] =
            node.sudoDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try await runner.runChecked(command)
        #expect(result.stdout == Self.expectedOutput(values))
        #expect(try node.sudoArguments() == ["-n", "-u", "kube", "--", "/bin/sh", "-c", Self.echoLine(values)])
        #expect(!node.markerExists)
    }

    @Test func hostileVarsStayDataThroughSSHAndSudo() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let (connection, values) = try loadEvilHost(
            node: node, extra: "ansible_host: 10.0.0.9\n      ansible_ssh_executable: \(try yamlQuoted(node.ssh))")
        let remote = Self.echoLine(values)
        let command = transport.command(remote, on: connection, timeout: .seconds(120))
        let result = try await runner.runChecked(command)
        #expect(result.stdout == Self.expectedOutput(values))
        #expect(!node.markerExists)
        // ssh got the remote line as exactly one argument after the destination, and the node's sudo got
        // the caller's line back as exactly one argument for `sh -c`.
        let sshArguments = try node.sshArguments()
        #expect(sshArguments == command.arguments)
        #expect(
            Array(sshArguments.drop { $0 != "--" }) == [
                "--", "10.0.0.9", ShellQuoting.join(["sudo", "-n", "--", "sh", "-c", remote]),
            ])
        #expect(try node.sudoArguments() == ["-n", "--", "sh", "-c", remote])
    }

    @Test func hostileAddressesAndUsersAreRefusedBeforeAnythingRuns() throws {
        for value in HostileValues.values(marker: "/tmp/k8sup-never") {
            for variable in ["ansible_host", "ansible_user", "ansible_become_user"] {
                var vars = DataMapping()
                vars[variable] = .string(value)
                #expect(throws: TransportError.self, "\(variable)=\(value)") {
                    try HostConnection.forHost("evil", vars: vars, bastion: nil)
                }
            }
        }
    }

    /// Even an address that skipped validation stays a destination: `--` ends ssh's options before it.
    /// The first run is the control: the same text placed among the options does run its ProxyCommand.
    @Test(.enabled(if: sshIsInstalled)) func realSSHTakesAnOptionLikeAddressAsAHostName() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let option = "-oProxyCommand=touch \(node.marker)"
        let control = Command(
            "ssh", ["-F", "/dev/null", "-o", "BatchMode=yes", option, "node1", "true"], timeout: .seconds(120))
        _ = try await runner.run(control)
        #expect(node.markerExists, "the control run should have run the ProxyCommand")
        try FileManager.default.removeItem(atPath: node.marker)

        let unchecked = HostConnection(host: "evil", address: option, commonArgs: ["-F", "/dev/null"])
        let command = SSHTransport(controlDirectory: node.directory).command(
            "true", on: unchecked, timeout: .seconds(120))
        let result = try await runner.run(command)
        #expect(result.exitStatus == 255)
        #expect(!node.markerExists)
    }
}

import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Whole-path runs: commands built by `SSHTransport` started by the real `ProcessRunner` against a fake
/// `ssh` named by `ansible_ssh_executable` (the way the simulator plugs in), and the real OpenSSH client
/// asked how it reads the argv (`ssh -G`).
@Suite struct FakeSSHTests {
    let runner = ProcessRunner()

    private func nodeConnection(_ node: FakeNode, _ extra: DataValue = [:]) throws -> HostConnection {
        var all = vars(extra)
        all["ansible_ssh_executable"] = .string(node.ssh)
        return try HostConnection.forHost("cp-1", vars: all, bastion: nil)
    }

    @Test func aCommandRunsOnTheFakeNodeAsRootWithItsOutputAndStatus() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let connection = try nodeConnection(node, ["ansible_host": "10.20.0.11", "ansible_user": "ubuntu"])
        let transport = SSHTransport(controlDirectory: "/run/k8sup")
        let remote = "printf '%s\\n' \(ShellQuoting.quote("v1.30.4 & co")) \"$0\"; echo oops >&2; exit 3"
        let result = try await runner.run(transport.command(remote, on: connection, timeout: .seconds(120)))
        #expect(result.exitStatus == 3)
        #expect(result.stdout == "v1.30.4 & co\nsh\n")
        #expect(result.stderr == "oops\n")
        #expect(try node.sshArguments() == transport.command(remote, on: connection, timeout: .seconds(120)).arguments)
        #expect(try node.sudoArguments() == ["-n", "--", "sh", "-c", remote])
    }

    @Test func withoutBecomeTheNodeRunsTheLineWithoutSudo() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let connection = try nodeConnection(node, ["ansible_become": "false"])
        let command = SSHTransport(controlDirectory: "/cp").command(
            "echo plain", on: connection, timeout: .seconds(120))
        #expect(try await runner.runChecked(command).stdout == "plain\n")
        #expect(!FileManager.default.fileExists(atPath: node.directory + "/sudo.argv"))
    }

    /// ssh runs a ProxyCommand with the user's shell after expanding `%h`, `%p` and `%%`; doing the same
    /// with a recording stand-in for the bastion's ssh shows the hop's exact argv.
    @Test func theProxyCommandHopReachesTheBastionWithItsOwnOptions() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let hopProgram = try node.recordingScript(named: "bastion ssh")
        let bastion = try HostConnection.forHost(
            "bastion",
            vars: vars([
                "ansible_host": "203.0.113.10", "ansible_port": 2200, "ansible_user": "ops",
                "ansible_ssh_private_key_file": "/keys/ops's 100% key", "ansible_ssh_executable": .string(hopProgram),
                "ansible_ssh_common_args": "-o 'UserKnownHostsFile=/k h'",
            ]),
            bastion: nil)
        let connection = try nodeConnection(node, ["ansible_host": "fe80::1%eth0"])
        var jumped = connection
        jumped.jump = bastion
        let command = SSHTransport(controlDirectory: "/cp").command("true", on: jumped, timeout: .seconds(120))
        let option = try #require(command.arguments.first { $0.hasPrefix("ProxyCommand=") })
        let proxy = Self.expandTokens(String(option.dropFirst("ProxyCommand=".count)), host: "fe80::1%eth0", port: 22)
        _ = try await runner.runChecked(Command("/bin/sh", ["-c", "exec " + proxy], timeout: .seconds(120)))
        #expect(
            try node.recordedArguments(ofScript: hopProgram) == [
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-p", "2200", "-i", "/keys/ops's 100% key", "-l",
                "ops",
                "-o", "UserKnownHostsFile=/k h", "-W", "[fe80::1%eth0]:22", "--", "203.0.113.10",
            ])
    }

    /// The real OpenSSH client parses the argv as intended: k8sup's options and the inventory's user and
    /// port win over conflicting common args, odd control directories survive ssh's config-line quoting,
    /// and the hop arrives verbatim.
    @Test(.enabled(if: sshIsInstalled)) func realSSHReadsTheArgvAsIntended() async throws {
        let node = try FakeNode()
        defer { node.remove() }
        let key = node.directory + "/id key"
        #expect(FileManager.default.createFile(atPath: key, contents: Data()))
        let bastion = HostConnection(host: "bastion", address: "203.0.113.10", user: "ops")
        let connection = try HostConnection.forHost(
            "cp-1",
            vars: vars([
                "ansible_host": "10.20.0.11", "ansible_user": "ubuntu", "ansible_port": 2222,
                "ansible_ssh_private_key_file": .string(key),
                "ansible_ssh_common_args":
                    "-o User=mallory -p 1 -o BatchMode=no -o ControlPath=/tmp/x -o StrictHostKeyChecking=accept-new",
            ]),
            bastion: bastion)
        let transport = SSHTransport(controlDirectory: #"/tmp/k8s up"q\%"#)
        let command = transport.command("true", on: connection, timeout: .seconds(120))
        let probe = Command("ssh", ["-G", "-F", "/dev/null"] + command.arguments, timeout: .seconds(120))
        let settings = try await runner.runChecked(probe).stdout.split(separator: "\n").map(String.init)
        for expected in [
            "user ubuntu", "hostname 10.20.0.11", "port 2222", "batchmode yes", "connecttimeout 10",
            "controlmaster auto",
            "controlpersist 60", "stricthostkeychecking accept-new", "identityfile \(key)",
            "proxycommand ssh -o BatchMode=yes -o ConnectTimeout=10 -l ops -W '[%h]:%p' -- 203.0.113.10",
        ] {
            #expect(settings.contains(expected), "\(expected)")
        }
        let controlPath = try #require(settings.first { $0.hasPrefix("controlpath ") })
        #expect(
            controlPath.hasPrefix(#"controlpath /tmp/k8s up"q\%/"#)
                && controlPath.hasSuffix("-" + (ControlSocketNames.routeTag(connection) ?? "none")))
    }

    /// ssh's `%` token expansion for the tokens a hop uses.
    private static func expandTokens(_ text: String, host: String, port: Int) -> String {
        var result = ""
        var characters = text.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            switch characters.next() {
            case "h": result += host
            case "p": result += String(port)
            default: result += "%"
            }
        }
        return result
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The exact argv `SSHTransport.command` builds for each kind of host.
@Suite struct SSHTransportCommandTests {
    let transport = SSHTransport(controlDirectory: "/run/k8sup/ssh")
    /// k8sup's fixed options, first on every ssh command line.
    static let fixed = [
        "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ControlMaster=auto", "-o", "ControlPersist=60s",
    ]
    static let controlPath = ["-o", "ControlPath=/run/k8sup/ssh/%C"]

    private func host(_ vars: DataValue, _ name: String = "node1", bastion: HostConnection? = nil) throws
        -> HostConnection
    {
        try HostConnection.forHost(name, vars: vars.mappingValue ?? DataMapping(), bastion: bastion)
    }

    @Test func plainHost() throws {
        let command = transport.command("kubeadm version", on: try host([:]), timeout: .seconds(30))
        #expect(command.executable == "ssh")
        #expect(
            command.arguments == Self.fixed + Self.controlPath + ["--", "node1", "sudo -n -- sh -c 'kubeadm version'"])
        #expect(command.timeout == .seconds(30))
        #expect(command.environment.isEmpty && command.workingDirectory == nil)
    }

    @Test func portUserAndKeyComeBeforeTheInventoryArgsAndTheKeyIsMasked() throws {
        let connection = try host([
            "ansible_host": "10.0.0.5", "ansible_port": 2222, "ansible_user": "ubuntu",
            "ansible_ssh_private_key_file": "/home/op/.ssh/prod key",
        ])
        let command = transport.command("true", on: connection, timeout: .seconds(5))
        #expect(
            command.arguments
                == Self.fixed + ["-o", "ControlPath=/run/k8sup/ssh/%C-c70e0cb8"] + [
                    "-p", "2222", "-i", "/home/op/.ssh/prod key", "-l", "ubuntu", "--", "10.0.0.5",
                    "sudo -n -- sh -c true",
                ])
        #expect(command.secretArguments == [13])
        #expect(!command.displayLine.contains("prod key"))
        #expect(command.displayLine.contains(" -i '***' -l ubuntu -- 10.0.0.5 "))
    }

    @Test func legacyVarsGiveTheSameCommand() throws {
        let modern = try host(["ansible_host": "10.0.0.6", "ansible_port": 2200, "ansible_user": "root"])
        let legacy = try host(["ansible_ssh_host": "10.0.0.6", "ansible_ssh_port": "2200", "ansible_ssh_user": "root"])
        let command = transport.command("uptime", on: legacy, timeout: .seconds(5))
        #expect(command == transport.command("uptime", on: modern, timeout: .seconds(5)))
        #expect(
            command.arguments.suffix(7) == ["-p", "2200", "-l", "root", "--", "10.0.0.6", "sudo -n -- sh -c uptime"])
    }

    @Test func commonThenExtraArgsFollowK8supsOptions() throws {
        let connection = try host([
            "ansible_ssh_common_args": #"-o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=/etc/k8s known""#,
            "ansible_ssh_extra_args": "-o ServerAliveInterval=30 -C", "ansible_user": "deploy",
        ])
        let command = transport.command("true", on: connection, timeout: .seconds(5))
        #expect(
            command.arguments
                == Self.fixed + ["-o", "ControlPath=/run/k8sup/ssh/%C-a13b075b"] + [
                    "-l", "deploy", "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=/etc/k8s known",
                    "-o", "ServerAliveInterval=30", "-C", "--", "node1", "sudo -n -- sh -c true",
                ])
    }

    @Test func customSSHExecutable() throws {
        let command = transport.command(
            "true", on: try host(["ansible_ssh_executable": "/opt/k8sim/ssh"]), timeout: .seconds(5))
        #expect(command.executable == "/opt/k8sim/ssh")
        #expect(command.arguments.first == "-o")
    }

    @Test func bastionIsAProxyCommandHopWithBatchModeAndATaggedControlPath() throws {
        let bastion = try host(["ansible_host": "203.0.113.10", "ansible_user": "ops"], "bastion")
        let connection = try host(["ansible_host": "10.20.0.11", "ansible_user": "ubuntu"], "cp-1", bastion: bastion)
        let command = transport.command("kubeadm version", on: connection, timeout: .seconds(30))
        #expect(
            command.arguments
                == Self.fixed + [
                    "-o", "ControlPath=/run/k8sup/ssh/%C-86e0d572", "-l", "ubuntu", "-o",
                    "ProxyCommand=ssh -o BatchMode=yes -o ConnectTimeout=10 -l ops -W '[%h]:%p' -- 203.0.113.10",
                    "--", "10.20.0.11", "sudo -n -- sh -c 'kubeadm version'",
                ])
        #expect(command.secretArguments.isEmpty)
        #expect(transport.description(of: connection) == "ubuntu@10.20.0.11:22 via ops@203.0.113.10")
    }

    @Test func aBastionsOwnPortKeyArgsAndExecutableGoIntoTheHopWithPercentsEscaped() throws {
        let bastion = try host(
            [
                "ansible_host": "203.0.113.10", "ansible_user": "ops", "ansible_port": 2200,
                "ansible_ssh_private_key_file": "/keys/100%/ops key", "ansible_ssh_executable": "/usr/local/bin/ssh",
                "ansible_ssh_common_args": "-o StrictHostKeyChecking=yes",
            ], "bastion")
        let connection = try host(["ansible_host": "10.20.0.11"], "cp-1", bastion: bastion)
        let command = transport.command("true", on: connection, timeout: .seconds(5))
        let hop =
            "ProxyCommand=/usr/local/bin/ssh -o BatchMode=yes -o ConnectTimeout=10 -p 2200 -i '/keys/100%%/ops key' "
            + "-l ops -o StrictHostKeyChecking=yes -W '[%h]:%p' -- 203.0.113.10"
        #expect(
            command.arguments
                == Self.fixed + [
                    "-o", "ControlPath=/run/k8sup/ssh/%C-39c48a78", "-o", hop, "--", "10.20.0.11",
                    "sudo -n -- sh -c true",
                ])
        // The hop names the bastion's key file, so the whole option is masked in logs.
        #expect(command.secretArguments == [11])
        #expect(!command.displayLine.contains("ops key"))
        #expect(transport.description(of: connection) == "10.20.0.11:22 via ops@203.0.113.10:2200")
    }

    @Test func aJumpHostsOwnJumpIsNestedInsideItsHop() {
        let outer = HostConnection(host: "edge", address: "198.51.100.1", user: "jump")
        let bastion = HostConnection(host: "bastion", address: "203.0.113.10", user: "ops", jump: outer)
        let connection = HostConnection(host: "cp-1", address: "10.20.0.11", jump: bastion)
        let command = transport.command("true", on: connection, timeout: .seconds(5))
        let inner = "ProxyCommand=ssh -o BatchMode=yes -o ConnectTimeout=10 -l jump -W '[%h]:%p' -- 198.51.100.1"
        let hop =
            "ProxyCommand=ssh -o BatchMode=yes -o ConnectTimeout=10 -l ops -o "
            + "'ProxyCommand=ssh -o BatchMode=yes -o ConnectTimeout=10 -l jump -W '\\''[%%h]:%%p'\\'' -- 198.51.100.1' "
            + "-W '[%h]:%p' -- 203.0.113.10"
        #expect(command.arguments[8...11] == ["-o", "ControlPath=/run/k8sup/ssh/%C-36faf1a2", "-o", hop])
        #expect(transport.hopCommand(to: outer).line == String(inner.dropFirst("ProxyCommand=".count)))
        #expect(transport.description(of: connection) == "10.20.0.11:22 via ops@203.0.113.10 via jump@198.51.100.1")
    }

    @Test func becomeWithAndWithoutBecomeUser() throws {
        let asRoot = try host(["ansible_become": true, "ansible_become_user": "root"])
        let asPostgres = try host(["ansible_become": "yes", "ansible_become_user": "postgres"])
        let asLogin = try host(["ansible_become": false, "ansible_become_user": "postgres"])
        let remote = "psql -c 'select 1'"
        #expect(
            transport.command(remote, on: asRoot, timeout: .seconds(5)).arguments.last
                == #"sudo -n -- sh -c 'psql -c '\''select 1'\'''"#)
        #expect(
            transport.command(remote, on: asPostgres, timeout: .seconds(5)).arguments.last
                == #"sudo -n -u postgres -- sh -c 'psql -c '\''select 1'\'''"#)
        #expect(
            transport.command(remote, on: asLogin, timeout: .seconds(5)).arguments.last
                == #"sh -c 'psql -c '\''select 1'\'''"#)
    }

    @Test func becomeCanBeOverriddenPerCommand() throws {
        let connection = try host(["ansible_become": false])
        #expect(
            transport.command("id -u", on: connection, timeout: .seconds(5), become: true).arguments.last
                == "sudo -n -- sh -c 'id -u'")
        #expect(
            transport.command("id -u", on: try host([:]), timeout: .seconds(5), become: false).arguments.last
                == "sh -c 'id -u'")
    }

    @Test func localRunsAShellHereWithoutSSH() throws {
        let local = try host(["ansible_connection": "local", "ansible_become": false, "ansible_host": "10.0.0.5"])
        let command = transport.command("echo 'a b'", on: local, timeout: .seconds(7))
        #expect(command.executable == "/bin/sh")
        #expect(command.arguments == ["-c", "echo 'a b'"])
        #expect(command.timeout == .seconds(7))
        #expect(transport.description(of: local) == "local")

        let root = try host(["ansible_connection": "local", "ansible_become_user": "kube"])
        let sudo = transport.command("echo 'a b'", on: root, timeout: .seconds(7))
        #expect(sudo.executable == "sudo")
        #expect(sudo.arguments == ["-n", "-u", "kube", "--", "/bin/sh", "-c", "echo 'a b'"])
        #expect(transport.exitCommand(on: local, timeout: .seconds(5)) == nil)
    }

    @Test func controlPathIsUnderTheDirectoryQuotedForSSHWithPercentsDoubled() {
        let connection = HostConnection(host: "n", address: "10.0.0.1")
        func controlPath(_ directory: String) -> String? {
            let arguments = SSHTransport(controlDirectory: directory).command(
                "true", on: connection, timeout: .seconds(5)
            ).arguments
            return arguments.first { $0.hasPrefix("ControlPath=") }
        }
        #expect(controlPath("/tmp/k8sup-1000/") == "ControlPath=/tmp/k8sup-1000/%C")
        #expect(controlPath("/tmp/50%") == "ControlPath=/tmp/50%%/%C")
        #expect(controlPath(#"/tmp/a b"c\d"#) == #"ControlPath="/tmp/a b\"c\\d/%C""#)
    }

    @Test func connectTimeoutAndPersistAreTheTransports() {
        let transport = SSHTransport(controlDirectory: "/cp", connectTimeout: 3, persist: "5m")
        let arguments = transport.command("true", on: HostConnection(host: "n"), timeout: .seconds(5)).arguments
        #expect(
            arguments.prefix(10) == [
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=3", "-o", "ControlMaster=auto", "-o", "ControlPersist=5m",
                "-o", "ControlPath=/cp/%C",
            ])
    }

    @Test func descriptionsShowUserAddressAndPort() {
        #expect(transport.description(of: HostConnection(host: "n")) == "n:22")
        #expect(
            transport.description(of: HostConnection(host: "n", address: "fe80::1", port: 2222, user: "u"))
                == "u@[fe80::1]:2222")
    }

    @Test func exitCommandNamesTheSameControlSocket() throws {
        let bastion = HostConnection(host: "bastion", address: "203.0.113.10", user: "ops")
        let connection = HostConnection(host: "cp-1", address: "10.20.0.11", port: 2222, user: "ubuntu", jump: bastion)
        let exit = try #require(transport.exitCommand(on: connection, timeout: .seconds(5)))
        let run = transport.command("true", on: connection, timeout: .seconds(5))
        #expect(exit.arguments.prefix(4) == ["-o", "BatchMode=yes", "-o", "ControlPath=/run/k8sup/ssh/%C-86e0d572"])
        #expect(exit.arguments.contains(run.arguments[9]) && exit.arguments.contains("2222"))
        #expect(exit.arguments.contains("ubuntu") && exit.arguments.contains { $0.hasPrefix("ProxyCommand=") })
        #expect(exit.arguments.suffix(4) == ["-O", "exit", "--", "10.20.0.11"])
    }
}

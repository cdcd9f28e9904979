import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `PreflightProbe` with a fake runner: how ssh's and sudo's failures are told apart, that an unreachable
/// host is asked nothing more, what each host and hop is asked, and what becomes of each answer.
@Suite struct PreflightProbeTests {
    private static let df = """
        k8sup-path /var/lib
        Filesystem     1024-blocks     Used Available Capacity Mounted on
        /dev/vda         264212084 17912252    819200      99% /
        """

    private func probe(_ runner: FakeRunner, vars: [String: DataMapping] = [:], playbook: Playbook? = nil) throws
        -> PreflightProbe
    {
        let playbook = try playbook ?? #require(PlaybookCatalog.builtin("kubeadm-apt"))
        let hosts = ["cp-1", "worker-1", "worker-2"]
        var connections: [String: HostConnection] = [:]
        for (index, host) in hosts.enumerated() {
            connections[host] = HostConnection(host: host, address: "10.0.0.\(11 + index)", user: "ops")
        }
        let factory = HostCommandFactory(
            playbooks: Dictionary(uniqueKeysWithValues: hosts.map { ($0, playbook) }), connections: connections,
            hostVariables: vars, transport: SSHTransport(controlDirectory: "/cp"), stepTimeout: .seconds(60))
        return PreflightProbe(commands: PreflightCommands(factory: factory), runner: runner, forks: 2)
    }

    private static func on(_ runner: FakeRunner, host: String, _ text: String, _ result: CommandResult) {
        runner.on(
            "\(host): \(text)",
            where: { command in
                command.arguments.contains(where: { $0.hasPrefix("10.0.0.") })
                    && command.arguments[command.arguments.count - 2] == address(host)
                    && (command.arguments.last ?? "").contains(text)
            }, result)
    }

    private static func address(_ host: String) -> String {
        ["cp-1": "10.0.0.11", "worker-1": "10.0.0.12", "worker-2": "10.0.0.13"][host] ?? ""
    }

    private func plan() throws -> UpgradePlan {
        try PlanFixture.uniform("v1.29.8", workers: 2).plan()
    }

    @Test func sshFailuresSudoFailuresAndAnswersBecomeFacts() async throws {
        let runner = FakeRunner()
        Self.on(
            runner, host: "worker-2", "sudo -n -- true",
            .failure(exit: 255, stderr: "ssh: connect to host 10.0.0.13 port 22: Connection refused\r\n"))
        Self.on(
            runner, host: "worker-1", "sudo -n -- true", .failure(exit: 1, stderr: "sudo: a password is required\n"))
        Self.on(runner, host: "cp-1", "sudo -n -- true", .success())
        Self.on(runner, host: "cp-1", "df -Pk", .success(stdout: Self.df))
        Self.on(runner, host: "cp-1", "certs check-expiration", .success(stdout: PreflightParserTests.checkExpiration))
        Self.on(runner, host: "cp-1", "apt-cache madison kubeadm", .success(stdout: "1.30.4-1.1\n"))
        Self.on(
            runner, host: "cp-1", "upgrade plan",
            .failure(exit: 3, stderr: "kubeadm v1.29.8 is installed, not v1.30.4\n"))
        let plan = try plan()
        let nodes = try #require(PlanFixture.uniform("v1.29.8", workers: 2).roles().controlPlane.first)
        let facts = try await probe(runner, vars: ["cp-1": vars(["k8sup_min_free_mb": "1024"])])
            .gather(for: plan, firstControlPlane: nodes)

        #expect(
            facts.hosts["worker-2"]?.reach == .unreachable("ssh: connect to host 10.0.0.13 port 22: Connection refused")
        )
        #expect(facts.hosts["worker-1"]?.reach == .sudoFails(user: "ops", message: "sudo: a password is required"))
        let cp = try #require(facts.hosts["cp-1"])
        #expect(cp.reach == .reachable && cp.route == "ops@10.0.0.11:22")
        #expect(
            cp.disk
                == PreflightFacts.Disk(
                    minimumMB: 1024, paths: [DiskSpace(path: "/var/lib", mountPoint: "/", availableMB: 800)]))
        #expect(cp.certificates?.entries.count == 8 && cp.certificates?.renewedByUpgrade == true)
        #expect(cp.certificates?.kubeadm == "kubeadm")
        let hop = try #require(facts.hops["v1.30.4"])
        #expect(hop.host == "cp-1" && hop.packageVersion == "1.30.4-1.1")
        #expect(hop.components == nil)
        #expect(
            hop.componentsNote
                == "cp-1: kubeadm v1.29.8 is installed, not v1.30.4; pre-flight installs nothing")
        // Hosts that did not answer are asked nothing more; only cp-1 ran more than the probe.
        let remoteLines = runner.commands.map { ($0.arguments[$0.arguments.count - 2], $0.arguments.last ?? "") }
        #expect(remoteLines.filter { $0.0 != "10.0.0.11" }.count == 2)
        #expect(remoteLines.allSatisfy { $0.1.contains("sudo") })
        #expect(facts.notRun.isEmpty)
    }

    /// The probe runs `sudo -n` itself, as the ssh login, so that a failure of sudo is not taken for a failure
    /// of ssh; the later commands go through k8sup's own `sudo -n` like every step.
    @Test func theReachProbeRunsSudoAsTheLoginAndTheRestAsRoot() throws {
        let commands = try probe(FakeRunner()).commands
        let reach = try #require(commands.reach("worker-1"))
        #expect(reach.command.arguments.last == "sh -c 'sudo -n -- true'")
        #expect(reach.command.retry == .ssh(.probe, rerunnable: true))
        var rootLogin = try #require(commands.factory.connections["worker-1"])
        rootLogin.become = false
        #expect(
            SSHTransport(controlDirectory: "/cp").command("true", on: rootLogin, timeout: .seconds(1)).arguments.last
                == "sh -c true")
        let node = try #require(try plan().hops.first?.nodes.first { $0.host == "worker-1" })
        let disk = try #require(try commands.diskFree(node, hopVersion: "v1.30.4"))
        #expect(disk.command.arguments.last?.hasPrefix("sudo -n -- sh -c 'for p in /var/cache/apt/archives ") == true)
    }

    /// A playbook written before pre-flight existed: the checks it cannot run are named once, not per node.
    @Test func checksThePlaybookLeavesOutAreReportedAsNotRunOnce() async throws {
        let text =
            "name: bare\n" + PlaybookStep.allCases.filter { !$0.isOptional }.map { "\($0.rawValue): []\n" }.joined()
        let bare = try PlaybookLoader.load(text: text, file: "bare.yaml")
        let runner = FakeRunner()
        runner.on("any probe", where: { ($0.arguments.last ?? "").contains("sudo -n -- true") }, .success())
        let first = try #require(PlanFixture.uniform("v1.29.8", workers: 2).roles().controlPlane.first)
        let facts = try await probe(runner, playbook: bare).gather(for: try plan(), firstControlPlane: first)
        #expect(
            facts.notRun == [
                "free disk: playbook bare declares no writes:",
                "control-plane certificate expiry: playbook bare has no cert_expiration step",
                "component versions: playbook bare has no component_versions step",
            ])
        #expect(facts.hosts.values.allSatisfy { $0.disk == nil && $0.certificates == nil })
        #expect(facts.hops["v1.30.4"]?.packageNote == "the playbook has no discover_versions commands")
        #expect(runner.commands.count == 3)
    }
}

import Foundation
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

/// `k8sup playbook list|show|validate`, their output and exit codes.
@Suite struct PlaybookCommandTests {
    let sample = TestPaths.inventories + "/sample"
    let fixtures = TestPaths.fixtures + "/Playbooks"

    @Test func listShowsTheBuiltinsAndTheDefault() async {
        let result = await runK8sup(["playbook", "list"])
        #expect(result.code == .ok)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("kubeadm-apt  Debian/Ubuntu nodes") == true)
        #expect(lines.first?.hasSuffix("(default)") == true)
        #expect(lines.last?.hasPrefix("kubespray    Kubespray nodes") == true)
    }

    @Test func showPrintsTheExactYAML() async throws {
        let result = await runK8sup(["playbook", "show", "kubeadm-dnf"])
        #expect(result.code == .ok)
        let file = try String(contentsOfFile: TestPaths.packageRoot + "/Playbooks/kubeadm-dnf.yaml", encoding: .utf8)
        #expect(result.output == file)
        let fromFile = await runK8sup(["playbook", "show", fixtures + "/needs-mirror.yaml"])
        #expect(fromFile.output.hasPrefix("# A valid playbook"))
    }

    @Test func showWithAnInventoryRendersTheLimitedNodes() async {
        let result = await runK8sup([
            "playbook", "show", "kubespray", "-i", sample, "-l", "worker-5", "--to", "v1.31.2", "--from", "1.30.4",
        ])
        #expect(result.code == .ok, "\(result.error)")
        #expect(
            result.output.hasPrefix(
                "worker-5 (node worker-5.prod.example, worker): v1.30.4 -> v1.31.2 with playbook kubespray\n  stage:\n")
        )
        #expect(result.output.contains("  upgrade_worker:\n    /usr/local/bin/kubeadm upgrade node\n"))
        #expect(!result.output.contains("cp-1"))
    }

    @Test func validateSaysOkPerPlaybook() async {
        let result = await runK8sup(["playbook", "validate", "kubeadm-apt", fixtures + "/needs-mirror.yaml"])
        #expect(result.code == .ok)
        #expect(result.output == "kubeadm-apt: ok\n\(fixtures)/needs-mirror.yaml: ok\n")
    }

    @Test func validatePrintsEveryErrorAndExits65() async {
        let broken = fixtures + "/broken.yaml"
        let result = await runK8sup(["playbook", "validate", broken, "kubespray"])
        #expect(result.code == .dataError)
        #expect(result.output == "kubespray: ok\n")
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(
            lines.dropFirst().first?.hasPrefix(
                "k8sup: error: \(broken):4:11: placeholder {{ target }} is inside double quotes") == true)
    }

    @Test func validateWithAnInventoryFindsVarsItDoesNotSet() async {
        let path = fixtures + "/needs-mirror.yaml"
        let result = await runK8sup(["playbook", "validate", path, "-i", sample, "-l", "cp-2,worker-3"])
        #expect(result.code == .dataError)
        #expect(
            result.error == """
                k8sup: error: \(path): host 'cp-2': the playbook needs the var 'mirror' (declared without a default at \(path):5:3), and the inventory does not set it for this host: set it in group_vars or host_vars
                k8sup: error: \(path): host 'worker-3': the playbook needs the var 'mirror' (declared without a default at \(path):5:3), and the inventory does not set it for this host: set it in group_vars or host_vars

                """)
        let builtins = await runK8sup(["playbook", "validate", "kubeadm-apt", "kubeadm-dnf", "kubespray", "-i", sample])
        #expect(builtins.code == .ok, "\(builtins.error)")
    }

    @Test(arguments: [
        (["playbook"], "choose an action: list, show or validate"),
        (["playbook", "remove"], "unknown action 'remove': use list, show or validate"),
        (["playbook", "list", "extra"], "list takes no arguments"),
        (["playbook", "list", "-i", "x"], "list takes no -i"),
        (["playbook", "show"], "show takes one playbook: a built-in name or a file"),
        (
            ["playbook", "show", "kubeadm-apt", "--to", "1.30.4"],
            "--to needs -i INVENTORY, which show without -i does not take"
        ),
        (["playbook", "validate"], "validate needs at least one playbook file or name"),
        (["playbook", "validate", "kubespray", "--from", "1.29.0"], "--from only goes with show -i"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) async {
        let result = await runK8sup(arguments)
        #expect(result.code == .usage)
        #expect(result.error.hasPrefix("k8sup: error: \(message)\nusage: k8sup playbook "), "\(result.error)")
    }

    @Test func aBadTargetVersionIsAUsageError() async {
        let result = await runK8sup(["playbook", "show", "kubespray", "-i", sample, "--to", "1.30"])
        #expect(result.code == .usage)
        #expect(result.error.contains("--to: \"1.30\" is not a Kubernetes version"))
    }

    @Test func anUnknownPlaybookIsBadInput() async {
        let result = await runK8sup(["playbook", "show", "kubeadm-zypper"])
        #expect(result.code == .dataError)
        #expect(result.error.hasPrefix("k8sup: error: no playbook 'kubeadm-zypper': it is neither a built-in playbook"))
        #expect(CLI.exitCode(for: PlaybookError.missingName(K8sUpSupport.SourceLocation(file: "x"))) == .dataError)
    }

    @Test func helpDescribesEveryAction() async {
        let result = await runK8sup(["playbook", "--help"])
        #expect(result.code == .ok)
        for action in ["list ", "show ", "validate "] { #expect(result.output.contains("\n" + action)) }
        let top = await runK8sup(["--help"])
        #expect(top.output.contains("  playbook "))
    }
}

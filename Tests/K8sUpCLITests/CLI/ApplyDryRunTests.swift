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

/// `k8sup apply --dry-run`: the ordered command list and the order rules an upgrade must keep.
@Suite struct ApplyDryRunTests {
    let sample = "Inventories/sample"

    func script(_ extra: [String] = []) async throws -> (ExitCode, ExecutionScript) {
        let result = await runK8sup(["apply", "-i", sample, "--dry-run", "-o", "json"] + extra)
        return (result.code, try JSONDecoder().decode(ExecutionScript.self, from: Data(result.output.utf8)))
    }

    /// The node each command of a hop belongs to, in order, without repeats in a row.
    func nodeOrder(_ commands: [ScriptedCommand]) -> [String] {
        commands.compactMap(\.node).reduce(into: []) { order, node in if order.last != node { order.append(node) } }
    }

    @Test func theSamplePrintsEveryCommandInOrderAndExitsBlocked() async throws {
        let (code, script) = try await script()
        #expect(code == .blocked)
        #expect(script.commands.map(\.number) == Array(1...script.commands.count))
        #expect(Set(script.commands.map(\.hop)) == [1, 2])
    }

    @Test func controlPlaneNodesComeBeforeAnyWorkerAndEachNodeFinishesBeforeTheNext() async throws {
        let (_, script) = try await script()
        for hop in [1, 2] {
            let nodeCommands = script.commands.filter {
                $0.hop == hop && ![.preflight, .stage, .etcdSnapshot].contains($0.action)
            }
            #expect(
                nodeOrder(nodeCommands) == [
                    "cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5.prod.example",
                ])
            for node in nodeOrder(nodeCommands) {
                let actions = nodeCommands.filter { $0.node == node }.map(\.action)
                let expected: [StepAction] = [
                    .backupKubelet, .upgradeKubeadm,
                    node.hasPrefix("cp-1") ? .kubeadmUpgradeApply : .kubeadmUpgradeNode,
                    .drain, .upgradeKubelet, .restartKubelet, .waitReady,
                    node == "worker-4" ? .keepCordoned : .uncordon,
                ].filter { $0 != .keepCordoned }
                #expect(
                    actions.reduce(into: [StepAction]()) { if $0.last != $1 { $0.append($1) } } == expected,
                    "hop \(hop), \(node)")
            }
        }
    }

    @Test func upgradeApplyRunsOnlyOnTheFirstControlPlaneNodeBeforeItsDrain() async throws {
        let (_, script) = try await script()
        for hop in [1, 2] {
            let commands = script.commands.filter { $0.hop == hop }
            let apply = commands.filter { $0.action == .kubeadmUpgradeApply }
            #expect(Set(apply.map(\.host)) == ["cp-1"])
            #expect(apply.allSatisfy { $0.line.contains("kubeadm upgrade apply -y v") })
            let drain = try #require(commands.first { $0.action == .drain && $0.node == "cp-1" })
            #expect(apply.allSatisfy { $0.number < drain.number })
        }
    }

    @Test func stagingAndTheEtcdSnapshotComeBeforeTheFirstNodeIsTouched() async throws {
        let (_, script) = try await script()
        let hop = script.commands.filter { $0.hop == 1 }
        let firstNodeStep = try #require(hop.firstIndex { $0.action == .backupKubelet })
        #expect(hop[..<firstNodeStep].map(\.action).allSatisfy { [.preflight, .stage, .etcdSnapshot].contains($0) })
        #expect(Set(hop[..<firstNodeStep].filter { $0.action == .stage }.compactMap(\.host)).count == 8)
        #expect(hop[..<firstNodeStep].last?.action == .etcdSnapshot)
    }

    @Test func limitMastersTouchesOnlyTheControlPlane() async throws {
        let (code, script) = try await script(["--limit", "masters", "--to", "v1.29.15"])
        #expect(code == .ok)
        #expect(Set(script.commands.compactMap(\.node)) == ["cp-1", "cp-2", "cp-3"])
        #expect(
            nodeOrder(script.commands.filter { ![.preflight, .stage].contains($0.action) }) == ["cp-1", "cp-2", "cp-3"])
    }

    /// Pre-flight's read-only commands come first in each hop: the ssh-and-sudo probe and the free disk of
    /// every node, the certificates of the control-plane nodes, the versions on the first control-plane
    /// node; nothing in them changes a node.
    @Test func preflightShowsItsReadOnlyCommandsBeforeStaging() async throws {
        let (_, script) = try await script(["--limit", "masters", "--to", "v1.29.15"])
        let firstStage = try #require(script.commands.firstIndex { $0.action == .stage })
        let preflight = script.commands[..<firstStage]
        #expect(preflight.allSatisfy { $0.action == .preflight })
        #expect(preflight.filter { $0.line == "sudo -n -- true" }.compactMap(\.node) == ["cp-1", "cp-2", "cp-3"])
        #expect(preflight.filter { $0.line.hasPrefix("for p in /tmp/releases /usr/local/bin ") }.count == 3)
        #expect(
            preflight.filter { $0.playbookStep == "cert_expiration" }.compactMap(\.node) == ["cp-1", "cp-2", "cp-3"])
        #expect(
            preflight.filter { ["discover_versions", "component_versions"].contains($0.playbookStep) }
                .map { "\($0.node ?? "") \($0.playbookStep ?? "")" }
                == ["cp-1 discover_versions", "cp-1 component_versions"])
        let probe = try #require(preflight.first { $0.line == "sudo -n -- true" })
        #expect(probe.argv.last == "sh -c 'sudo -n -- true'")
    }

    @Test func hostCommandsGoThroughTheBastionAsRootAndLocalOnesAreKubectl() async throws {
        let (_, script) = try await script()
        let host = try #require(script.commands.first { $0.location == .host && $0.action != .preflight })
        #expect(host.argv.first == "ssh")
        #expect(host.argv.contains("BatchMode=yes"))
        #expect(host.argv.contains { $0.hasPrefix("ProxyCommand=") && $0.contains("203.0.113.10") })
        #expect(host.argv.last?.hasPrefix("sudo -n") == true)
        let drain = try #require(script.commands.first { $0.action == .drain && $0.line.contains("drain") })
        #expect(
            drain.argv == [
                "kubectl", "drain", "cp-1", "--ignore-daemonsets", "--delete-emptydir-data", "--force",
                "--grace-period=300",
                "--timeout=6m0s",
            ])
    }

    @Test func theTextFormIsGoldenForTheControlPlaneHop() async throws {
        let result = await runK8sup(["apply", "-i", sample, "--dry-run", "--limit", "masters", "--to", "v1.29.15"])
        try GoldenFile.check(result.output, named: "apply-dry-run-sample-masters.txt")
    }

    @Test func applyWithoutDryRunRefusesASnapshotBeforeReadingAnythingElse() async {
        let result = await runK8sup(["apply", "-i", sample])
        #expect(result.code == .usage)
        #expect(result.error.contains("apply changes a live cluster, but this one is read from a snapshot file"))
        #expect(result.output.isEmpty)
    }

    @Test func drainFlagsOverrideTheInventory() async throws {
        let (_, script) = try await script(["--drain-timeout", "90s", "--drain-grace-period", "30"])
        let drain = try #require(script.commands.first { $0.argv.dropFirst().first == "drain" })
        #expect(drain.argv.suffix(2) == ["--grace-period=30", "--timeout=1m30s"])
        let bad = await runK8sup(["apply", "-i", sample, "--dry-run", "--drain-timeout", "soon"])
        #expect(bad.code == .usage)
    }
}

import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// `apply` through an upgrade's own turbulence, end to end: the built k8sup and real kubectl against
/// k8sim with its apiserver and ssh faults. Serialized, like the other end-to-end suites.
@Suite("apply through turbulence", .serialized)
struct ApplyTurbulenceTests {
    /// The `--events` lines of a run.
    static func events(_ path: String) throws -> [ApplyEndToEndTests.EventLine] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(ApplyEndToEndTests.EventLine.self, from: Data($0.utf8))
        }
    }

    static func allUpgraded(_ cluster: ApplySim) -> Bool {
        cluster.nodes.values.allSatisfy { $0 == .init(version: "v1.29.15", ready: true, cordoned: false) }
    }

    static func leaseIsGone(_ cluster: ApplySim) -> Bool {
        cluster.sim.cluster.object("leases", namespace: "kube-system", name: "k8sup") == nil
    }

    @Test func anAPIServerOutageRightAfterKubeadmUpgradeApplyIsRiddenThrough() async throws {
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2,
            scenario: "from: v1.28.15\nfaults:\n  - {type: apiserver-outage, seconds: 12, command: apply}\n")
        let eventsPath = cluster.stateDirectory + ".events.jsonl"
        let result = try await cluster.apply(["--events", eventsPath])
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.allUpgraded(cluster), "\(cluster.nodes)")
        #expect(Self.leaseIsGone(cluster))
        // The cordon right after kubeadm replaced the apiserver waited, saying why, on every channel.
        let line =
            "[1/3] v1.29.15 cp-1 cordon-drain: the cluster API failed: Error from server (ServiceUnavailable): "
            + "the server is currently unable to handle the request"
        #expect(result.error.contains(line), "\(result.error)")
        let retries = try Self.events(eventsPath).filter { $0.kind == "waiting" && $0.attempt != nil }
        #expect(retries.contains { $0.node == "cp-1" && $0.step == "cordon-drain" })
        let log = try String(contentsOfFile: cluster.stateDirectory + "/logs/cp-1.log", encoding: .utf8)
        #expect(log.contains("~ cordon-drain: the cluster API failed: Error from server (ServiceUnavailable)"))
        #expect(try cluster.journal.lastResult == .succeeded)
    }

    @Test func aTransientErrorRateThroughoutIsRiddenThrough() async throws {
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2,
            scenario: "from: v1.28.15\nfaults:\n  - {type: apiserver-errors, fraction: 0.1, status: 500}\n")
        let eventsPath = cluster.stateDirectory + ".events.jsonl"
        let result = try await cluster.apply(["--events", eventsPath])
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.allUpgraded(cluster), "\(cluster.nodes) \(cluster.stateDirectory) \(result.error)")
        #expect(Self.leaseIsGone(cluster))
        // One request in ten fails: over a run's hundreds of requests some kubectl call met one.
        let retries = try Self.events(eventsPath).filter { $0.attempt != nil }
        #expect(!retries.isEmpty)
        #expect(retries.allSatisfy { ($0.message ?? "").contains("etcdserver: leader changed") })
    }

    @Test func refusedAndDroppedSSHConnectionsMidNodeAreRetried() async throws {
        // worker-1 refuses three connections from its backup on; worker-2 drops the connection of a
        // package install, which the playbook allows to run again.
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2,
            scenario: """
                from: v1.28.15
                faults:
                  - {type: ssh-refused, node: worker-1, count: 3, matching: kubelet-1.28.15}
                  - {type: ssh-drops, node: worker-2, count: 1, matching: apt-mark hold kubelet}
                """)
        let result = try await cluster.apply()
        #expect(result.status == 0, "\(result.error)")
        #expect(Self.allUpgraded(cluster), "\(cluster.nodes)")
        let refused = result.error.split(separator: "\n").filter {
            $0.hasPrefix(
                "[2/3] v1.29.15 worker-1 backup-kubelet: unreachable: ssh: connect to host 10.77.1.21 port 22: "
                    + "Connection refused; connecting again in ")
        }
        #expect(refused.count == 3, "\(result.error)")
        #expect(
            result.error.contains(
                "[3/3] v1.29.15 worker-2 upgrade-kubelet: the ssh connection dropped while the command ran "
                    + "(Connection to 10.77.1.22 closed by remote host.); running it again, as the playbook allows, in "
            ))
    }

    @Test func aDroppedConnectionOnACommandThatMustNotRunTwiceIsReportedAndTheNodePutBack() async throws {
        let cluster = try ApplySim(
            controlPlanes: 1, workers: 2,
            scenario: """
                from: v1.28.15
                faults:
                  - {type: ssh-drops, node: worker-1, count: 1, matching: kubeadm upgrade node}
                """)
        let result = try await cluster.apply()
        #expect(result.status == 1, "\(result.error)")
        #expect(
            result.error.contains(
                "k8sup: error: worker-1: running kubeadm upgrade node failed (status unknown): the ssh connection "
                    + "dropped while the "
                    + "command ran (Connection to 10.77.1.21 closed by remote host.); the playbook marks this command "
                    + "rerun: false, so k8sup did not run it again: check the node, then run apply again\n"),
            "\(result.error)")
        #expect(cluster.node("worker-1") == .init(version: "v1.28.15", ready: true, cordoned: false))
        #expect(cluster.node("worker-2") == .init(version: "v1.28.15", ready: true, cordoned: false))
        let log = try String(contentsOfFile: cluster.stateDirectory + "/logs/worker-1.log", encoding: .utf8)
        // It ran once: the command and ssh's last words are in the node's log.
        #expect(log.components(separatedBy: "$ kubeadm upgrade node").count - 1 == 1)
        #expect(log.contains("! Connection to 10.77.1.21 closed by remote host."))
        let journal = try cluster.journal
        #expect(journal.openNodes.isEmpty)
        #expect(journal.lastResult == .failed)
        #expect(Self.leaseIsGone(cluster))
    }
}

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

/// The real `k8sup` executable, run as the README tells a new user to run it.
@Suite struct BinaryEndToEndTests {
    @Test func theReadmeCommandPrintsTheSampleInventoryGraph() throws {
        let result = try BinaryRunner.run(["inventory", "-i", "Inventories/sample", "--graph"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("@all:\n  |--@ungrouped:\n  |--@kube_control_plane:\n  |  |--cp-1\n"))
        #expect(result.output.contains("  |--@bastion:\n  |  |--bastion\n"))
        #expect(result.error.isEmpty)
    }

    @Test func listOutputMatchesAnsibleThroughTheBinaryToo() throws {
        let result = try BinaryRunner.run(["inventory", "-i", "Inventories/sample", "--list"])
        let expected = try String(
            contentsOfFile: TestPaths.fixtures + "/Oracles/inventories-sample-list.expected", encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.output == expected)
    }

    @Test func exitCodesForUsageAndBadDataAndVersion() throws {
        let usage = try BinaryRunner.run(["inventory", "--list", "--nope"])
        #expect(usage.status == 64)
        #expect(usage.error.contains("unknown option '--nope'"))
        let bad = try withTemporaryTree(text: ["h.ini": "[k8s_cluster:children]\nkube_node\n"]) { root in
            try BinaryRunner.run(["inventory", "--list", "-i", root + "/h.ini"])
        }
        #expect(bad.status == 65)
        #expect(bad.error.contains("h.ini:2:1: section [k8s_cluster:children] includes undefined group 'kube_node'"))
        #expect(bad.output.isEmpty)
        let version = try BinaryRunner.run(["--version"])
        #expect(version.status == 0 && version.output == "k8sup \(CLI.version)\n")
    }

    @Test func theInventoryEnvironmentVariableIsTheDefault() throws {
        let result = try BinaryRunner.run(
            ["inventory", "--list-hosts", "--limit", "masters"],
            environment: ["K8SUP_INVENTORY": "Inventories/legacy/inventory.ini"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "  hosts (3):\n    master1\n    master2\n    master3\n")
    }
}

/// The README's first command through the real executable.
@Suite struct PlanBinaryTests {
    @Test func theReadmePlanCommandPrintsTheGoldenPlanAndExits2() throws {
        let result = try BinaryRunner.run(["plan", "-i", "Inventories/sample"])
        #expect(result.status == 2, "\(result.error)")
        #expect(result.error.isEmpty)
        try GoldenFile.check(result.output, named: "plan-sample.txt")
    }
}

@Suite struct SnapshotFromPipeTests {
    @Test func aSnapshotCanComeFromAPipe() throws {
        let result = try BinaryRunner.runShell(
            #"exec "$K8SUP" plan -i Inventories/sample --snapshot <(cat Inventories/sample.snapshot.json) -o json"#)
        #expect(result.status == 2, "\(result.error)")
        #expect(result.output.contains(#""kind" : "UpgradePlan""#))
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `when`: versions compare as versions (a minor with a version's minor), anything else as text.
@Suite struct PlaybookConditionTests {
    /// The lines of a stage with one `echo yes` per condition list that holds for the context.
    private func holds(_ when: String, vars: String = "", context: PlaybookContext = workerContext()) throws -> Bool {
        let playbook = try loadPlaybook(
            "vars:\n  flag: true\n  kind: host\n  empty: ''\n\(vars)stage:\n  - run: echo yes\n    when: \(when)\n")
        return try playbook.render(.stage, context: context) == ["echo yes"]
    }

    @Test(arguments: [
        ("target == 1.30", true), ("target == v1.30", true), ("target != 1.30", false), ("target >= 1.32", false),
        ("target < 1.32", true), ("target > 1.29", true), ("target <= 1.30", true), ("target > 1.30", false),
        ("target == 1.30.4", true), ("target < v1.30.10", true), ("target >= 1.30.5", false),
        ("from_minor == 1.29", true), ("target_v == 1.30.4", true), ("from < 1.29.9", true),
    ])
    func versionsCompareAsVersions(condition: String, expected: Bool) throws {
        #expect(try holds(condition) == expected, "\(condition)")
    }

    @Test(arguments: [
        ("kind == host", true), ("kind != host", false), ("kind == kubeadm", false), ("role == worker", true),
        ("role == control-plane", false), ("empty == \"\"", true), ("empty != ''", false), ("kind == 'host'", true),
        ("flag == true", true), ("flag == True", true), ("flag == yes", true), ("flag != false", true),
        ("node == w1.example", true), ("host == w1", true),
    ])
    func textComparesWithEqualsOnly(condition: String, expected: Bool) throws {
        #expect(try holds(condition) == expected, "\(condition)")
    }

    @Test func aListNeedsEveryCondition() throws {
        #expect(try holds("[target >= 1.30, kind == host]"))
        #expect(try !holds("[target >= 1.30, kind == kubeadm]"))
        #expect(try !holds("[target >= 1.31, kind == host]"))
    }

    @Test func inventoryVarsDecideConditions() throws {
        let context = workerContext(vars: ["kind": "kubeadm", "flag": false])
        #expect(try holds("kind == kubeadm", context: context))
        #expect(try holds("flag == false", context: context))
    }

    @Test func orderingTextIsAnErrorForTheHost() {
        let context = workerContext(vars: ["kind": "v-next"])
        #expect(
            throws: PlaybookError.badComparison(
                K8sUpSupport.SourceLocation(file: "t.yaml", line: 8, column: 11), host: "w1", condition: "kind >= 1.30",
                problem: "'kind' is 'v-next', which is not a Kubernetes version")
        ) { try holds("kind >= 1.30", context: context) }
    }
}

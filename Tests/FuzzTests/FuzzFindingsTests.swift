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

/// The exact inputs behind what fuzzing found, kept so that each fix stays fixed.
@Suite struct FuzzFindingsTests {
    /// Found by fuzzing: a generated INI chain of 100,000 `[gN:children]` sections ran for over ten minutes
    /// (ancestor and depth bookkeeping is linear in the depth per group added). Nesting past 200 levels is
    /// now refused at the child line that goes too deep.
    @Test(arguments: [false, true]) func childGroupChainsDeeperThanTheLimitAreRefusedAtTheirPlace(reversed: Bool) {
        let levels = Array(0...Inventory.maximumGroupDepth)
        let sections = levels.map { "[g\($0):children]\ng\($0 + 1)\n" }
        let text = (reversed ? sections.reversed() : sections).joined() + "[g\(levels.count)]\nh1\n"
        var inventory = Inventory()
        #expect {
            try INIInventoryReader.read(Array(text.utf8), file: "chain.ini", into: &inventory)
        } throws: { error in
            guard case .invalid(let location, let message)? = error as? InventoryError else { return false }
            let lastLine = 2 * (reversed ? 1 : levels.count)
            return location.file == "chain.ini" && location.line == lastLine
                && message.contains("nested more than 200 levels deep")
        }
    }

    /// A chain exactly at the limit is read, and `reconcile` still puts its top under `all`.
    @Test func aChainAtTheLimitIsReadAndReconciled() throws {
        let text =
            (1..<Inventory.maximumGroupDepth).map { "[g\($0):children]\ng\($0 + 1)\n" }.joined()
            + "[g\(Inventory.maximumGroupDepth)]\nh1\n"
        var inventory = Inventory()
        try INIInventoryReader.read(Array(text.utf8), file: "chain.ini", into: &inventory)
        inventory.reconcile()
        #expect(inventory.groups["g1"]?.parents == ["all"])
        #expect(inventory.groups["g\(Inventory.maximumGroupDepth)"]?.depth == Inventory.maximumGroupDepth)
        #expect(inventory.hosts["h1"]?.groups.count == Inventory.maximumGroupDepth + 1)
    }

    /// Found by fuzzing: merging a list of thirty aliases, level upon level, grew each mapping thirty-fold
    /// (merges keep duplicate keys until the mapping is built, as in PyYAML) until the test process died
    /// for lack of memory. The mapping that would pass a million entries is now refused at its place.
    @Test func exponentialMergesAreRefusedAtTheMappingThatGrowsTooLarge() {
        let text =
            "m0: &m0 {k: 0}\n"
            + (1..<20).map { "m\($0): &m\($0) {<<: [" + String(repeating: "*m\($0 - 1), ", count: 30) + "*m0]}\n" }
            .joined()
        #expect {
            try YAMLReader.parse(text, file: "fan.yml")
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.location == SourceLocation(file: "fan.yml", line: 6, column: 5)
                && error.message.contains("more than 1000000 entries")
        }
    }

    /// Found by fuzzing: a playbook that is not YAML failed with `PlaybookError.syntax(String)`, whose
    /// place was only inside the text. It now carries the place (input: a tab in the indentation).
    @Test func aPlaybookThatIsNotYAMLIsRefusedWithItsPlace() {
        #expect(
            throws: PlaybookError.syntax(
                SourceLocation(file: "p.yaml", line: 3, column: 1),
                "found a tab character here; YAML does not allow tabs for indentation, use spaces")
        ) {
            try PlaybookLoader.load(text: "name: p\ndrain:\n\t- x\n", file: "p.yaml")
        }
    }
}

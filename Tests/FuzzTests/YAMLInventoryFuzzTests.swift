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

/// Fuzzes the YAML inventory reader the way `InventoryFileReader` runs it (strict UTF-8, JSON or YAML,
/// then `YAMLInventoryReader.read` and `reconcile`): mutated inventories, deeply nested `children`, huge
/// host ranges and values are each read, or refused with `InventoryError.invalid` naming the file and a
/// line of it, quickly.
@Suite struct YAMLInventoryFuzzTests {
    static let file = "fuzz/hosts.yaml"

    static let tokens = [
        "all:\n", "  hosts:\n", "  children:\n", "  vars:\n", "    node1:\n", "      ansible_host: 10.0.0.1\n",
        "node[01:99]:", "kube_control_plane:", "plugin: x\n", "hosts: node1", "children: [a]", "vars: 1",
        "ansible_port: 99999", "? [a]\n: 1\n", "!!set {a, b}", "{{ x }}", "!unsafe '{{ x }}'",
    ]

    /// The data files among `files` that are inventories (rather than vars files).
    static func inventories(among files: [FuzzCorpus.Seed]) -> [FuzzCorpus.Seed] {
        files.filter {
            $0.name.contains("hosts.y") || $0.name.contains("inventory") || $0.name.contains("hosts.json")
                || $0.name.hasPrefix("single-file/")
        }
    }

    @Test func mutatedInventoriesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = Self.inventories(among: FuzzCorpus.yamlFiles())
        try #require(seeds.count >= 3)
        FuzzRun.mutations(kind: "yaml-inventory", of: seeds, tokens: Self.tokens, check: Self.check)
    }

    /// Child groups nested as deep as YAML allows (directly and through aliases), wide inventories, huge
    /// ranges and values, and the YAML reader's own deep, huge and bomb shapes.
    @Test func deepAndHugeInventoriesAreReadOrRefusedQuickly() {
        let levels = 240  // two mapping levels per group: just under the YAML reader's limit of 512
        let nested =
            (0..<levels).map {
                FuzzShapes.repeated("  ", 2 * $0) + "g\($0):\n" + FuzzShapes.repeated("  ", 2 * $0 + 1)
                    + "children:\n"
            }.joined() + FuzzShapes.repeated("  ", 2 * levels) + "leaf: {hosts: {h1: }}\n"
        let flowNested =
            "all: " + FuzzShapes.repeated("{children: {g: ", levels) + "{}" + FuzzShapes.repeated("}}", levels)
        let aliased =
            "all:\n  children:\n    g0: &g0 {hosts: {h0: }}\n"
            + (1..<480).map { "    g\($0): &g\($0) {children: {x\($0): *g\($0 - 1)}}\n" }.joined()
        let size = FuzzSettings.hugeSize
        let shapes: [(String, String)] =
            [
                ("nested children", nested), ("flow nested children", flowNested), ("aliased children", aliased),
                ("huge range", "all:\n  hosts:\n    node[0:99999999]:\n"),
                ("range product", "all:\n  hosts:\n    n" + FuzzShapes.repeated("[0:9]", 8) + ":\n"),
                ("many groups", "all:\n  children:\n" + (0..<(size / 16)).map { "    g\($0): {}\n" }.joined()),
                ("huge host", "all:\n  hosts:\n    " + FuzzShapes.repeated("h", size) + ":\n"),
                ("huge var", "all:\n  vars:\n    v: " + FuzzShapes.repeated("x", size) + "\n"),
            ] + FuzzSettings.sample(FuzzShapes.deepYAML).map { ($0.label, "all:\n  vars:\n    v: " + $0.text) }
            + FuzzSettings.sample(FuzzShapes.aliasBombs).map {
                ($0.label, "all:\n  vars:\n" + Self.indented($0.text, by: 4))
            }
        FuzzRun.shapes(kind: "yaml-inventory-shapes", shapes, check: Self.check)
    }

    static func indented(_ text: String, by spaces: Int) -> String {
        text.split(separator: "\n").map { FuzzShapes.repeated(" ", spaces) + $0 + "\n" }.joined()
    }

    /// nil when `bytes` is read as a YAML inventory and reconciled, or refused with its place.
    static func check(_ bytes: [UInt8]) -> String? {
        var inventory = Inventory()
        var warnings: [String] = []
        do {
            let text = try DataFiles.decodeUTF8(bytes, file: file)
            let root = try DataFiles.parseNode(text, file: file)
            try YAMLInventoryReader.read(root, file: file, into: &inventory, warnings: &warnings)
            inventory.reconcile()
        } catch {
            guard case .invalid(let location, _) = error else { return "unexpected error kind \(error)" }
            return FuzzExpect.place(location, file: file, in: bytes, error: error)
        }
        return nil
    }
}

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

/// Fuzzes the INI inventory reader (`INIInventoryReader.read` then `reconcile`): mutated Kubespray-style
/// and test inventories, long chains of child groups, deep Python literals, huge lines and odd bytes are each
/// read, or refused with `InventoryError.invalid` naming the file and a line of it, quickly.
@Suite struct INIInventoryFuzzTests {
    static let file = "fuzz/hosts.ini"

    static let tokens = [
        "[g]\n", "[g:children]\n", "[g:vars]\n", "[all:vars]\n", "[kube_control_plane]\n", "node[01:03]",
        " ansible_host=10.0.0.1", " ansible_port=22", "=", "=[1, {2: (3,)}]", "=u'x'", "=b'\\xff'", "=1_000",
        "=0b101", "=3j", "='''", "=\"\"\"", ";", "#", "h[", "[a:z:2]", "[0:", "\\N{DASH}", "\\N{", ":99999",
    ]

    @Test func mutatedInventoriesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = FuzzCorpus.iniFiles()
        try #require(!seeds.isEmpty)
        FuzzRun.mutations(kind: "ini", of: seeds, tokens: Self.tokens, check: Self.check)
    }

    /// Shapes that stress recursion and size: chains and trees of child groups, deeply nested Python
    /// literals, huge lines, values and host ranges.
    @Test func deepAndHugeInventoriesAreReadOrRefusedQuickly() {
        let size = FuzzSettings.hugeSize
        let nesting = FuzzShapes.depth
        let depth = FuzzSettings.chainLength
        let chain = (0..<depth).map { "[g\($0):children]\ng\($0 + 1)\n" }.joined() + "[g\(depth)]\nh1\n"
        let reversedChain = (0..<depth).reversed().map { "[g\($0):children]\ng\($0 + 1)\n" }.joined()
        let loop = (0..<depth).map { "[g\($0):children]\ng\(($0 + 1) % depth)\n" }.joined()
        let shapes: [(String, String)] = [
            ("child chain", chain), ("reversed child chain", reversedChain), ("child loop", loop),
            ("nested lists", "h v=" + FuzzShapes.repeated("[", nesting) + FuzzShapes.repeated("]", nesting) + "\n"),
            (
                "nested dicts",
                "h v=" + FuzzShapes.repeated("{1:", nesting) + "1" + FuzzShapes.repeated("}", nesting) + "\n"
            ),
            ("nested tuples", "h v=" + FuzzShapes.repeated("(", nesting) + FuzzShapes.repeated(")", nesting) + "\n"),
            ("unary minus chain", "h v=" + FuzzShapes.repeated("-", nesting) + "1\n"),
            ("huge host name", FuzzShapes.repeated("h", size) + "\n"),
            ("huge value", "h v=" + FuzzShapes.repeated("x", size) + "\n"),
            ("huge quoted value", "h v=\"" + FuzzShapes.repeated("\\\"", size / 2) + "\"\n"),
            ("huge integer", "h v=" + FuzzShapes.repeated("9", size) + "\n"),
            ("huge float", "h v=0." + FuzzShapes.repeated("1", size) + "e-3\n"),
            ("huge section name", "[" + FuzzShapes.repeated("g", size) + "]\nh\n"),
            ("many hosts", (0..<(size / 8)).map { "h\($0)\n" }.joined()),
            ("many vars on one host", "h " + FuzzShapes.repeated("a=1 ", size / 4) + "\n"),
            ("huge range", "[g]\nnode[0:99999999]\n"),
            ("many ranges", "[g]\nn" + FuzzShapes.repeated("[0:1]", 1_000) + "\n"),
            ("range product", "[g]\nn" + FuzzShapes.repeated("[0:9]", 8) + "\n"),
            ("comment only", "# " + FuzzShapes.repeated("c", size)),
        ]
        FuzzRun.shapes(kind: "ini-shapes", shapes, check: Self.check)
    }

    /// nil when `bytes` is read and reconciled, or refused with the file and a line of it.
    static func check(_ bytes: [UInt8]) -> String? {
        var inventory = Inventory()
        do {
            try INIInventoryReader.read(bytes, file: file, into: &inventory)
            inventory.reconcile()
        } catch {
            guard case .invalid(let location, _) = error else { return "unexpected error kind \(error)" }
            return FuzzExpect.place(location, file: file, in: bytes, error: error)
        }
        return nil
    }
}

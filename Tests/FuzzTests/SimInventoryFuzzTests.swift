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

/// Fuzzes k8sim's own inventory readers with the inputs that fuzz k8sup's (mutated repository inventories,
/// long chains and loops of child groups, huge host ranges): each is read, or refused with an error naming
/// the file and a line of it, quickly.
@Suite struct SimInventoryFuzzTests {
    @Test func mutatedINIInventoriesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = FuzzCorpus.iniFiles()
        try #require(!seeds.isEmpty)
        FuzzRun.mutations(kind: "sim-ini", of: seeds, tokens: INIInventoryFuzzTests.tokens, check: Self.checkINI)
    }

    @Test func mutatedYAMLInventoriesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = YAMLInventoryFuzzTests.inventories(among: FuzzCorpus.yamlFiles())
        try #require(seeds.count >= 3)
        FuzzRun.mutations(
            kind: "sim-yaml", of: seeds, tokens: YAMLInventoryFuzzTests.tokens, check: Self.checkYAML)
    }

    @Test func deepAndHugeINIInventoriesAreReadOrRefusedQuickly() {
        let size = FuzzSettings.hugeSize
        let depth = FuzzSettings.chainLength
        let shapes: [(String, String)] = [
            ("child chain", (0..<depth).map { "[g\($0):children]\ng\($0 + 1)\n" }.joined() + "[g\(depth)]\nh1\n"),
            ("reversed child chain", (0..<depth).reversed().map { "[g\($0):children]\ng\($0 + 1)\n" }.joined()),
            ("child loop", (0..<depth).map { "[g\($0):children]\ng\(($0 + 1) % depth)\n" }.joined()),
            ("huge host name", FuzzShapes.repeated("h", size) + "\n"),
            ("huge quoted value", "h v=\"" + FuzzShapes.repeated("\\\"", size / 2) + "\"\n"),
            ("many hosts", (0..<(size / 8)).map { "h\($0)\n" }.joined()),
            ("huge range", "[g]\nnode[0:99999999]\n"),
            ("many ranges", "[g]\nn" + FuzzShapes.repeated("[0:1]", 1_000) + "\n"),
            ("range product", "[g]\nn" + FuzzShapes.repeated("[0:9]", 8) + "\n"),
            ("overflowing range", "[g]\nn[0:9223372036854775807]\n"),
        ]
        FuzzRun.shapes(kind: "sim-ini-shapes", shapes, check: Self.checkINI)
    }

    static let file = "fuzz/hosts"

    /// nil when `bytes` is read as an INI inventory, or refused with the file and a line of it.
    static func checkINI(_ bytes: [UInt8]) -> String? {
        check(bytes) { text throws(SimInventoryError) in
            try SimINIInventoryReader.read(text: text, file: file, into: SimInventory())
        }
    }

    /// nil when `bytes` is read as a YAML inventory, or refused with the file and a line of it.
    static func checkYAML(_ bytes: [UInt8]) -> String? {
        check(bytes, read: readYAML)
    }

    private static func readYAML(_ text: String) throws(SimInventoryError) -> SimInventory {
        let root: DataNode?
        do {
            root = try DataNode.load(text: text, file: file)
        } catch {
            throw .invalid(error.location, error.message)
        }
        guard let root else { return SimInventory() }
        return try SimYAMLInventoryReader.read(root: root, file: file, into: SimInventory())
    }

    private static func check(
        _ bytes: [UInt8], read: (String) throws(SimInventoryError) -> SimInventory
    ) -> String? {
        do {
            var inventory = try read(String(decoding: bytes, as: UTF8.self))
            try inventory.finish()
        } catch {
            guard case .invalid(let location, _) = error else { return "unexpected error kind \(error)" }
            return FuzzExpect.place(location, file: file, in: bytes, error: error)
        }
        return nil
    }
}

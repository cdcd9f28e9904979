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

/// Fuzzes the YAML and JSON readers every data file goes through (`DataFiles.decodeUTF8`, then
/// `DataFileLoader`: JSON first, else YAML): mutated vars files and inventories, deep nesting, huge
/// values, alias bombs and odd bytes are each read, or refused with a `YAMLError` that names the file
/// and a line of it, quickly and without overflowing the stack.
@Suite struct YAMLFuzzTests {
    static let file = "fuzz/vars.yml"

    @Test func mutatedDataFilesAreReadOrRefusedWithTheirPlace() throws {
        let seeds = FuzzCorpus.yamlFiles()
        try #require(!seeds.isEmpty)
        FuzzRun.mutations(kind: "yaml", of: seeds, check: Self.check)
    }

    @Test func deepNestingIsRefusedAtItsPlace() {
        var run = FuzzRun(kind: "yaml-deep")
        for (label, text) in FuzzShapes.deepYAML + FuzzShapes.deepJSON {
            run.run(label, text: text) { bytes in
                do throws(YAMLError) {
                    _ = try Self.load(bytes)
                    return "accepted nesting \(FuzzShapes.depth) deep"
                } catch {
                    guard error.message.contains("nested") else { return "refused for another reason: \(error)" }
                    return FuzzExpect.place(error.location, file: Self.file, in: bytes, error: error)
                }
            }
        }
        run.finish()
    }

    @Test func hugeValuesAreReadOrRefusedQuickly() {
        var run = FuzzRun(kind: "yaml-huge")
        for (label, text) in FuzzShapes.hugeYAML(size: FuzzSettings.hugeSize)
            + FuzzShapes.hugeJSON(size: FuzzSettings.hugeSize)
        {
            run.run(label, text: text, check: Self.check)
        }
        run.finish()
    }

    @Test func aliasBombsAreRefusedOrStaySmall() throws {
        var run = FuzzRun(kind: "yaml-alias")
        for (label, text) in FuzzShapes.aliasBombs {
            run.run(label, text: text, check: Self.check)
        }
        run.finish()
        let laughs = try #require(FuzzShapes.aliasBombs.first { $0.label == "billion laughs" }?.text)
        #expect(throws: YAMLError.self) { try Self.load(Array(laughs.utf8)) }
    }

    @Test func bytesThatAreNotTextAreRefusedWithTheirPlace() {
        var run = FuzzRun(kind: "yaml-bytes")
        for (label, bytes) in FuzzShapes.oddBytes {
            run.run(label, bytes, check: Self.check)
        }
        run.finish()
    }

    /// Random fragments of YAML syntax, to reach states no mutation of a valid file does.
    @Test func fragmentSoupIsReadOrRefusedWithItsPlace() {
        var mutator = FuzzMutator(random: FuzzSettings.random(for: "yaml-soup"))
        var run = FuzzRun(kind: "yaml-soup")
        for iteration in 0..<FuzzSettings.iterations {
            var text = ""
            for _ in 0..<mutator.int(60) { text += mutator.pick(FuzzMutator.commonTokens) }
            run.run("#\(iteration)", text: text, check: Self.check)
        }
        run.finish()
    }

    /// The tree of `bytes` as Ansible would load it (a missing document is nil), walked to the end.
    static func load(_ bytes: [UInt8]) throws(YAMLError) -> DataValue? {
        let text = String(decoding: bytes, as: UTF8.self)
        return try DataFileLoader.load(text: text, file: file)?.value
    }

    /// nil when `bytes` is read, or refused at a place of the file, by both the strict UTF-8 decoder and
    /// the data file loader, and by the JSON reader alone.
    static func check(_ bytes: [UInt8]) -> String? {
        do {
            _ = try DataFiles.decodeUTF8(bytes, file: file)
        } catch {
            guard case .invalid(let location, _) = error else { return "unexpected error \(error)" }
            if let problem = FuzzExpect.place(location, file: file, in: bytes, error: error) { return problem }
        }
        do {
            _ = try load(bytes)
        } catch {
            if let problem = FuzzExpect.place(error.location, file: file, in: bytes, error: error) { return problem }
        }
        do {
            _ = try JSONReader.parse(String(decoding: bytes, as: UTF8.self), file: file).value
        } catch {
            return FuzzExpect.place(error.location, file: file, in: bytes, error: error)
        }
        return nil
    }
}

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

/// Fuzzes whole inventory directories through `InventoryLoader` (inventory files of either kind, then
/// `group_vars/` and `host_vars/`): one file of a real directory is mutated per input, and the load either
/// succeeds or fails with an error that names that file and a line of it, quickly.
@Suite struct InventoryDirectoryFuzzTests {
    /// A read-only in-memory copy of a directory tree, rooted at `root`.
    struct TreeFileSystem: FileSystemReading {
        var files: [String: [UInt8]] = [:]
        var directories: [String: [String]] = [:]

        init(copying directory: String, as root: String) {
            directories[root] = []
            let enumerator = FileManager.default.enumerator(atPath: directory)
            while let relative = enumerator?.nextObject() as? String {
                let path = root + "/" + relative
                let parent = (path as NSString).deletingLastPathComponent
                directories[parent, default: []].append((relative as NSString).lastPathComponent)
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    directories[path, default: []] += []
                } else {
                    files[path] = FileManager.default.contents(atPath: directory + "/" + relative).map { [UInt8]($0) }
                }
            }
        }

        func kind(of path: String) -> FileKind? {
            files[path] != nil ? .file : directories[path] != nil ? .directory : nil
        }

        func entries(ofDirectory path: String) throws -> [String] { directories[path] ?? [] }

        func bytes(of path: String) throws -> [UInt8] { files[path] ?? [] }

        func realPath(_ path: String) -> String { path }
    }

    static func trees() -> [(name: String, tree: TreeFileSystem)] {
        let directories = [
            TestPaths.inventories + "/sample", TestPaths.inventories + "/legacy", TestPaths.inventories + "/sim",
            TestPaths.fixtures + "/Inventories/precedence", TestPaths.fixtures + "/Inventories/dir-mixed",
            TestPaths.kubesprayStyle + "/modern", TestPaths.kubesprayStyle + "/legacy",
        ]
        return directories.map { ($0, TreeFileSystem(copying: $0, as: "inv")) }
    }

    @Test func directoriesWithOneMutatedFileLoadOrNameThatFile() {
        Self.mutateOneFileEach(of: Self.trees(), kind: "inventory-directory")
    }

    /// Checks that each tree loads unchanged, then loads copies with one file mutated (the kind's own
    /// random stream): each must load, or fail naming the mutated file and a line of it.
    static func mutateOneFileEach(
        of trees: [(name: String, tree: TreeFileSystem)], kind: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for (name, tree) in trees {
            #expect(throws: Never.self, "\(name) loads unchanged", sourceLocation: sourceLocation) {
                try InventoryLoader(fileSystem: tree).load(sources: ["inv"])
            }
        }
        var mutator = FuzzMutator(random: FuzzSettings.random(for: kind))
        var run = FuzzRun(kind: kind)
        // Each input is a whole directory of up to 30 files, so a fifth as many as for single files.
        for iteration in 0..<max(1, FuzzSettings.iterations / 5) {
            var (name, tree) = mutator.pick(trees)
            let path = mutator.pick(tree.files.keys.sorted())
            let (bytes, label) = mutator.mutate(tree.files[path] ?? [])
            tree.files[path] = bytes
            run.run("#\(iteration) \(name) \(path) \(label)", bytes, sourceLocation: sourceLocation) { _ in
                Self.check(tree, mutated: path)
            }
        }
        run.finish()
    }

    /// A vars file of each odd shape in place of `group_vars/all.yml`.
    @Test func oddVarsFilesAreRefusedWithTheirPlace() throws {
        let (_, original) = try #require(Self.trees().first)
        let path = "inv/group_vars/all/all.yml"
        try #require(original.files[path] != nil)
        var run = FuzzRun(kind: "inventory-directory-shapes")
        var shapes = FuzzShapes.oddBytes
        let texts = FuzzSettings.sample(FuzzShapes.deepYAML) + FuzzSettings.sample(FuzzShapes.aliasBombs)
        shapes += (texts + [("list", "- a\n"), ("scalar", "# c\n\nx\n")]).map {
            ($0.label, Array($0.text.utf8))
        }
        for (label, bytes) in shapes {
            var tree = original
            tree.files[path] = bytes
            run.run(label, bytes) { _ in Self.check(tree, mutated: path) }
        }
        run.finish()
    }

    /// nil when the directory loads, or the error names `mutated` (the only file that can be wrong) and a
    /// line of it.
    static func check(_ tree: TreeFileSystem, mutated: String) -> String? {
        let bytes = tree.files[mutated] ?? []
        do {
            _ = try InventoryLoader(fileSystem: tree).load(sources: ["inv"])
        } catch {
            switch error {
            case .invalid(let location, _):
                return FuzzExpect.place(location, file: mutated, in: bytes, error: error)
            case .noInventoryInDirectory(_, let failures):
                // Files that were never inventories (credentials, kubeconfigs) fail here too; only the mutated
                // one is of interest.
                let mine = failures.filter { $0.hasPrefix(mutated + ":") }
                return mine.allSatisfy { namesLine(of: mutated, in: $0) } ? nil : "a failure without a line: \(error)"
            case .unparsable(let file, let reasons):
                return file == mutated && reasons.allSatisfy { namesLine(of: mutated, in: $0) }
                    ? nil : "a reason without a line: \(error)"
            default:
                return "unexpected error kind \(error)"
            }
        }
        return nil
    }

    /// Whether `text` mentions `file:LINE` with a line of 1 or more.
    static func namesLine(of file: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: file + ":") {
            rest = rest[range.upperBound...]
            if let first = rest.first, first.isNumber, first != "0" { return true }
        }
        return false
    }
}

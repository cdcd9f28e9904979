import Foundation
import K8sUpTestSupport

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Locates and loads the INI test fixtures: the differential corpus under `Fixtures/INI/`, and the
/// expected outputs of the Kubespray-style inventories (`kubespray-style/`) and of Kubespray's own
/// (`kubespray/`, for the conformance suite).
enum INIFixtures {
    /// `Tests/K8sUpTestSupport/Fixtures/INI`.
    static let directory = URL(fileURLWithPath: TestPaths.fixtures + "/INI")

    /// The `.ini` files directly in `directory`, sorted by name.
    static func iniFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".ini") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Every `.ini` file below `directory`, sorted by path.
    static func iniFilesRecursively(in directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".ini") { paths.append(path) }
        }
        return paths.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Reads a file with the INI reader, reconciles, and renders `ansible-inventory --list` with every host
    /// selected and no vars directories, as the real tool does for a lone file in an empty directory.
    static func renderList(_ file: URL) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: file))
        var inventory = Inventory()
        try INIInventoryReader.read(bytes, file: file.lastPathComponent, into: &inventory)
        inventory.reconcile()
        let loaded = LoadedInventory(inventory: inventory, varsDirectories: [], warnings: [])
        return InventoryListRenderer.render(loaded, selectedHosts: inventory.hosts(inGroup: Inventory.allGroup))
    }

    /// The expected error of `NAME.ini`, from `NAME.expected-error.txt`: `LINE:COLUMN: message fragment`.
    struct ExpectedError {
        var line: Int
        var column: Int
        var fragment: String
    }

    static func expectedError(for file: URL) throws -> ExpectedError? {
        let errorFile = file.deletingPathExtension().appendingPathExtension("expected-error.txt")
        guard let text = try? String(contentsOf: errorFile, encoding: .utf8) else { return nil }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        let parts = firstLine.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) else {
            throw FixtureError.malformed(errorFile.path)
        }
        return ExpectedError(line: line, column: column, fragment: parts[2].trimmingCharacters(in: .whitespaces))
    }

    /// A fixture file that does not have the expected format.
    enum FixtureError: Error {
        case malformed(String)
    }
}

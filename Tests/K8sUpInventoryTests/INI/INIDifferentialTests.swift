import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Differential tests against ansible-inventory 2.19: every fixture inventory is read with the INI reader
/// and its `--list` rendering must equal the committed output of the real tool exactly, or the reader must
/// fail at the committed line and column.
@Suite struct INIDifferentialTests {
    static let corpus = INIFixtures.iniFiles(in: INIFixtures.directory.appendingPathComponent("corpus"))
    static let errorCases = INIFixtures.iniFiles(in: INIFixtures.directory.appendingPathComponent("errors"))

    @Test func corpusHasAtLeastFifteenInventories() {
        #expect(Self.corpus.count >= 15)
        #expect(Self.errorCases.count >= 10)
    }

    @Test(arguments: corpus.map(\.lastPathComponent))
    func corpusMatchesAnsibleInventoryList(name: String) throws {
        let file = INIFixtures.directory.appendingPathComponent("corpus").appendingPathComponent(name)
        let expectedFile = file.deletingPathExtension().appendingPathExtension("expected.json")
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        let rendered = try INIFixtures.renderList(file)
        #expect(rendered == expected)
    }

    @Test(arguments: errorCases.map(\.lastPathComponent))
    func errorCaseFailsAtTheExpectedPlace(name: String) throws {
        let file = INIFixtures.directory.appendingPathComponent("errors").appendingPathComponent(name)
        let expected = try #require(try INIFixtures.expectedError(for: file), "missing \(name)'s expected-error.txt")
        try Self.expectFailure(of: file, expected)
    }

    /// The project's Kubespray-style inventories (`Fixtures/KubesprayStyle`), each compared with
    /// ansible-inventory's output (`Fixtures/INI/kubespray-style/DIR--NAME.expected.json`) or expected error.
    @Test func kubesprayStyleInventoriesMatchAnsibleInventoryList() throws {
        let files = try Self.expectTreeMatchesAnsible(
            URL(fileURLWithPath: TestPaths.kubesprayStyle), expected: "kubespray-style")
        #expect(files >= 4)
    }

    /// Every `.ini` file below `root` against `Fixtures/INI/<expected>/PATH.expected.json` (the path
    /// relative to `root`, `/` written `--`), or the error in `PATH.expected-error.txt`; returns how
    /// many files there were.
    static func expectTreeMatchesAnsible(_ root: URL, expected: String) throws -> Int {
        let files = INIFixtures.iniFilesRecursively(in: root)
        try #require(!files.isEmpty, "no INI inventories found under \(root.path)")
        for file in files {
            let relative = String(file.path.dropFirst(root.path.count + 1))
            let stem = relative.replacingOccurrences(of: "/", with: "--").replacingOccurrences(of: ".ini", with: "")
            let expectedBase = INIFixtures.directory.appendingPathComponent(expected).appendingPathComponent(stem)
            if let error = try INIFixtures.expectedError(for: expectedBase.appendingPathExtension("ini")) {
                try Self.expectFailure(of: file, error)
                continue
            }
            let expectedFile = expectedBase.appendingPathExtension("expected.json")
            let expected = try #require(
                try? String(contentsOf: expectedFile, encoding: .utf8),
                "no expected output for \(relative); run Fixtures/INI/regenerate-expected.sh")
            #expect(try INIFixtures.renderList(file) == expected, "\(relative)")
        }
        return files.count
    }

    static func expectFailure(of file: URL, _ expected: INIFixtures.ExpectedError) throws {
        do {
            _ = try INIFixtures.renderList(file)
            Issue.record(
                "\(file.lastPathComponent) was accepted; expected an error at \(expected.line):\(expected.column)")
        } catch let error as InventoryError {
            guard case .invalid(let location, let message) = error else {
                Issue.record("unexpected error kind: \(error)")
                return
            }
            #expect(location.file == file.lastPathComponent)
            #expect(location.line == expected.line && location.column == expected.column, "\(error)")
            #expect(message.contains(expected.fragment), "\(error)")
        }
    }
}

import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `--limit @FILE` (Ansible's `subset`): one pattern per line, trimmed, never split again, blank lines
/// ignored, the lines taking the file's place among the other pieces. Expectations were checked with
/// `ansible -i kubespray.ini all --limit @FILE --list-hosts`.
@Suite struct LimitFileTests {
    private let resolver: HostPatternResolver

    init() throws {
        resolver = HostPatternResolver(inventory: try HostPatternFixtures.kubespray())
    }

    /// Runs `body` with a fresh directory holding `files`, and removes it afterwards.
    private func withLimitFiles(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("k8sup-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try body(directory)
    }

    @Test func readsOnePatternPerLineTrimmedAndOrdered() throws {
        try withLimitFiles(["limit": "kube_node\n  !gpu_node  \n\n&edge-site\n"]) { directory throws in
            #expect(try resolver.select("@" + directory.appendingPathComponent("limit").path) == ["node04"])
        }
    }

    @Test(arguments: ["cp1\r\nnode02\r\n", "cp1\rnode02", "cp1\nnode02"])
    func endsLinesAsPythonsTextModeDoes(text: String) throws {
        try withLimitFiles(["limit": text]) { directory throws in
            #expect(try resolver.select("@" + directory.appendingPathComponent("limit").path) == ["cp1", "node02"])
        }
    }

    @Test func combinesTheFileWithOtherPieces() throws {
        try withLimitFiles(["limit": "cp1\nnode02\n"]) { directory throws in
            let path = directory.appendingPathComponent("limit").path
            #expect(try resolver.select("@\(path),etcd") == ["cp1", "cp2", "cp3", "node02"])
            #expect(try resolver.select("@\(path):!cp1") == ["node02"])
        }
    }

    /// Ansible warns "Could not match supplied host pattern, ignoring: kube_node:&edge-site".
    @Test func neverSplitsALineAgain() throws {
        try withLimitFiles(["limit": "cp1\nkube_node:&edge-site\n"]) { directory throws in
            let path = directory.appendingPathComponent("limit").path
            let problem = "'kube_node:&edge-site' (line 2 of \(path)) matches no host or group in the inventory"
            #expect(throws: InventoryError.pattern("@" + path, problem: problem)) {
                try resolver.select("@" + path)
            }
        }
    }

    @Test func readsAFileOnlyForAPieceThatStartsWithTheAt() throws {
        try withLimitFiles(["limit": "cp1\n"]) { directory throws in
            let path = directory.appendingPathComponent("limit").path
            let problem = "'!@\(path)' matches no host or group in the inventory"
            #expect(throws: InventoryError.pattern("etcd,!@" + path, problem: problem)) {
                try resolver.select("etcd,!@" + path)
            }
        }
    }

    @Test func namesTheLineOfAPatternInTheFileThatMatchesNothing() throws {
        try withLimitFiles(["limit": "cp1\n\nnosuch\n"]) { directory throws in
            let path = directory.appendingPathComponent("limit").path
            let problem = "'nosuch' (line 3 of \(path)) matches no host or group in the inventory"
            #expect(throws: InventoryError.pattern("@" + path, problem: problem)) {
                try resolver.select("@" + path)
            }
        }
    }

    @Test func countsACarriageReturnAndNewlineAsOneLineEnd() throws {
        try withLimitFiles(["limit": "cp1\r\nnosuch\r\n"]) { directory throws in
            let path = directory.appendingPathComponent("limit").path
            let problem = "'nosuch' (line 2 of \(path)) matches no host or group in the inventory"
            #expect(throws: InventoryError.pattern("@" + path, problem: problem)) {
                try resolver.select("@" + path)
            }
        }
    }

    @Test func refusesAMissingFile() throws {
        try withLimitFiles([:]) { directory throws in
            let path = directory.appendingPathComponent("absent").path
            #expect(throws: InventoryError.pattern("@" + path, problem: "limit file '\(path)' does not exist")) {
                try resolver.select("@" + path)
            }
        }
    }

    @Test func refusesADirectory() throws {
        try withLimitFiles([:]) { directory throws in
            let problem = "limit file '\(directory.path)' is a directory; '@' must name a file"
            #expect(throws: InventoryError.pattern("@" + directory.path, problem: problem)) {
                try resolver.select("@" + directory.path)
            }
        }
    }

    /// Ansible selects every host for a file of blank lines.
    @Test func refusesAFileWithNoPatterns() throws {
        try withLimitFiles(["limit": "\n   \n"]) { directory throws in
            let path = directory.appendingPathComponent("limit").path
            let problem = "limit file '\(path)' names no hosts or groups"
            #expect(throws: InventoryError.pattern("@" + path, problem: problem)) {
                try resolver.select("@" + path)
            }
        }
    }

    @Test func refusesAFileThatIsNotUTF8() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("k8sup-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("limit")
        try Data([0x63, 0x70, 0xFF, 0x31]).write(to: file)
        let problem = "cannot read limit file '\(file.path)': it is not readable UTF-8 text"
        #expect(throws: InventoryError.pattern("@" + file.path, problem: problem)) {
            try resolver.select("@" + file.path)
        }
    }

    @Test func refusesABareAt() {
        #expect(throws: InventoryError.pattern("@", problem: "limit file '' does not exist")) {
            try resolver.select("@")
        }
    }
}

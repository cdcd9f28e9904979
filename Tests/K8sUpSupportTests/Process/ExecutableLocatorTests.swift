import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpSupport

/// `ExecutableLocator`: the `PATH` lookup Foundation does not do.
@Suite struct ExecutableLocatorTests {
    @Test func findsANameInTheFirstDirectoryThatHasIt() throws {
        #expect(try ExecutableLocator.locate("sh", searchPath: "/nonexistent:/bin:/usr/bin") == "/bin/sh")
    }

    @Test func namesTheToolAndThePathWhenNothingIsFound() {
        #expect(throws: CommandError.executableNotFound("kubectl", searchPath: "/nonexistent")) {
            try ExecutableLocator.locate("kubectl", searchPath: "/nonexistent")
        }
    }

    @Test func skipsFilesThatAreNotExecutableAndRelativeEntries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("k8sup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = FileManager.default.createFile(atPath: directory.path + "/sh", contents: Data("#!/bin/sh\n".utf8))
        #expect(try ExecutableLocator.locate("sh", searchPath: "\(directory.path):.:/bin") == "/bin/sh")
    }

    @Test func takesANameWithASlashAsAPath() throws {
        #expect(try ExecutableLocator.locate("/bin/sh", searchPath: "") == "/bin/sh")
        #expect(try ExecutableLocator.locate("./sh", searchPath: nil, workingDirectory: "/bin") == "/bin/./sh")
        #expect(throws: CommandError.executableNotFound("/opt/nowhere/kubectl", searchPath: nil)) {
            try ExecutableLocator.locate("/opt/nowhere/kubectl", searchPath: "/bin")
        }
        #expect(throws: CommandError.executableNotFound("/bin", searchPath: nil)) {
            try ExecutableLocator.locate("/bin", searchPath: "/bin")
        }
    }

    @Test func fallsBackToTheStandardDirectoriesWithoutPath() throws {
        #expect(try ExecutableLocator.locate("sh", searchPath: nil) == "/usr/bin/sh")
    }
}

import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The state directory keeps itself out of git: a `.gitignore` of its own when k8sup creates it or finds
/// its own directory without one, and never over the operator's file or in a directory that is not k8sup's.
@Suite struct StateDirectoryTests {
    private func gitignore(_ directory: String) -> String? {
        try? String(contentsOfFile: directory + "/.gitignore", encoding: .utf8)
    }

    /// The default place, `.k8sup` inside an inventory directory that is in a git repository: after a
    /// journal is written, git sees the inventory but nothing of the state directory.
    @Test func aNewStateDirectoryIsIgnoredByGit() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/inventory", withIntermediateDirectories: true)
        try "all: {}\n".write(toFile: root + "/inventory/hosts.yaml", atomically: false, encoding: .utf8)
        var script = JournalScript()
        script.runStarted()
        let writer = try JournalWriter(directory: root + "/inventory/.k8sup")
        try writer.append(script.entries[0])
        writer.close()
        #expect(gitignore(root + "/inventory/.k8sup") == StateDirectory.gitignoreText)
        #expect(StateDirectory.gitignoreText.hasPrefix("# ") && StateDirectory.gitignoreText.contains("\n*\n"))
        let git = try BinaryRunner.runProgram(
            "/bin/bash", ["-c", "cd '\(root)' && git init -q . && git status --porcelain --untracked-files=all"])
        #expect(git.status == 0, "\(git.error)")
        #expect(git.output == "?? inventory/hosts.yaml\n")
    }

    /// A state directory from before k8sup wrote one (it holds a journal) gets it on the next run, and so
    /// does an empty directory made for `--state-dir`.
    @Test func anExistingStateDirectoryWithoutOneGetsIt() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let old = root + "/old-state", empty = root + "/empty"
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try "".write(toFile: old + "/" + StateDirectory.journalName, atomically: false, encoding: .utf8)
        try StateDirectory.create(old)
        try StateDirectory.create(empty)
        #expect(gitignore(old) == StateDirectory.gitignoreText)
        #expect(gitignore(empty) == StateDirectory.gitignoreText)
    }

    @Test func theOperatorsOwnGitignoreIsNeverReplaced() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = root + "/.k8sup"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "logs/\n".write(toFile: directory + "/.gitignore", atomically: false, encoding: .utf8)
        _ = try JournalWriter(directory: directory)
        #expect(gitignore(directory) == "logs/\n")
    }

    /// `--state-dir .` in a repository without a `.gitignore`: writing `*` there would hide the operator's
    /// new files from git, so a directory that holds other things and no journal is left alone.
    @Test func aDirectoryThatIsNotK8supsIsLeftAlone() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "all: {}\n".write(toFile: directory + "/hosts.yaml", atomically: false, encoding: .utf8)
        try StateDirectory.create(directory)
        #expect(gitignore(directory) == nil)
        #expect(FileManager.default.fileExists(atPath: directory + "/hosts.yaml"))
    }
}

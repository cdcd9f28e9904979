import Foundation
import K8sSimKit
import K8sUpCLI
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpPlanning
import K8sUpReaders
import K8sUpSupport
import K8sUpUseCases
import PythonParity

/// Runs the built `k8sup` executable as a user would, capturing its output through files (no pipe
/// can fill up) with stdin from /dev/null.
package enum BinaryRunner {
    package struct Result {
        package init(status: Int32, output: String, error: String) {
            self.status = status
            self.output = output
            self.error = error
        }

        package let status: Int32
        package let output: String
        package let error: String
    }

    /// The `k8sup` built next to the test bundle (the products directory of this `swift test` run).
    package static let executable: String? = builtProduct("k8sup")

    /// The executable `name` this package builds, next to the test bundle, else in `.build/debug`.
    package static func builtProduct(_ name: String) -> String? {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fallback = TestPaths.packageRoot + "/.build/debug/" + name
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    package struct ExecutableMissing: Error, CustomStringConvertible {
        package init() {}

        package var description: String {
            "the k8sup executable was not found next to the tests (\(Bundle.main.bundleURL.path))"
        }
    }

    /// Runs a bash script in the package root with `$K8SUP` set to the executable, for shell features
    /// such as process substitution.
    package static func runShell(_ script: String) throws -> Result {
        guard let executable else { throw ExecutableMissing() }
        return try run(["-c", script], environment: ["K8SUP": executable], program: "/bin/bash")
    }

    /// - Parameter unsetting: Variables of the test's environment the program must not see (KUBECONFIG).
    package static func run(_ arguments: [String], environment: [String: String] = [:], unsetting: Set<String> = [])
        throws -> Result
    {
        guard let executable else { throw ExecutableMissing() }
        return try run(arguments, environment: environment, unsetting: unsetting, program: executable)
    }

    /// Runs another program (kubectl) the same way.
    package static func runProgram(_ program: String, _ arguments: [String]) throws -> Result {
        try run(arguments, environment: [:], program: program)
    }

    private static func run(
        _ arguments: [String], environment: [String: String], unsetting: Set<String> = [], program executable: String
    ) throws -> Result {
        let scratch = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let process = try prepare(
            executable, arguments, environment: environment, unsetting: unsetting, outputDirectory: scratch)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: (try? String(contentsOfFile: scratch + "/out", encoding: .utf8)) ?? "",
            error: (try? String(contentsOfFile: scratch + "/err", encoding: .utf8)) ?? "")
    }

    /// A `Process` for `executable` set up as every test runs a program: in the package root, stdin from
    /// /dev/null, stdout and stderr into `out` and `err` files of `outputDirectory` (no pipe can fill up),
    /// and the test's environment without `K8SUP_INVENTORY` and `unsetting`, plus `environment`.
    package static func prepare(
        _ executable: String, _ arguments: [String], environment: [String: String], unsetting: Set<String> = [],
        outputDirectory: String
    ) throws -> Process {
        let outPath = outputDirectory + "/out", errPath = outputDirectory + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.packageRoot)
        process.environment = ProcessInfo.processInfo.environment
            .filter { $0.key != "K8SUP_INVENTORY" && !unsetting.contains($0.key) }
            .merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        return process
    }
}

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
import Testing

/// Playbooks written inline in tests: `body` starts on line 2 (after `name: t`), and every step list it
/// does not mention is added after it as `[]`, so positions in `body` are easy to state.
package func playbookText(_ body: String) -> String {
    var text = "name: t\n" + body
    if !text.hasSuffix("\n") { text += "\n" }
    for step in PlaybookStep.allCases where !body.contains("\(step.rawValue):") {
        text += "\(step.rawValue): []\n"
    }
    return text
}

/// Loads `playbookText(body)` as `t.yaml`.
package func loadPlaybook(_ body: String) throws(PlaybookError) -> Playbook {
    try PlaybookLoader.load(text: playbookText(body), file: "t.yaml")
}

/// The error loading `playbookText(body)` throws, or nil when it loads.
package func playbookError(_ body: String) -> PlaybookError? {
    do {
        _ = try loadPlaybook(body)
        return nil
    } catch {
        return error
    }
}

/// A context for a worker `w1` going from 1.29.8 to 1.30.4.
package func workerContext(
    vars: [String: DataValue] = [:], runtime: [String: String] = [:], deferred: Bool = false,
    target: KubeVersion = KubeVersion(1, 30, 4)
) -> PlaybookContext {
    PlaybookContext(
        target: target, from: KubeVersion(1, 29, 8), node: "w1.example", host: "w1", role: .worker,
        hostVariables: mapping(vars), runtime: runtime, deferRuntimeValues: deferred)
}

/// Runs `line` with `/bin/sh -c` in `directory`; returns the exit status and standard output.
package func runShell(_ line: String, in directory: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", line]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A `DataMapping` from a dictionary literal of vars.
package func mapping(_ vars: [String: DataValue]) -> DataMapping {
    var result = DataMapping()
    for (name, value) in vars.sorted(by: { $0.key < $1.key }) { result[name] = value }
    return result
}

import Foundation

/// The real `CommandRunning`: starts each command as a child process with `Foundation.Process`.
///
/// What every run gets (see the style guide, section 4): the executable found on `PATH` before
/// anything starts; stdin from `/dev/null`; the extra environment merged over k8sup's own; both output
/// pipes drained at once on dedicated threads; no blocked signals in the child; and on timeout or
/// task cancellation SIGTERM to the child's whole process group, then SIGKILL after `gracePeriod`.
package struct ProcessRunner: CommandRunning {
    /// How long a stopped command may take to exit after SIGTERM before it gets SIGKILL.
    var gracePeriod: Duration
    /// How long after SIGKILL to keep waiting for the output pipes to close before giving up on them
    /// (only a process that left the group with `setsid` can hold them that long).
    var abandonAfter: Duration

    package init(gracePeriod: Duration = .seconds(5), abandonAfter: Duration = .seconds(2)) {
        self.gracePeriod = gracePeriod
        self.abandonAfter = abandonAfter
    }

    package func run(_ command: Command, output: (@Sendable (OutputChunk) -> Void)?) async throws -> CommandResult {
        try Task.checkCancellation()
        let environment = ProcessInfo.processInfo.environment.merging(command.environment) { _, extra in extra }
        let executable = try ExecutableLocator.locate(command, environment: environment)
        if let directory = command.workingDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw CommandError.launchFailed(command, reason: "working directory \(directory) does not exist")
            }
        }
        let run = try ProcessRun(command: command, gracePeriod: gracePeriod, abandonAfter: abandonAfter, sink: output)
        return try await run.execute(executable: executable, environment: environment)
    }
}

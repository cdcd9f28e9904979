import K8sUpCluster
import K8sUpSupport
import Synchronization

/// Runs command lines of one node in one ssh session (`SessionScript`), and reports them as if each had
/// run alone: each line's `$` line, output and exit status in the node's log, and a failure that names
/// the line, its status and its own output.
///
/// A connection that fails before the script ran is retried by the retrying runner, as for any ssh
/// command. One that drops while the script runs leaves the lines whose end arrived done, and the first
/// line whose end did not arrive in an unknown state (it may have done all, part or none of its work);
/// the lines after it have not started. The session then runs again from that line when the playbook
/// lets it run again (`rerun`), within the retry budget; otherwise the failure says its status is unknown.
struct HostSession {
    let tools: ExecutionTools
    /// The node whose log gets the lines, and its host.
    let node: String
    let host: String

    /// How one attempt at the lines from `start` on ended.
    private enum Pass {
        case completed
        case failed(index: Int, result: CommandResult)
        case dropped(index: Int, result: CommandResult, cause: String)
    }

    /// Runs `commands` in order, stopping at the first that fails; returns each line's stdout lines.
    /// - Parameters:
    ///   - step: The event of the step they belong to.
    ///   - activity: What they do, for the failure message (`running kubeadm upgrade node`).
    ///   - activities: What each line does, when the lines belong to several steps (else `activity`).
    ///   - onBegin: Told the index of each line as it starts (again when a session runs it again).
    func run(
        _ commands: [HostCommandFactory.HostCommand], during step: ExecutionEvent, doing activity: String,
        activities: [String]? = nil, onBegin: (@Sendable (Int) -> Void)? = nil
    ) async throws -> [[String]] {
        let activities = activities ?? Array(repeating: activity, count: commands.count)
        guard !commands.isEmpty else { return [] }
        if tools.stop.isRequested { throw StopRequested() }
        var outputs = Array(repeating: [String](), count: commands.count)
        var start = 0
        let loop = RetryLoop(
            budget: dropBudget, backoff: tools.settings.retryBackoff, clock: tools.clock, random: tools.random)
        let first = commands[0]
        let status = ExecutionTools.running(first.shownLine, on: host, timeout: first.command.timeout)
        let outcome = try await tools.waiting(step, for: status) { wait in
            try await loop.run { _, _ in
                let first = start
                var begun: (@Sendable (Int) -> Void)?
                if let onBegin { begun = { index in onBegin(first + index) } }
                let (pass, transcript) = try await runOnce(Array(commands[start...]), wait: wait, onBegin: begun)
                for (offset, line) in transcript.lines.enumerated() where line.status == 0 {
                    outputs[start + offset] = line.stdout
                }
                switch pass {
                case .completed:
                    return .finished(Pass.completed)
                case .failed(let index, let result):
                    return .finished(Pass.failed(index: start + index, result: result))
                case .dropped(let index, let result, let cause):
                    let absolute = start + index
                    guard commands[absolute].rerun else {
                        return .finished(Pass.dropped(index: absolute, result: result, cause: cause))
                    }
                    start = absolute
                    return .transient(Pass.dropped(index: absolute, result: result, cause: cause), cause: cause)
                }
            } onRetry: { notice in
                wait.report(
                    RetryingRunner.message(notice, failure: .connectionDropped, command: commands[start].command),
                    retry: notice)
            }
        }
        switch outcome.value {
        case .completed:
            return outputs
        case .failed(let index, let result):
            throw ExecutionError.stepFailed(
                node: node, step: activities[index],
                failure: CommandFailure(result, command: commands[index].shownLine))
        case .dropped(let index, var result, let cause):
            result.retryRecord = RetryRecord(
                failure: .connectionDropped, cause: cause, attempts: outcome.attempts, elapsed: outcome.elapsed,
                notRetried: outcome.gaveUp == nil)
            var failure = CommandFailure(result, command: commands[index].shownLine)
            failure.how = "status unknown"
            throw ExecutionError.stepFailed(node: node, step: activities[index], failure: failure)
        }
    }

    /// How long a line may go on being run again after dropped connections: the retrying runner's budget
    /// for ssh connections.
    private var dropBudget: Duration {
        (tools.runner as? RetryingRunner)?.budget(tools.retryBudget) ?? RetryingRunner.defaultBudget
    }

    /// One session of `commands`, logged line by line as the output arrives.
    private func runOnce(
        _ commands: [HostCommandFactory.HostCommand], wait: Wait, onBegin: (@Sendable (Int) -> Void)?
    ) async throws -> (Pass, SessionTranscript) {
        if tools.stop.isRequested { throw StopRequested() }
        let script = SessionScript(lines: commands.map(\.line))
        var command = try tools.hostCommands.sessionCommand(script, host: host)
        command = command.retrying(command.retry?.atLeast(tools.retryBudget))
        let log = tools.log
        let node = self.node
        let shown = commands.map(\.shownLine)
        let timeouts = commands.map(\.command.timeout)
        let host = self.host
        let reading = Mutex((SessionOutputParser(script), SessionTranscript(count: commands.count)))
        let record: @Sendable ([SessionOutputParser.Event]) -> Void = { events in
            for event in events {
                Self.log(event, shown: shown, log: log, node: node)
                if case .began(let index) = event {
                    wait.update(ExecutionTools.running(shown[index], on: host, timeout: timeouts[index]))
                    onBegin?(index)
                }
            }
        }
        log.write(
            "> ssh session of \(commands.count) line(s) on \(tools.hostCommands.route(of: host))", node: node)
        let result = try await tools.runner.run(command) { chunk in
            let events = reading.withLock { state in
                let events = state.0.consume(chunk)
                for event in events { state.1.apply(event) }
                return events
            }
            record(events)
        }
        let transcript = reading.withLock { state in
            let events = state.0.finish()
            for event in events { state.1.apply(event) }
            record(events)
            return state.1
        }
        log.write(
            "> session ended: exit \(result.exitStatus)" + (result.timedOut ? " (timed out)" : ""), node: node)
        return (Self.judge(result, transcript: transcript), transcript)
    }

    /// What the session's result and transcript say about its lines.
    private static func judge(_ result: CommandResult, transcript: SessionTranscript) -> Pass {
        if let (index, status) = transcript.failed {
            return .failed(index: index, result: lineResult(transcript, index, .exited(status), session: result))
        }
        guard let index = transcript.firstUnfinished else { return .completed }
        var line = lineResult(transcript, index, result.termination, session: result)
        line.timedOut = result.timedOut
        if result.timedOut { return .failed(index: index, result: line) }
        if let record = result.retryRecord {
            // The retrying runner leaves a dropped connection to the session, which knows its lines.
            if record.failure == .connectionDropped { return .dropped(index: index, result: line, cause: record.cause) }
            line.retryRecord = record
            return .failed(index: index, result: line)
        }
        if let cause = SessionDrop.cause(result, transcript) {
            return .dropped(index: index, result: line, cause: cause)
        }
        return .failed(index: index, result: line)
    }

    /// Line `index` as if it had run alone; a line that never finished also gets the output of the
    /// session itself (ssh's or sudo's last words).
    private static func lineResult(
        _ transcript: SessionTranscript, _ index: Int, _ termination: CommandResult.Termination,
        session: CommandResult
    ) -> CommandResult {
        let line = transcript.lines[index]
        let finished = line.status != nil
        let stdout = line.stdout + (finished ? [] : transcript.stdout)
        let stderr = line.stderr + (finished ? [] : transcript.stderr)
        return CommandResult(
            termination: termination, duration: session.duration, stdout: Self.joined(stdout),
            stderr: Self.joined(stderr))
    }

    private static func joined(_ lines: [String]) -> String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private static func log(
        _ event: SessionOutputParser.Event, shown: [String], log: any CommandLogging, node: String
    ) {
        switch event {
        case .began(let index): log.write("$ " + shown[index], node: node)
        case .output(_, let chunk): log.write((chunk.source == .stderr ? "! " : "| ") + chunk.line, node: node)
        case .ended(_, let status): log.write("= exit \(status)", node: node)
        }
    }
}

/// Whether a session that ended before all its lines did lost its connection while a line ran.
enum SessionDrop {
    /// ssh's line about the lost connection, when the session ended on one; nil when it ended otherwise
    /// (a refusal before the script ran, `sudo` asking for a password).
    static func cause(_ result: CommandResult, _ transcript: SessionTranscript) -> String? {
        switch SSHFailure.classify(result) {
        case .dropped(let cause)?: return cause
        case .notConnected(let cause)?:
            // ssh found the master connection gone after the script had started: the output says it did.
            return transcript.lines.contains(where: \.began) ? cause : nil
        case nil: return nil
        }
    }
}

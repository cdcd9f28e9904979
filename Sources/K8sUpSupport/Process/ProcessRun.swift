import Foundation
import Glibc
import Synchronization

/// One launch of one `Command` by `ProcessRunner`: starts the child, collects its output and ends
/// the wait exactly once, when the child has exited and both pipes are closed (in any order).
///
/// The child always leads its own process group (Foundation starts it with `POSIX_SPAWN_SETPGROUP`),
/// so stopping it signals the whole group: grandchildren such as `sleep 100 &` go too. Stopping means
/// SIGTERM, then SIGKILL after `gracePeriod`, then, if some process that escaped the group still keeps
/// a pipe open `abandonAfter` later, giving up on the pipes; so `run` returns at the latest after
/// timeout + grace + abandonAfter.
final class ProcessRun: Sendable {
    /// Why k8sup is stopping the child.
    private enum StopReason {
        case timedOut
        case cancelled
    }

    /// Everything the launching task, the reader threads, the termination handler and the timers
    /// share, behind `state`'s lock.
    private struct State {
        var continuation: CheckedContinuation<CommandResult, any Error>?
        /// The child's pid, which is also its process group id; 0 until launched.
        var processGroup: pid_t = 0
        var startedAt = ContinuousClock.now
        /// Cancellation arrived before the child existed.
        var cancelledBeforeLaunch = false
        var stopReason: StopReason?
        var termination: CommandResult.Termination?
        var captures: [OutputChunk.Source: BoundedCapture] = [:]
        var finished = false
    }

    private let command: Command
    private let gracePeriod: Duration
    private let abandonAfter: Duration
    private let sink: (@Sendable (OutputChunk) -> Void)?
    private let state = Mutex(State())
    /// Serialises sink calls from the two reader threads.
    private let sinkLock = Mutex(())
    /// Tells both readers to stop waiting for end of file.
    private let abandonSignal: AbandonSignal

    /// Throws `CommandError.launchFailed` when k8sup is out of file descriptors.
    init(
        command: Command,
        gracePeriod: Duration,
        abandonAfter: Duration,
        sink: (@Sendable (OutputChunk) -> Void)?
    ) throws(CommandError) {
        guard let abandonSignal = AbandonSignal() else {
            throw .launchFailed(command, reason: "cannot create a socket pair: \(String(cString: strerror(errno)))")
        }
        self.command = command
        self.gracePeriod = gracePeriod
        self.abandonAfter = abandonAfter
        self.sink = sink
        self.abandonSignal = abandonSignal
    }

    /// Runs the child to the end; throws `CancellationError` once it has been stopped if the calling
    /// task was cancelled.
    func execute(executable: String, environment: [String: String]) async throws -> CommandResult {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                launch(executable: executable, environment: environment, continuation: continuation)
            }
        } onCancel: {
            stop(.cancelled)
        }
    }

    private func launch(
        executable: String,
        environment: [String: String],
        continuation: CheckedContinuation<CommandResult, any Error>
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = command.arguments
        process.environment = environment
        if let directory = command.workingDirectory {
            process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        }
        // Never the terminal: a child reading it from k8sup's background group would stop (SIGTTIN).
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        // Foundation's pipes are inheritable; a process started by anything but Foundation (which
        // closes stray descriptors in its children) would otherwise hold them open and delay EOF.
        for end in [
            stdout.fileHandleForReading, stdout.fileHandleForWriting, stderr.fileHandleForReading,
            stderr.fileHandleForWriting,
        ] {
            _ = fcntl(end.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        // Set before run(): a fast child can exit before run() returns. Weakly: Foundation keeps the
        // Process (and so this handler) after the child ended, and a strong capture kept every run and
        // its socket pair open, one descriptor per command until k8sup crashed past about a thousand.
        // The caller holds the run until it has ended.
        process.terminationHandler = { [weak self] ended in
            let status = ended.terminationStatus
            self?.childEnded(ended.terminationReason == .uncaughtSignal ? .signalled(status) : .exited(status))
        }
        let cancelledEarly = state.withLock { state in
            state.continuation = continuation
            state.startedAt = .now
            return state.cancelledBeforeLaunch
        }
        guard !cancelledEarly, !Task.isCancelled else {
            resume(with: .failure(CancellationError()))
            return
        }
        do {
            try SignalMask.withNoSignalsBlocked { try process.run() }
        } catch {
            resume(with: .failure(CommandError.launchFailed(command, reason: error.localizedDescription)))
            return
        }
        let cancelledDuringLaunch = state.withLock { state in
            state.processGroup = process.processIdentifier
            return state.cancelledBeforeLaunch
        }
        startTimer()
        for (pipe, source) in [(stdout, OutputChunk.Source.stdout), (stderr, .stderr)] {
            let reader = PipeReader(
                pipe: pipe.fileHandleForReading, source: source, limit: command.outputLimit,
                abandonSignal: abandonSignal, deliver: sink.map(serialised))
            reader.start { [self] capture in streamClosed(source, capture) }
        }
        // onCancel may have run while the child was being started, before there was a group to signal.
        if cancelledDuringLaunch || Task.isCancelled { stop(.cancelled) }
    }

    private func serialised(_ sink: @escaping @Sendable (OutputChunk) -> Void) -> @Sendable (OutputChunk) -> Void {
        { [self] chunk in sinkLock.withLock { _ in sink(chunk) } }
    }

    private func startTimer() {
        schedule(after: command.timeout) { run in run.stop(.timedOut) }
    }

    /// Starts the stop sequence (once): SIGTERM to the group now, SIGKILL after the grace period.
    private func stop(_ reason: StopReason) {
        let group: pid_t? = state.withLock { state in
            guard !state.finished, state.stopReason == nil else { return nil }
            guard state.processGroup > 0 else {
                if reason == .cancelled { state.cancelledBeforeLaunch = true }
                return nil
            }
            state.stopReason = reason
            return state.processGroup
        }
        guard let group else { return }
        kill(-group, SIGTERM)
        schedule(after: gracePeriod) { run in
            kill(-group, SIGKILL)
            run.schedule(after: run.abandonAfter) { run in run.abandon(group) }
        }
    }

    /// Runs `step` after `delay` unless the run has finished (or is gone) by then.
    ///
    /// On a Dispatch queue rather than with `Task.sleep`: the deadline then holds even while every
    /// thread of the Swift concurrency pool is busy (a pool of two threads on a two-core node). The
    /// step holds the run weakly, so a long timeout left pending keeps no finished run alive.
    private func schedule(after delay: Duration, _ step: @escaping @Sendable (ProcessRun) -> Void) {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = max(0, min(seconds, Int64(Int32.max))) * 1_000_000_000 + attoseconds / 1_000_000_000
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [weak self] in
            guard let self, !self.isFinished else { return }
            step(self)
        }
    }

    /// Gives up on pipes a process outside the group (one that called `setsid`) keeps open.
    private func abandon(_ child: pid_t) {
        let known = state.withLock { $0.termination != nil }
        // A child whose exit Foundation has not reported (an escaped process also holds the socket
        // Foundation watches) is still waitable; WNOWAIT reads its status and leaves it to Foundation.
        if !known { childEnded(Self.peekTermination(of: child) ?? .signalled(SIGKILL)) }
        abandonSignal.fire()
    }

    private static func peekTermination(of child: pid_t) -> CommandResult.Termination? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(child), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info.si_code != 0 else {
            return nil
        }
        let status = info._sifields._sigchld.si_status
        return info.si_code == CLD_EXITED ? .exited(status) : .signalled(status)
    }

    private var isFinished: Bool { state.withLock { $0.finished } }

    private func childEnded(_ termination: CommandResult.Termination) {
        finishIfDone { state in
            if state.termination == nil { state.termination = termination }
        }
    }

    private func streamClosed(_ source: OutputChunk.Source, _ capture: BoundedCapture) {
        finishIfDone { $0.captures[source] = capture }
    }

    /// Applies `update`, then ends the wait if the child has exited and both pipes are closed.
    private func finishIfDone(_ update: (inout State) -> Void) {
        let outcome: (CheckedContinuation<CommandResult, any Error>, Result<CommandResult, any Error>)? =
            state.withLock { state in
                update(&state)
                guard !state.finished, let termination = state.termination, state.captures.count == 2,
                    let continuation = state.continuation
                else { return nil }
                state.finished = true
                state.continuation = nil
                if state.stopReason == .cancelled { return (continuation, .failure(CancellationError())) }
                return (continuation, .success(Self.result(termination, state: &state)))
            }
        if let (continuation, result) = outcome { continuation.resume(with: result) }
    }

    private static func result(_ termination: CommandResult.Termination, state: inout State) -> CommandResult {
        var stdout = state.captures[.stdout] ?? BoundedCapture(limit: .default)
        var stderr = state.captures[.stderr] ?? BoundedCapture(limit: .default)
        return CommandResult(
            termination: termination, timedOut: state.stopReason == .timedOut,
            duration: state.startedAt.duration(to: .now),
            stdout: stdout.text(), stderr: stderr.text(),
            stdoutTruncated: stdout.isTruncated, stderrTruncated: stderr.isTruncated)
    }

    /// Ends the wait before the child ran (cancelled, or the launch failed).
    private func resume(with result: Result<CommandResult, any Error>) {
        let continuation = state.withLock { state in
            state.finished = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }
}

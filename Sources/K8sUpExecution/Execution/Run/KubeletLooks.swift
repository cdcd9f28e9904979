import Foundation
import K8sUpPlanning
import K8sUpSupport

/// Looks at the kubelet on a node through the playbook's read-only steps: `kubelet_status` (its systemd
/// unit) while k8sup waits for the node after a restart, and `kubelet_logs` (its last journal lines) when
/// it does not come up. Each look is one short command through the node's transport, written to the
/// node's log like the kubectl looks (the line, then what it showed), not through a heartbeat: the wait
/// that looks already reports.
struct KubeletLooks: Sendable {
    /// What the messages call the kubelet: `the new kubelet v1.29.15`, `the rolled-back kubelet v1.28.15`.
    let subject: String
    let node: String
    private let status: [HostCommandFactory.HostCommand]
    private let logs: [HostCommandFactory.HostCommand]
    private let runner: any CommandRunning
    private let log: any CommandLogging

    /// How many journal lines a message carries at most.
    static let journalLines = 20
    /// A look is over in moments; an ssh that hangs must not hold the wait up for a step's whole timeout.
    static let lookTimeout: Duration = .seconds(30)

    /// The looks for `run`'s node, or nil when its playbook has no `kubelet_status` lines for it (an
    /// older playbook, or `kubelet_status: []`): the wait then goes by the node's readiness alone.
    init?(_ run: NodeRun, tools: ExecutionTools, subject: String) {
        func commands(_ step: PlaybookStep) -> [HostCommandFactory.HostCommand] {
            do {
                return try tools.hostCommands.commands(
                    step, node: run.node, hopVersion: run.hop.version, runtime: run.runtime, preview: false
                ).map { command in
                    var command = command
                    command.command.timeout = min(command.command.timeout, Self.lookTimeout)
                    return command
                }
            } catch {
                tools.log.write(
                    "~ \(step.rawValue) cannot be rendered, so k8sup goes without it: \(ErrorText.firstLine(error))",
                    node: run.name)
                return []
            }
        }
        status = commands(.kubeletStatus)
        guard !status.isEmpty else { return nil }
        logs = commands(.kubeletLogs)
        self.subject = subject
        node = run.name
        runner = tools.runner
        log = tools.log
    }

    /// The unit's state now; nil when the look failed or printed no `ActiveState` (written to the log:
    /// a failed look neither fails nor ends the wait).
    func unitState() async throws -> KubeletUnitState? {
        var output = ""
        for command in status {
            guard let result = try await look(command) else { return nil }
            output += result.stdout
        }
        guard let state = KubeletUnitState.parse(output) else {
            log.write("= kubelet_status printed no ActiveState= line; looking again later", node: node)
            return nil
        }
        log.write("= kubelet unit " + state.description, node: node)
        return state
    }

    /// The kubelet's last journal lines, each also written to the node's log.
    func journal() async throws -> KubeletJournal {
        guard !logs.isEmpty else { return KubeletJournal(lines: []) }
        var lines: [String] = []
        for command in logs {
            guard let result = try await look(command, keepingOutput: true) else {
                return KubeletJournal(lines: [], unreadable: "kubelet_logs failed; see the node's log")
            }
            lines += result.stdout.split(whereSeparator: \.isNewline).map(String.init)
        }
        return KubeletJournal(lines: Array(lines.suffix(Self.journalLines)))
    }

    /// Runs one command; its result when it exited 0, else nil (the log says how it ended).
    private func look(_ command: HostCommandFactory.HostCommand, keepingOutput: Bool = false) async throws
        -> CommandResult?
    {
        log.write("$ " + command.shownLine, node: node)
        let result: CommandResult
        do {
            result = try await runner.run(command.command, output: nil)
        } catch let error as CancellationError {
            throw error
        } catch {
            log.write("! " + ErrorText.firstLine(error), node: node)
            return nil
        }
        if keepingOutput || !result.succeeded {
            for line in result.stdout.split(whereSeparator: \.isNewline) { log.write("| " + line, node: node) }
            for line in result.stderr.split(whereSeparator: \.isNewline).suffix(5) {
                log.write("! " + line, node: node)
            }
        }
        guard result.succeeded else {
            log.writeEnd(of: result, node: node)
            return nil
        }
        return result
    }
}

/// The last lines of the kubelet's journal, for a failure message.
package struct KubeletJournal: Sendable, Equatable {
    package var lines: [String]
    /// Why there are no lines, when `kubelet_logs` failed.
    package var unreadable: String?

    /// The lines after a message's first: `  the kubelet's journal ended with:` and the lines indented.
    package var details: String {
        if let unreadable { return "\n  the kubelet's journal could not be read: " + unreadable }
        guard !lines.isEmpty else { return "" }
        return "\n  the kubelet's journal ended with:" + lines.map { "\n    " + $0 }.joined()
    }
}

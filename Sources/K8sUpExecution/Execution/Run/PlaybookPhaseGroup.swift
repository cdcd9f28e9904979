import K8sUpPlanning
import K8sUpSupport
import Synchronization

/// Consecutive plan steps that are all playbook lines on the node's host (back up the kubelet, upgrade
/// kubeadm, `kubeadm upgrade node`), run as one ssh session. Each step still starts and finishes in the
/// events and the journal, when its first line starts; a failure names the step whose line failed.
struct PlaybookPhaseGroup: NodePhase {
    let members: [PlaybookPhase]

    var action: StepAction { members.first?.action ?? .backupKubelet }

    func run(_ node: NodeRun) async throws {
        try await run(node) { _ in }
    }

    /// Runs the members' lines; `entering` is told each member after the first as its first line starts.
    /// Throws `GroupStepFailure` naming the member that failed.
    func run(_ node: NodeRun, entering: @escaping @Sendable (StepAction) -> Void) async throws {
        var commands: [HostCommandFactory.HostCommand] = []
        var owner: [Int] = []
        // A step whose lines cannot be rendered fails as that step, after the steps before it ran.
        var unrendered: (member: Int, error: any Error)?
        for (index, member) in members.enumerated() {
            do {
                for step in PlaybookStep.steps(for: member.action, role: node.node.clusterRole) {
                    let lines = try node.tools.hostCommands.commands(
                        step, node: node.node, hopVersion: node.hop.version, runtime: node.runtime, preview: false)
                    commands += lines
                    owner += Array(repeating: index, count: lines.count)
                }
            } catch {
                unrendered = (index, error)
                commands = Array(commands.prefix(owner.prefix { $0 < index }.count))
                owner = owner.filter { $0 < index }
                break
            }
        }
        let members = self.members
        let owners = owner
        let current = Mutex(0)
        // The undo comes first: from the kubelet step's first line on, a failure must restore the kubelet.
        let touching = members.firstIndex(where: \.touchesKubelet)
        if let touching, touching < (unrendered?.member ?? members.count) { node.pushUndo(.rollbackKubelet) }
        do {
            _ = try await HostSession(tools: node.tools, node: node.name, host: node.node.host).run(
                commands, during: node.event(.waiting, step: action.rawValue), doing: action.activity,
                activities: owners.map { members[$0].action.activity }
            ) { line in
                let member = owners[line]
                let entered = current.withLock { current -> Range<Int> in
                    guard member > current else { return 0..<0 }
                    defer { current = member }
                    return (current + 1)..<(member + 1)
                }
                for index in entered { entering(members[index].action) }
            }
        } catch {
            let failed = current.withLock { $0 }
            if let touching, failed < touching { node.dropUndo(.rollbackKubelet) }
            throw GroupStepFailure(action: members[failed].action, error: error)
        }
        // Steps without lines (a playbook that leaves one out) still start and finish, in order.
        let last = current.withLock { $0 }
        let end = unrendered.map { $0.member + 1 } ?? members.count
        for member in members[min(last + 1, end)..<end] { entering(member.action) }
        if let unrendered { throw GroupStepFailure(action: members[unrendered.member].action, error: unrendered.error) }
    }
}

/// A step of a `PlaybookPhaseGroup` failed: which one, and how.
struct GroupStepFailure: Error {
    let action: StepAction
    let error: any Error
}

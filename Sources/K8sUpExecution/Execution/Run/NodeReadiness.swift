import Foundation
import K8sUpPlanning
import K8sUpSupport

/// Waits until a node is up at a version: Ready, its kubelet reporting the version and, for a
/// control-plane node being upgraded, its kube-apiserver static pod Ready at the version and `/readyz`
/// answering `ok`. One good look is not enough (a kubelet can report Ready once and then crash-loop):
/// it takes two in a row, `verifyInterval` apart. A zero interval asks for one look: a second look
/// taken at once would confirm nothing a crash-looping kubelet could show.
///
/// Beside the kubectl looks, every `kubeletStatusInterval` it looks at the kubelet's systemd unit when
/// the playbook can (`KubeletLooks`): a unit that failed or crash-loops ends the wait at once, with the
/// kubelet's last journal lines, instead of waiting out `--node-ready-timeout` with the node drained.
struct NodeReadiness: Sendable {
    let tools: ExecutionTools
    /// The looks at the kubelet's unit; nil waits on readiness alone.
    var kubelet: KubeletLooks?
    /// Whether the unit is looked at even while the node looks up. A rollback's wait needs it: the node
    /// may still show the Ready its old kubelet reported before the restart. A look that shows a new
    /// version came from the new kubelet, so an upgrade's wait goes without (and saves the ssh).
    var looksAtUnitWhileUp = true

    /// - Parameters:
    ///   - controlPlane: Also check the kube-apiserver pod and `/readyz` (not after a rollback: the
    ///     static pods stay at the version kubeadm gave them).
    ///   - step: The event of the step that waits (`wait-ready`, or the rollback's).
    func wait(for node: String, at version: String, controlPlane: Bool, during step: ExecutionEvent) async throws {
        let settings = tools.settings
        let clock = tools.clock
        let timeout = settings.nodeReadyTimeout.compactDescription
        let deadline = clock.now().addingTimeInterval(settings.nodeReadyTimeout.timeInterval)
        let wanted = KubeVersion(version)
        try await tools.waiting(step, for: "\(node): not seen yet (timeout \(timeout))") { wait in
            var goodLooks = 0
            let looksNeeded = settings.verifyInterval > .zero ? 2 : 1
            var last = "not seen yet"
            var reported = ""
            // An upgrade's wait first looks at the unit one interval in: a kubelet just restarted is
            // still starting, and the early look would only cost the drained node an ssh connection.
            let firstUnitLook = clock.now().addingTimeInterval(
                looksAtUnitWhileUp ? 0 : settings.kubeletStatusInterval.timeInterval)
            var unit = UnitWatch(looks: kubelet, interval: settings.kubeletStatusInterval, start: firstUnitLook)
            var notUpPause = Self.firstPause
            while true {
                var up = false
                do {
                    let look = try await controlPlane ? tools.probe.controlPlaneNode(node) : tools.probe.node(node)
                    last = look.description
                    if Self.isUp(look, at: wanted, controlPlane: controlPlane) {
                        up = true
                        goodLooks += 1
                        if goodLooks >= looksNeeded { return }
                        wait.update(
                            "\(node): \(last); looking again to confirm it stays up (timeout \(timeout))")
                    } else {
                        wait.update("\(node): \(last)\(unit.shown) (timeout \(timeout))")
                        if last != reported {
                            wait.report("waiting until \(node) is Ready at \(version); now \(last)")
                            reported = last
                        }
                        goodLooks = 0
                    }
                } catch let error as CancellationError {
                    throw error
                } catch {
                    // The apiserver may be restarting (kubeadm just replaced it); keep looking until the deadline.
                    last = "no answer: " + ErrorText.firstLine(error)
                    wait.update("\(node): \(last) (timeout \(timeout))")
                    goodLooks = 0
                }
                let unitLooks = !up || looksAtUnitWhileUp
                if unitLooks { try await unit.look(at: clock.now(), node: node, wait: wait) }
                let now = clock.now()
                if now >= deadline {
                    let journal = try await kubelet?.journal() ?? KubeletJournal(lines: [])
                    throw ExecutionError.notReady(
                        node: node, version: version, timeout: timeout, last: last, journal: journal)
                }
                // The interval separates the two good looks. A node not up yet is looked at again sooner: a
                // quarter of a second after the restart, then at growing pauses up to 2 s (never more than
                // the interval), the last time at the deadline, so that a kubelet that comes up at once
                // does not keep its node drained for a whole polling pause.
                let interval = settings.verifyInterval.timeInterval
                let pause =
                    goodLooks > 0 ? interval : min(interval, notUpPause, deadline.timeIntervalSince(now))
                if goodLooks == 0 { notUpPause = min(notUpPause * 2, Self.longestPause) }
                // A unit look that falls due sooner is not put off until the next kubectl look.
                let nextUnitLook = unitLooks ? (unit.nextLook ?? .distantFuture) : Date.distantFuture
                try await clock.sleep(until: min(now.addingTimeInterval(pause), nextUnitLook))
            }
        }
    }

    /// The looks at the kubelet's unit during one wait: when the next is due, and what they showed.
    private struct UnitWatch {
        let looks: KubeletLooks?
        let interval: Double
        var due: Date
        var judge = KubeletStartJudge()
        var state: KubeletUnitState?

        init(looks: KubeletLooks?, interval: Duration, start: Date) {
            self.looks = looks
            self.interval = interval.timeInterval
            due = start
        }

        /// When the next look at the unit is due; nil without looks.
        var nextLook: Date? { looks == nil ? nil : due }

        /// `; kubelet unit activating (auto-restart), exit status 1, 2 restarts` while the unit is not running.
        var shown: String {
            guard let state, state.activeState != "active" else { return "" }
            return "; kubelet unit " + state.description
        }

        /// Looks at the unit when a look is due; throws `kubeletDoesNotStart` when it cannot start.
        mutating func look(at now: Date, node: String, wait: Wait) async throws {
            guard let looks, now >= due else { return }
            due = now.addingTimeInterval(interval)
            guard let seen = try await looks.unitState() else { return }
            if seen != state, seen.activeState != "active" {
                wait.report("\(node): kubelet unit \(seen)")
            }
            state = seen
            guard let failure = judge.judge(seen, at: now) else { return }
            wait.report("\(node): \(looks.subject) does not start: \(failure); reading its journal")
            throw ExecutionError.kubeletDoesNotStart(
                node: node, kubelet: looks.subject, cause: failure.description, journal: try await looks.journal())
        }
    }

    /// The pause before the second look at a node that was not up at the first, in seconds.
    static let firstPause = 0.25
    /// The longest pause between looks at a node that is not up yet, in seconds.
    static let longestPause = 2.0

    static func isUp(_ look: NodeProbe.Observation, at version: KubeVersion?, controlPlane: Bool) -> Bool {
        guard let version, look.ready, let kubelet = look.kubeletVersion, sameRelease(kubelet, version) else {
            return false
        }
        guard controlPlane else { return true }
        guard let apiserver = look.apiserverVersion else { return false }
        return sameRelease(apiserver, version) && look.apiserverReady && look.readyz
    }

    /// Major, minor and patch equal (a distribution's build suffix does not count).
    static func sameRelease(_ a: KubeVersion, _ b: KubeVersion) -> Bool {
        a.major == b.major && a.minor == b.minor && a.patch == b.patch
    }
}

/// `wait-ready`: the node is up at the hop's version.
struct VerifyPhase: NodePhase {
    let action = StepAction.waitReady

    func run(_ node: NodeRun) async throws {
        let looks = KubeletLooks(node, tools: node.tools, subject: "the new kubelet \(node.hop.version)")
        // The hop's version differs from the node's old one, so a good look is the new kubelet's own.
        let fresh = KubeVersion(node.hop.version) != KubeVersion(node.node.from)
        try await NodeReadiness(tools: node.tools, kubelet: looks, looksAtUnitWhileUp: !fresh).wait(
            for: node.name, at: node.hop.version, controlPlane: node.isControlPlane,
            during: node.event(.waiting, step: action.rawValue))
    }
}

import Foundation

/// Waits until a node is up at a version: Ready, its kubelet reporting the version and, for a
/// control-plane node being upgraded, its kube-apiserver static pod Ready at the version and `/readyz`
/// answering `ok`. One good look is not enough (a kubelet can report Ready once and then crash-loop):
/// it takes two in a row, `verifyInterval` apart.
struct NodeReadiness: Sendable {
    let tools: ExecutionTools

    /// - Parameters:
    ///   - controlPlane: Also check the kube-apiserver pod and `/readyz` (not after a rollback: the
    ///     static pods stay at the version kubeadm gave them).
    ///   - step: The event of the step that waits (`wait-ready`, or the rollback's).
    func wait(for node: String, at version: String, controlPlane: Bool, during step: ExecutionEvent) async throws {
        let settings = tools.settings
        let timeout = settings.nodeReadyTimeout.compactDescription
        let deadline = ContinuousClock.now + settings.nodeReadyTimeout
        let wanted = KubeVersion(version)
        try await tools.waiting(step, for: "\(node): not seen yet (timeout \(timeout))") { wait in
            var goodLooks = 0
            var last = "not seen yet"
            var reported = ""
            while true {
                do {
                    let look = try await controlPlane ? tools.probe.controlPlaneNode(node) : tools.probe.node(node)
                    last = look.description
                    if Self.isUp(look, at: wanted, controlPlane: controlPlane) {
                        goodLooks += 1
                        if goodLooks >= 2 { return }
                        wait.update(
                            "\(node): \(last); looking again to confirm it stays up (timeout \(timeout))")
                    } else {
                        wait.update("\(node): \(last) (timeout \(timeout))")
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
                let now = ContinuousClock.now
                if now >= deadline {
                    throw ExecutionError.notReady(node: node, version: version, timeout: timeout, last: last)
                }
                // The interval separates the two good looks; a node not up yet is looked at again sooner,
                // the last time at the deadline.
                try await Task.sleep(
                    for: goodLooks > 0
                        ? settings.verifyInterval : min(settings.verifyInterval, .seconds(2), deadline - now))
            }
        }
    }

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
        try await NodeReadiness(tools: node.tools).wait(
            for: node.name, at: node.hop.version, controlPlane: node.isControlPlane,
            during: node.event(.waiting, step: action.rawValue))
    }
}

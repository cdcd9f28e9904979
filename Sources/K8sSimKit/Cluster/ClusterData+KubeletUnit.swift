/// The kubelets' systemd units (`KubeletUnit`): what a start makes of the unit (running, crash-looping
/// or failed as a `kubelet-fails` fault or a broken binary says), and what `systemctl show` and
/// `journalctl` read back through `NodeAPI`.
extension ClusterData {
    /// The kubelet's systemd unit on node `name` now.
    func kubeletUnit(_ name: String) -> NodeAPI.KubeletUnitReport? {
        guard let state = nodes[name] else { return nil }
        guard let unit = state.kubeletUnit else {
            let running = state.kubeletRunning
            return NodeAPI.KubeletUnitReport(
                activeState: running ? "active" : "inactive", subState: running ? "running" : "dead", restarts: 0,
                exitStatus: 0, journal: state.kubeletJournal)
        }
        let now = unit.state(at: self.now)
        let journal = state.kubeletJournal + unit.journal(node: name, at: self.now)
        return NodeAPI.KubeletUnitReport(
            activeState: now.active, subState: now.sub, restarts: now.restarts, exitStatus: now.exitStatus,
            journal: Array(journal.suffix(SimNodeState.journalLimit)))
    }

    /// The unit after a start or stop reported at `now`: running, stopped, or not starting as a fault or a
    /// broken binary makes it.
    func startedUnit(_ name: String, report: NodeAPI.KubeletReport, version: String, invocation: Int)
        -> KubeletUnit
    {
        var run = KubeletUnit.Run.running
        if let failure = report.startFailure {
            run = .crashLoop(restartSeconds: 10, exitStatus: 203, reason: failure)
        } else if !report.running {
            run = .stopped
        } else if case .kubeletFails(_, _, let mode, let seconds, let message)? = kubeletFault(
            on: name, version: version)
        {
            let reason = message ?? KubeletUnit.defaultFailure
            run =
                mode == .failed
                ? .failed(exitStatus: 1, reason: reason)
                : .crashLoop(restartSeconds: seconds, exitStatus: 1, reason: reason)
        }
        return KubeletUnit(
            run: run, startedAt: now, version: report.startFailure == nil ? version : "", invocation: invocation)
    }
}

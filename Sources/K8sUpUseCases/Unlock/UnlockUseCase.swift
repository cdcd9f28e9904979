import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpSupport

/// `unlock`: shows who holds the cluster lock (Lease `kube-system/k8sup`) and removes it, for when the
/// run that took it died without releasing it.
package struct UnlockUseCase {
    let context: CommandContext
    /// Run by hand: kubectl's answers are shown as they come, without retries (the Lease calls' retry
    /// rules need a retrying runner, which only apply's runs use).
    var runner: any CommandRunning = ProcessRunner()
    var clock: any WallClock = SystemWallClock()

    package init(context: CommandContext) {
        self.context = context
    }

    init(context: CommandContext, runner: any CommandRunning, clock: any WallClock) {
        self.context = context
        self.runner = runner
        self.clock = clock
    }

    /// `.done` when the lock was removed or there was none, `.declined` when the operator kept it.
    package func run(_ request: UnlockRequest) async throws -> UseCaseOutcome {
        let hasInventory = InventorySelection.isGiven(request.inventory, context: context)
        let loaded = hasInventory ? try InventorySelection.load(request.inventory, context: context) : nil
        var settings = InventorySettings()
        if let loaded, let roles = try? ClusterRoles(loaded) { settings = InventorySettings(loaded, roles: roles) }
        guard
            case .live(let kubectl, let kubeconfig, let kubeContext) =
                try ClusterStateSource.choose(request.cluster, settings: settings)
        else { throw RequestError.unlockNeedsLiveCluster }
        let runner = self.runner
        let reader = KubectlClusterReader(
            runner: runner, kubectl: kubectl, kubeconfig: kubeconfig, context: kubeContext)
        let client = LeaseClient(
            runner: runner, kubectl: { reader.kubectlCommand($0, timeout: $1) },
            stateDirectory: StateDirectory.resolve(explicit: request.stateDirectory, inventory: loaded))
        guard let lease = try await client.get() else {
            context.console.writeOutput("No k8sup lock on the cluster (\(LockError.leaseName) does not exist).\n")
            return .done
        }
        context.console.writeOutput(Self.describe(lease, now: clock.now()))
        let question = lease.isFree(at: clock.now()) ? "Remove it?" : "Remove it anyway?"
        guard try Confirmation.confirm(question, assumeYes: request.assumeYes, context: context, command: "unlock")
        else {
            context.console.writeOutput("Left the lock in place.\n")
            return .declined
        }
        try await client.delete()
        context.console.writeOutput("Removed \(LockError.leaseName).\n")
        return .done
    }

    /// The holder, the times and whether the lock has expired.
    static func describe(_ lease: LeaseRecord, now: Date) -> String {
        var text = "\(LockError.leaseName) is held by \(lease.holder.isEmpty ? "nobody (released)" : lease.holder)\n"
        if let runId = lease.runId {
            text += "  run:      \(runId)" + (lease.target.map { ", upgrading to \($0)" } ?? "") + "\n"
        }
        if let acquired = lease.acquireTime { text += "  taken:    \(stamp(acquired, now: now))\n" }
        if let renewed = lease.renewTime { text += "  renewed:  \(stamp(renewed, now: now))\n" }
        if let expires = lease.expires {
            text +=
                expires < now
                ? "  expired:  \(stamp(expires, now: now)): that run stopped renewing it and is most likely dead\n"
                : "  expires:  \(stamp(expires, now: now)) unless renewed: that run may still be working\n"
        }
        return text
    }

    /// `2025-01-02T03:04:05Z (4m10s ago)`.
    private static func stamp(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded())
        let span = Duration.seconds(abs(seconds)).compactDescription
        return RFC3339.format(date, fractionDigits: 0) + (seconds >= 0 ? " (\(span) ago)" : " (in \(span))")
    }
}

import Foundation
import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpSupport

/// `k8sup unlock`: shows who holds the cluster lock (Lease `kube-system/k8sup`) and removes it, for when
/// the run that took it died without releasing it. Exit 0 when the lock was removed or there was none.
struct UnlockCommand: Subcommand {
    static let spec = CommandSpec(
        name: "unlock",
        summary: "Show and remove a stale cluster lock left by a k8sup run that died.",
        sections: [
            OptionSection("Inventory", [Options.inventory]),
            OptionSection("Cluster", OptionSection.clusterAccess), .state, OptionSection("Run", [Options.yes]),
        ],
        discussion: """
            apply holds the Lease kube-system/k8sup while it runs, renewing it every 100 s (it expires 5m
            after the last renewal), so a second apply from any machine is refused. If the holder's
            machine crashed, its lock stays until it expires; unlock shows the holder, when it took the
            lock and last renewed it, and whether it has expired, then deletes it. Make sure that run is
            really gone first: two runs at once can leave nodes drained or half-upgraded.

            Asks for confirmation on a terminal; without a terminal --yes is required.
            With -i, the cluster is the one the inventory's plan reads (an inventory that names a
            k8sup_snapshot has no cluster to unlock unless --kubeconfig or --context is given).
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        // Run by hand: kubectl's answers are shown as they come, without retries (the Lease calls' retry
        // rules need a retrying runner, which only apply's runs use).
        try await run(arguments, context: context, runner: ProcessRunner(), clock: SystemWallClock())
    }

    static func run(
        _ arguments: ParsedArguments, context: CommandContext, runner: any CommandRunning, clock: any WallClock
    ) async throws -> ExitCode {
        let hasInventory = InventorySelection.isGiven(arguments, context: context)
        let loaded = hasInventory ? try InventorySelection.load(arguments, context: context, command: spec.name) : nil
        var settings = InventorySettings()
        if let loaded, let roles = try? ClusterRoles(loaded) { settings = InventorySettings(loaded, roles: roles) }
        guard
            case .live(let kubectl, let kubeconfig, let kubeContext) =
                try ClusterStateSource.choose(arguments, settings: settings, command: spec.name)
        else {
            throw UsageError(
                "the inventory reads the cluster from a snapshot (k8sup_snapshot), which has no lock; "
                    + "pass --kubeconfig or --context to unlock a live cluster", command: spec.name)
        }
        let reader = KubectlClusterReader(
            runner: runner, kubectl: kubectl, kubeconfig: kubeconfig, context: kubeContext)
        let client = LeaseClient(
            runner: runner, kubectl: { reader.kubectlCommand($0, timeout: $1) },
            stateDirectory: StateDirectory.resolve(explicit: arguments[Options.stateDir], inventory: loaded))
        guard let lease = try await client.get() else {
            context.console.writeOutput("No k8sup lock on the cluster (\(LockError.leaseName) does not exist).\n")
            return .ok
        }
        context.console.writeOutput(describe(lease, now: clock.now()))
        let question = lease.isFree(at: clock.now()) ? "Remove it?" : "Remove it anyway?"
        guard
            try Confirmation.confirm(question, assumeYes: arguments[Options.yes], context: context, command: spec.name)
        else {
            context.console.writeOutput("Left the lock in place.\n")
            return .failure
        }
        try await client.delete()
        context.console.writeOutput("Removed \(LockError.leaseName).\n")
        return .ok
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

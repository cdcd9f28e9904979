import K8sUpUseCases

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
        CLI.exitCode(for: try await UnlockUseCase(context: context).run(arguments.unlockRequest))
    }
}

import K8sUpUseCases

/// `k8sup apply`: runs the plan. With `--dry-run` it prints every command the upgrade
/// would run, in order, and changes nothing; without it, it upgrades the cluster.
struct ApplyCommand: Subcommand {
    static let spec = CommandSpec(
        name: "apply",
        summary: "Upgrade the cluster as `k8sup plan` shows it (--dry-run: print every command instead).",
        sections: OptionSection.planning(output: [Options.events]) + [
            OptionSection(
                "Run",
                [
                    Options.dryRun, Options.yes, Options.plan, Options.playbook, Options.forks, Options.canary,
                    Options.pause, Options.confirmEach,
                ]),
            OptionSection(
                "Drain and wait",
                [
                    Options.drainTimeout, Options.drainGracePeriod, Options.disableEvictionFallback,
                    Options.nodeReadyTimeout, Options.verifyInterval, Options.stepTimeout,
                ]),
            .state,
        ],
        rules: [.clusterSource, .atMostOne(.option(Options.dryRun), .option(Options.yes))],
        discussion: """
            Per hop: pre-flight checks (also over ssh, read-only, --forks hosts at a time: reachable with
            sudo -n, free disk, certificates, versions; `k8sup plan --help`), staging on every node (--forks
            at a time), an etcd snapshot, then the
            control-plane nodes one at a time and the workers one at a time (--batch N together; --batch
            auto: the plan's batches, each started once the previous one's evicted pods are Ready again and
            its budgets back at their level, within --node-ready-timeout, and packed again against where
            the pods are then): back up
            the kubelet, upgrade kubeadm, kubeadm upgrade, cordon and drain, upgrade kubelet and kubectl,
            restart the kubelet, wait until the node is Ready at the new version (control plane: its
            kube-apiserver too) twice in a row, --health-check, then uncordon — only nodes that were
            schedulable before. A failure after the kubelet was touched rolls the node back to its old
            kubelet and stops (exit 1; exit 3 if the rollback fails, with what to do by hand). A drain that
            does not finish within --drain-timeout stops the run and names the pods and budgets that held
            it; --disable-eviction-fallback retries it bypassing PodDisruptionBudgets (explicit opt-in).

            The run holds the Lease kube-system/k8sup (a second apply from anywhere is refused; `k8sup
            unlock` removes a stale one) and writes a journal in --state-dir (default: .k8sup beside the
            inventory). A re-run after a crash, kill or Ctrl-C first puts back the node it left open —
            finishing its upgrade if the new kubelet is up, else rolling it back — and restores original
            cordon states; nodes already at a hop's version are skipped. `k8sup status` shows the journal.
            Ctrl-C stops after the running command with the node put back (exit 130); twice stops at once.

            Transient trouble is ridden through: a kubectl call that fails because the cluster API did
            (connection refused or reset, timeouts, HTTP 429 outside evictions, 5xx, an etcd leader
            change) is tried again, waiting 1s, 2s, 4s … up to 15s (±20%) between attempts, for up to
            --api-retry-budget; so is an ssh connection that failed before the command ran, and one
            that dropped while it ran unless the playbook marks the command `rerun: false`. A drain is
            run again within what is left of its timeout. Putting a node back (uncordon, the rollback
            and its readiness looks) and releasing the lock get the longer of 5m and the budget. Each
            retry is a progress line with the error; Forbidden, NotFound, Invalid or a refused eviction
            are answers and are not retried.

            Progress goes to standard error, one line per step; --events FILE writes the same as JSON
            lines; every command's full output goes to DIR/logs/NODE.log. Values of vars whose names
            contain password, secret, token or key are shown as ***.

            --plan FILE applies a plan saved with `k8sup plan --out FILE` (its target, hops, --limit and
            --batch) after planning again: if the cluster drifted from it (a node's version or cordon
            state changed, a node appeared or went), apply refuses and names what changed.

            Asks for confirmation on a terminal; without one --yes is required.
            --dry-run prints every command in execution order and changes nothing; with --snapshot (or the
            inventory's k8sup_snapshot) it is fully offline. Exit codes: 0 done (or nothing to do), 1 a
            node failed and was put back, 2 blocked by checks, 3 a node needs repair by hand, 64 bad
            flags, 65 bad inventory, 130 interrupted.
            """, )

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let request = try arguments.applyRequest(command: spec.name)
        let apply = ApplyUseCase(context: context) { CLI.exitCode(for: $0).rawValue }
        return CLI.exitCode(for: try await apply.run(request))
    }
}

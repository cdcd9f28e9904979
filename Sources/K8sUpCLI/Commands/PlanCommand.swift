import K8sUpSupport
import K8sUpUseCases

/// `k8sup plan`: reads the inventory and the cluster (live or from a snapshot), plans the upgrade and
/// prints it with every check's findings; exit 2 when a blocker was found.
struct PlanCommand: Subcommand {
    static let spec = CommandSpec(
        name: "plan",
        summary: "Show what an upgrade will do and what will stop it (read-only).",
        sections: OptionSection.planning(output: [Options.out]), rules: [.clusterSource],
        discussion: """
            The target is --to, else the inventory's kube_version. The plan has one hop per minor version;
            an intermediate hop's patch comes from --via, else the inventory var k8sup_via, else k8sup's
            built-in table of latest patch releases (\(PatchReleases.coverage), as of \(PatchReleases.asOf)).

            The cluster is read with kubectl (--kubeconfig, --context, else kubectl's defaults), or from
            --snapshot FILE: the output of `kubectl get nodes,pods,pdb -A -o json`. An inventory may name
            a default snapshot with the var k8sup_snapshot (relative to the inventory).

            A live plan also reads every node to upgrade over ssh, read-only, 10 hosts at a time: ssh and
            sudo -n work, free disk on the paths the playbook writes (k8sup_min_free_mb, default 2048),
            control-plane certificate expiry, and on the first control-plane node the package version each
            hop installs and the component versions kubeadm upgrade plan reports. A snapshot plan says
            which of these checks it could not run.

            --batch auto (or the inventory var k8sup_batch: auto) packs each hop's workers into the largest
            batches whose evictions every PodDisruptionBudget allows at once, one zone at a time (label
            topology.kubernetes.io/zone, else the var k8sup_zone) unless --batch-across-zones, at most
            --max-unavailable workers (default 20% of the hop's), and whose pods' CPU and memory requests
            fit in what the schedulable nodes have free; the first batch is one worker alone. Each batch
            line says what held workers back; -v names each worker and its reason.

            Exit codes: 0 ready (or nothing to do), 2 blocked by checks, 64 bad flags, 65 bad inventory or
            snapshot, 1 kubectl failed.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        CLI.exitCode(for: try await PlanUseCase(context: context).run(arguments.planRequest))
    }
}

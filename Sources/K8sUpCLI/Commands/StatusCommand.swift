import K8sUpUseCases

/// `k8sup status`: what the journal says about past and interrupted runs, and each node's live version,
/// Ready and cordon state beside it. Read-only; exit 0 whether or not a cluster could be read.
struct StatusCommand: Subcommand {
    static let spec = CommandSpec(
        name: "status",
        summary: "Show the journal of past runs and each node's journal and live state.",
        sections: [
            OptionSection("Inventory", [Options.inventory]), .state, .cluster,
            OptionSection("Output", [Options.output]),
        ],
        rules: [.clusterSource],
        discussion: """
            Reads the journal (DIR/journal.jsonl; default DIR: .k8sup beside the inventory) and lists each
            apply run with its result — a run that did not finish crashed or was killed, and the next
            apply resumes it — then every node the journal or the cluster knows: its state in the
            journal beside its kubelet version, Ready and cordon state in the cluster. Nodes an
            interrupted run left cordoned are flagged; the next apply restores their cordon state.

            The cluster is read as plan reads it (--snapshot, the inventory's k8sup_snapshot, or kubectl
            with --kubeconfig/--context); when it cannot be read, only the journal is shown. Exit 0.
            """)

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        CLI.exitCode(for: try await StatusUseCase(context: context).run(arguments.statusRequest))
    }
}

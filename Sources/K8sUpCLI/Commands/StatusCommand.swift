import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpSupport

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
        let report = try await report(arguments, context: context, runner: ProcessRunner())
        switch arguments[Options.output] {
        case .json: context.console.writeOutput(StableJSON.encode(report))
        case .text: context.console.writeOutput(StatusTextRenderer.render(report))
        }
        return .ok
    }

    /// Reads the journal and the cluster into a report.
    static func report(
        _ arguments: ParsedArguments, context: CommandContext, runner: any CommandRunning,
        fileSystem: any FileSystemReading = LocalFileSystem()
    ) async throws -> StatusReport {
        let explicit = arguments[Options.stateDir]
        let hasInventory = InventorySelection.isGiven(arguments, context: context)
        guard hasInventory || explicit != nil else {
            throw UsageError(
                "no state directory: pass -i PATH (the journal is under .k8sup beside it) or --state-dir DIR",
                command: spec.name)
        }
        let loaded = hasInventory ? try InventorySelection.load(arguments, context: context, command: spec.name) : nil
        let directory = StateDirectory.resolve(explicit: explicit, inventory: loaded)
        let contents = try JournalReader.read(directory: directory, fileSystem: fileSystem)
        var settings = InventorySettings()
        if let loaded, let roles = try? ClusterRoles(loaded) { settings = InventorySettings(loaded, roles: roles) }
        let source = try ClusterStateSource.choose(arguments, settings: settings, command: spec.name)
        var cluster: ClusterState?
        var clusterError: String?
        switch source {
        case .snapshot(let path, let origin):
            cluster = try ClusterSnapshot.load(path: path, fileSystem: fileSystem).state
            cluster?.source = StatusReport.snapshotSourcePrefix + "\(path) (\(origin))"
        case .live(let kubectl, let kubeconfig, let kubeContext):
            let reader = KubectlClusterReader(
                runner: runner, kubectl: kubectl, kubeconfig: kubeconfig, context: kubeContext)
            // Not retried: status shows at once what it could read, and why it could not read the rest.
            let command = reader.kubectlCommand(["get", "nodes", "-o", "json"], timeout: .seconds(30))
            do {
                let result = try await runner.runChecked(command)
                cluster = try ClusterSnapshot.decode(text: result.stdout, source: "live (\(command.displayLine))").state
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                clusterError = "cannot read the cluster: \(error)"
            }
        }
        return StatusReport(
            journalPath: StateDirectory.journalPath(in: directory), contents: contents, cluster: cluster,
            clusterError: clusterError)
    }
}

import K8sUpCluster
import K8sUpExecution
import K8sUpInventory
import K8sUpSupport

/// `status`: what the journal says about past and interrupted runs, and each node's live version, Ready
/// and cordon state beside it. Read-only; a cluster that cannot be read is shown as such, not an error.
package struct StatusUseCase {
    let context: CommandContext

    package init(context: CommandContext) {
        self.context = context
    }

    /// Prints the report; `.done` whether or not the cluster could be read.
    package func run(_ request: StatusRequest) async throws -> UseCaseOutcome {
        let report = try await report(request, runner: ProcessRunner())
        switch request.output {
        case .json: context.console.writeOutput(StableJSON.encode(report))
        case .text: context.console.writeOutput(StatusTextRenderer.render(report))
        }
        return .done
    }

    /// Reads the journal and the cluster into a report.
    func report(
        _ request: StatusRequest, runner: any CommandRunning, fileSystem: any FileSystemReading = LocalFileSystem()
    ) async throws -> StatusReport {
        let explicit = request.stateDirectory
        let hasInventory = InventorySelection.isGiven(request.inventory, context: context)
        guard hasInventory || explicit != nil else { throw RequestError.noStateDirectory }
        let loaded = hasInventory ? try InventorySelection.load(request.inventory, context: context) : nil
        let directory = StateDirectory.resolve(explicit: explicit, inventory: loaded)
        let contents = try JournalReader.read(directory: directory, fileSystem: fileSystem)
        var settings = InventorySettings()
        if let loaded, let roles = try? ClusterRoles(loaded) { settings = InventorySettings(loaded, roles: roles) }
        let source = try ClusterStateSource.choose(request.cluster, settings: settings)
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

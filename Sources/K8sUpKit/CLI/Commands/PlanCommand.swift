import Foundation

/// `k8sup plan`: reads the inventory and the cluster (live or from a snapshot), plans the upgrade and
/// prints it with every check's findings; exit 2 when a blocker was found.
struct PlanCommand: Subcommand {
    static let spec = CommandSpec(
        name: "plan",
        summary: "Show what an upgrade will do and what will stop it (read-only).",
        synopsis: "[-i PATH]... [--to VERSION] [--via VERSION]... [-l PATTERN]... [--batch N] "
            + "[--snapshot FILE | --kubeconfig FILE --context NAME] [-o text|json] [--out FILE]",
        discussion: """
            The target is --to, else the inventory's kube_version. The plan has one hop per minor version;
            an intermediate hop's patch comes from --via, else the inventory var k8sup_via, else k8sup's
            built-in table of latest patch releases (\(PatchReleases.coverage), as of \(PatchReleases.asOf)).

            The cluster is read with kubectl (--kubeconfig, --context, else kubectl's defaults), or from
            --snapshot FILE: the output of `kubectl get nodes,pods,pdb -A -o json`. An inventory may name
            a default snapshot with the var k8sup_snapshot (relative to the inventory).

            Exit codes: 0 ready (or nothing to do), 2 blocked by checks, 64 bad flags, 65 bad inventory or
            snapshot, 1 kubectl failed.
            """,
        options: InventorySelection.options + [
            .value("to", name: "VERSION", help: "Target version (default: the inventory's kube_version)."),
            .value("via", name: "VERSION", repeatable: true, help: "Patch version for an intermediate minor."),
            .value("batch", name: "N", help: "Upgrade N workers at a time (default 1)."),
            .value("health-check", name: "CMD", help: "Command run after each node is Ready, before uncordon."),
            .value("snapshot", name: "FILE", help: "Plan from a saved `kubectl get nodes,pods,pdb -A -o json`."),
            .value("kubeconfig", name: "FILE", help: "kubeconfig for kubectl."),
            .value("context", name: "NAME", help: "kubeconfig context for kubectl."),
            .value("kubectl", name: "PATH", help: "The kubectl to run (default: kubectl on PATH)."),
            .value("output", short: "o", name: "FORMAT", help: "text (default) or json."),
            .value("out", name: "FILE", help: "Also save the plan as JSON, for `k8sup apply --plan FILE`."),
        ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let format = try outputFormat(arguments)
        let options = try planOptions(arguments)
        let loaded = try InventorySelection.load(arguments, context: context, command: spec.name)
        let roles = try ClusterRoles(loaded)
        let selected = try InventorySelection.selectedHosts(arguments, in: loaded)
        let settings = InventorySettings(loaded, roles: roles)
        let source = try ClusterStateSource.choose(arguments, settings: settings, command: spec.name)
        let (cluster, live) = try await source.read(runner: ProcessRunner(), fileSystem: LocalFileSystem())
        let inputs = PlanInputs(
            inventorySources: try InventorySelection.sources(arguments, context: context, command: spec.name),
            roles: roles, selectedHosts: Set(selected), limit: InventorySelection.limit(arguments), cluster: cluster,
            options: options, inventoryTarget: settings.kubeVersion, inventoryVia: settings.via, live: live)
        let plan = try Planner.plan(inputs)
        if let path = arguments.value("out") {
            try writePlan(plan, to: path)
        }
        switch format {
        case .json: context.console.writeOutput(PlanJSON.encode(plan))
        case .text: context.console.writeOutput(PlanTextRenderer.render(plan, colour: context.usesColour))
        }
        return plan.isBlocked ? .blocked : .ok
    }

    enum OutputFormat: String {
        case text, json
    }

    private static func outputFormat(_ arguments: ParsedArguments) throws(UsageError) -> OutputFormat {
        let value = arguments.value("output") ?? "text"
        guard let format = OutputFormat(rawValue: value) else {
            throw UsageError("-o/--output must be text or json, not '\(value)'", command: spec.name)
        }
        return format
    }

    private static func planOptions(_ arguments: ParsedArguments) throws(UsageError) -> PlanOptions {
        var options = PlanOptions()
        if let text = arguments.value("to") { options.target = try version(text, flag: "--to") }
        for text in arguments.values("via") { options.via.append(try version(text, flag: "--via")) }
        if let text = arguments.value("batch") {
            guard let size = Int(text), size >= 1 else {
                throw UsageError("--batch must be a whole number of at least 1, not '\(text)'", command: spec.name)
            }
            options.batchSize = size
        }
        options.healthCheck = arguments.value("health-check")
        return options
    }

    private static func version(_ text: String, flag: String) throws(UsageError) -> KubeVersion {
        do {
            return try KubeVersion(parsing: text)
        } catch {
            throw UsageError("\(flag): \(error)", command: spec.name)
        }
    }

    private static func writePlan(_ plan: UpgradePlan, to path: String) throws {
        do {
            try PlanJSON.encode(plan).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw PlanOutputError(path: path, reason: error.localizedDescription)
        }
    }
}

/// `--out FILE` could not be written.
struct PlanOutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write the plan to '\(path)': \(reason)" }
}

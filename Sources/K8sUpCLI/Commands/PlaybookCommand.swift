import K8sUpInventory
import K8sUpPlanning
import K8sUpSupport
import K8sUpUseCases

/// `k8sup playbook`: lists the built-in playbooks, shows one (as YAML, or rendered for an inventory's
/// nodes), and validates playbook files before an upgrade uses them.
struct PlaybookCommand: Subcommand {
    static let spec = CommandSpec(
        name: "playbook",
        summary: "List, show and validate playbooks, the recipes k8sup runs on each node.",
        sections: [.inventory, OptionSection("Preview (with -i)", [Options.to, Options.from])],
        forms: [
            UsageForm("list", options: []),
            UsageForm("show", "NAME|FILE", options: [Options.inventory, Options.limit, Options.to, Options.from]),
            UsageForm("validate", "NAME|FILE...", options: [Options.inventory, Options.limit, Options.to]),
        ],
        discussion: """
            list      prints the built-in playbooks with their descriptions (\(PlaybookCatalog.defaultName) is the
                      default).
            show      prints a playbook's YAML. With -i it prints instead the commands each cluster node of
                      the inventory would run, step by step, for the hop to --to (default: the inventory's
                      kube_version) from --from (default: the minor before, .0); the package version found
                      on the node while running shows as ${package_version}, secret-looking vars as ***.
            validate  loads each playbook and prints 'NAME: ok' or its errors with file:line:column. With -i
                      it also renders every step for every selected node, which finds vars the playbook
                      declares without a default that the inventory does not set.

            A playbook is a built-in name or a YAML file; Playbooks/README.md describes the format. With -i,
            the named playbook is used for every node, whatever k8sup_playbook says.
            Exit codes: 0 ok, 64 bad arguments, 65 a playbook or the inventory has errors.
            """,
        maxPositionals: 1000)

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        guard let action = arguments.positionals.first else {
            throw UsageError("choose an action: list, show or validate", command: spec.name)
        }
        let operands = Array(arguments.positionals.dropFirst())
        switch action {
        case "list":
            try refuseInventoryOptions(arguments, action: action)
            guard operands.isEmpty else { throw UsageError("list takes no arguments", command: spec.name) }
            context.console.writeOutput(list())
            return .ok
        case "show":
            guard operands.count == 1, let name = operands.first else {
                throw UsageError("show takes one playbook: a built-in name or a file", command: spec.name)
            }
            return try show(name, arguments: arguments, context: context)
        case "validate":
            guard !operands.isEmpty else {
                throw UsageError("validate needs at least one playbook file or name", command: spec.name)
            }
            return try validate(operands, arguments: arguments, context: context)
        default:
            throw UsageError("unknown action '\(action)': use list, show or validate", command: spec.name)
        }
    }

    private static func list() -> String {
        let names = PlaybookCatalog.builtinNames
        let width = (names.map(\.count).max() ?? 0) + 2
        return names.map { name in
            let description = PlaybookCatalog.builtin(name)?.description ?? ""
            let marker = name == PlaybookCatalog.defaultName ? " (default)" : ""
            return name.padding(to: width) + description + marker + "\n"
        }.joined()
    }

    private static func show(_ name: String, arguments: ParsedArguments, context: CommandContext) throws -> ExitCode {
        let (playbook, text) = try PlaybookCatalog.load(name, fileSystem: LocalFileSystem())
        guard usesInventory(arguments) else {
            try refuseInventoryOptions(arguments, action: "show without -i")
            context.console.writeOutput(text)
            return .ok
        }
        let preview = try self.preview(playbook, arguments: arguments, context: context)
        context.console.writeOutput(try preview.text())
        return .ok
    }

    private static func validate(_ names: [String], arguments: ParsedArguments, context: CommandContext) throws
        -> ExitCode
    {
        if arguments[Options.from] != nil {
            throw UsageError("--from only goes with show -i", command: spec.name)
        }
        var failed = false
        for name in names {
            var problems: [PlaybookError] = []
            do {
                let (playbook, _) = try PlaybookCatalog.load(name, fileSystem: LocalFileSystem())
                if usesInventory(arguments) {
                    problems = try preview(playbook, arguments: arguments, context: context).problems()
                }
            } catch let error as PlaybookError {
                problems = error.all
            }
            if problems.isEmpty {
                context.console.writeOutput("\(name): ok\n")
            } else {
                failed = true
                for problem in problems {
                    let text = problem.description
                    let named = text.hasPrefix("host ") ? "\(name): \(text)" : text
                    context.console.writeError("k8sup: error: \(named)\n")
                }
            }
        }
        return failed ? .dataError : .ok
    }

    private static func usesInventory(_ arguments: ParsedArguments) -> Bool {
        !arguments[Options.inventory].isEmpty
    }

    private static func refuseInventoryOptions(_ arguments: ParsedArguments, action: String) throws(UsageError) {
        let needingInventory: [any OptionDeclaring] = [Options.limit, Options.to, Options.from]
        for option in needingInventory where arguments.contains(option) {
            throw UsageError(
                "--\(option.spec.long) needs -i INVENTORY, which \(action) does not take", command: spec.name)
        }
        if usesInventory(arguments) { throw UsageError("\(action) takes no -i", command: spec.name) }
    }

    private static func preview(_ playbook: Playbook, arguments: ParsedArguments, context: CommandContext) throws
        -> PlaybookPreview
    {
        let loaded = try InventorySelection.load(arguments.inventoryChoice, context: context)
        let roles = try ClusterRoles(loaded)
        let hosts = Set(try InventorySelection.selectedHosts(arguments.inventoryChoice, in: loaded))
        let target = try arguments[Options.to] ?? inventoryTarget(InventorySettings(loaded, roles: roles).kubeVersion)
        let from = arguments[Options.from] ?? KubeVersion(target.major, max(target.minor - 1, 0), 0)
        return PlaybookPreview(
            playbook: playbook, loaded: loaded, roles: roles, hosts: hosts, target: target, from: from)
    }

    /// The inventory's `kube_version`, the target when `--to` is not given.
    private static func inventoryTarget(_ text: String?) throws(UsageError) -> KubeVersion {
        guard let text else {
            throw UsageError(
                "no target version: pass --to VERSION or set kube_version in the inventory", command: spec.name)
        }
        do {
            return try KubeVersion(parsing: text)
        } catch {
            throw UsageError("kube_version: \(error)", command: spec.name)
        }
    }
}

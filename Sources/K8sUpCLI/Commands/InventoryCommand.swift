import K8sUpInventory
import K8sUpUseCases

/// `k8sup inventory`: shows an inventory exactly as Ansible reads it (`--list`, `--graph`, `--host`),
/// what a `--limit` selects (`--list-hosts`), and the cluster roles k8sup derives from it (`--roles`).
struct InventoryCommand: Subcommand {
    static let spec = CommandSpec(
        name: "inventory",
        summary: "Show an inventory as Ansible reads it, and the cluster roles k8sup derives from it.",
        sections: [
            .inventory,
            OptionSection(
                "Show", [Options.list, Options.graph, Options.vars, Options.host, Options.listHosts, Options.roles]),
        ],
        rules: [
            .exactlyOne(
                .option(Options.list),
                .sequence([.option(Options.graph), .optional(.operand("GROUP")), .optional(.option(Options.vars))]),
                .option(Options.host), .option(Options.listHosts), .option(Options.roles))
        ],
        discussion: """
            --list prints the same JSON as `ansible-inventory --list` (without Ansible's internal
            `_meta.profile`); --graph and --host print what `ansible-inventory --graph` and `--host` print.
            --limit takes Ansible host patterns (all, *, names, groups, a,b a:b a:&b a:!b, node*, ~regex,
            group[0], group[1:3], @file) plus the aliases masters/control-plane and nodes/workers; a pattern
            that matches nothing is an error. Unlike Ansible, --graph shows only the hosts --limit selects.

            PATH is an INI or YAML inventory file or a Kubespray inventory directory; group_vars/ and
            host_vars/ beside it are read. Default: $K8SUP_INVENTORY.
            """,
        maxPositionals: 1)

    /// What the command prints; exactly one per invocation.
    private enum Mode: CaseIterable {
        case list, graph, host, listHosts, roles

        /// The option that asks for it.
        var option: any OptionDeclaring {
            switch self {
            case .list: Options.list
            case .graph: Options.graph
            case .host: Options.host
            case .listHosts: Options.listHosts
            case .roles: Options.roles
            }
        }
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> ExitCode {
        let mode = try chooseMode(arguments)
        let loaded = try InventorySelection.load(arguments.inventoryChoice, context: context)
        let selection = try InventorySelection.selectedHosts(arguments.inventoryChoice, in: loaded)
        let output: String
        switch mode {
        case .list:
            InventoryListRenderer.write(loaded, selectedHosts: selection) { context.console.writeOutput(bytes: $0) }
            return .ok
        case .graph:
            let root = arguments.positionals.first ?? Inventory.allGroup
            guard loaded.inventory.groups[root] != nil else {
                throw UsageError(
                    "--graph needs a group name; '\(root)' is not a group in the inventory", command: spec.name)
            }
            output = InventoryGraphRenderer.render(
                loaded, from: root, selectedHosts: selection, showVars: arguments[Options.vars])
        case .host:
            let host = arguments[Options.host] ?? ""
            guard loaded.inventory.hosts[host] != nil else {
                throw InventoryError.pattern(
                    host, problem: "--host needs one host of the inventory; there is no host '\(host)'")
            }
            output = InventoryListRenderer.renderHost(loaded, host: host)
        case .listHosts:
            output = HostListRenderer.listHosts(selection)
        case .roles:
            output = ClusterRolesRenderer.render(try ClusterRoles(loaded), selectedHosts: Set(selection))
        }
        context.console.writeOutput(output)
        return .ok
    }

    private static func chooseMode(_ arguments: ParsedArguments) throws(UsageError) -> Mode {
        let modes = Mode.allCases.filter { arguments.contains($0.option) }
        guard modes.count == 1, let mode = modes.first else {
            let given = modes.map { "--" + $0.option.spec.long }.joined(separator: " and ")
            let problem = modes.isEmpty ? "choose what to show" : "\(given) cannot be combined"
            throw UsageError("\(problem): --list, --graph, --host, --list-hosts or --roles", command: spec.name)
        }
        if arguments[Options.vars] && mode != .graph {
            throw UsageError("--vars only works with --graph", command: spec.name)
        }
        if let group = arguments.positionals.first, mode != .graph {
            throw UsageError("unexpected argument '\(group)' (a GROUP is only taken by --graph)", command: spec.name)
        }
        return mode
    }
}

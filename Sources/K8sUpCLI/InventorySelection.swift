import K8sUpInventory

/// What the inventory options every command shares mean: `-i PATH` (default `$K8SUP_INVENTORY`) and
/// `--limit`.
enum InventorySelection {
    /// The environment variable used when `-i` is absent.
    static let environmentVariable = "K8SUP_INVENTORY"

    /// The `--limit` patterns joined as Ansible joins them, or nil without any.
    static func limit(_ arguments: ParsedArguments) -> String? {
        let limits = arguments[Options.limit]
        return limits.isEmpty ? nil : limits.joined(separator: ",")
    }

    /// The `-i` paths, or the environment default; a usage error when there is neither.
    static func sources(_ arguments: ParsedArguments, context: CommandContext, command: String) throws(UsageError)
        -> [String]
    {
        let given = arguments[Options.inventory]
        if !given.isEmpty { return given }
        if let fallback = context.environment[environmentVariable], !fallback.isEmpty { return [fallback] }
        throw UsageError("no inventory: pass -i PATH or set \(environmentVariable)", command: command)
    }

    /// Whether an inventory was named, by `-i` or the environment (commands that can do without one ask).
    static func isGiven(_ arguments: ParsedArguments, context: CommandContext) -> Bool {
        !arguments[Options.inventory].isEmpty || !(context.environment[environmentVariable] ?? "").isEmpty
    }

    /// Loads the inventory and prints the loader's warnings.
    static func load(_ arguments: ParsedArguments, context: CommandContext, command: String) throws -> LoadedInventory {
        let paths = try sources(arguments, context: context, command: command)
        let loaded = try InventoryLoader().load(sources: paths)
        for warning in loaded.warnings { context.console.warn(warning) }
        return loaded
    }

    /// The hosts `--limit` selects (all hosts without it), in Ansible's order.
    static func selectedHosts(_ arguments: ParsedArguments, in loaded: LoadedInventory) throws(InventoryError)
        -> [String]
    {
        guard let limit = limit(arguments) else { return loaded.inventory.hosts(inGroup: Inventory.allGroup) }
        let roles = try? ClusterRoles(loaded)
        let controlPlane = roles?.controlPlane.map(\.host) ?? []
        let workers = roles?.workers.map(\.host) ?? []
        let resolver = HostPatternResolver(
            inventory: loaded.inventory, aliases: PatternAliases(controlPlane: controlPlane, workers: workers))
        return try resolver.select(limit)
    }
}

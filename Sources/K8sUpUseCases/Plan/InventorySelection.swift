import K8sUpInventory

/// What the inventory choice every command shares means: the paths (default `$K8SUP_INVENTORY`) and
/// the `--limit` patterns.
package enum InventorySelection {
    /// The environment variable used when no path is given.
    package static let environmentVariable = "K8SUP_INVENTORY"

    /// The limit patterns joined as Ansible joins them, or nil without any.
    static func limit(_ choice: InventoryChoice) -> String? {
        choice.limits.isEmpty ? nil : choice.limits.joined(separator: ",")
    }

    /// The given paths, or the environment default; a request error when there is neither.
    static func sources(_ choice: InventoryChoice, context: CommandContext) throws(RequestError) -> [String] {
        if !choice.paths.isEmpty { return choice.paths }
        if let fallback = context.environment[environmentVariable], !fallback.isEmpty { return [fallback] }
        throw .noInventory
    }

    /// Whether an inventory was named, by path or the environment (commands that can do without one ask).
    static func isGiven(_ choice: InventoryChoice, context: CommandContext) -> Bool {
        !choice.paths.isEmpty || !(context.environment[environmentVariable] ?? "").isEmpty
    }

    /// Loads the inventory and prints the loader's warnings.
    package static func load(_ choice: InventoryChoice, context: CommandContext) throws -> LoadedInventory {
        let paths = try sources(choice, context: context)
        let loaded = try InventoryLoader().load(sources: paths)
        for warning in loaded.warnings { context.console.warn(warning) }
        return loaded
    }

    /// The hosts the limit selects (all hosts without one), in Ansible's order.
    package static func selectedHosts(_ choice: InventoryChoice, in loaded: LoadedInventory) throws(InventoryError)
        -> [String]
    {
        guard let limit = limit(choice) else { return loaded.inventory.hosts(inGroup: Inventory.allGroup) }
        let roles = try? ClusterRoles(loaded)
        let controlPlane = roles?.controlPlane.map(\.host) ?? []
        let workers = roles?.workers.map(\.host) ?? []
        let resolver = HostPatternResolver(
            inventory: loaded.inventory, aliases: PatternAliases(controlPlane: controlPlane, workers: workers))
        return try resolver.select(limit)
    }
}

/// Options under one heading in a command's help ("Inventory", "Cluster"). The shared groups are
/// declared here once and reused by every command that takes them.
struct OptionSection: Sendable {
    let title: String
    let options: [OptionSpec]

    init(_ title: String, _ keys: [any OptionDeclaring]) {
        self.title = title
        self.options = keys.map(\.spec)
    }

    /// `-i` and `-l`, as every inventory-reading command takes them.
    static let inventory = OptionSection("Inventory", [Options.inventory, Options.limit])

    /// How kubectl reaches the cluster.
    static let clusterAccess: [any OptionDeclaring] = [Options.kubeconfig, Options.context, Options.kubectl]

    /// Where the cluster state comes from: a snapshot file, or kubectl.
    static let cluster = OptionSection("Cluster", [Options.snapshot] + clusterAccess)

    static let state = OptionSection("State", [Options.stateDir])

    /// What shapes a plan, as `plan` and `apply` share them; `output` adds command-specific output options.
    /// Both read a live cluster and its nodes, so both ride through transient failures within
    /// `--api-retry-budget`.
    static func planning(output: [any OptionDeclaring] = []) -> [OptionSection] {
        [
            inventory,
            OptionSection(
                "Plan",
                [
                    Options.to, Options.via, Options.batch, Options.maxUnavailable, Options.batchAcrossZones,
                    Options.healthCheck,
                ]),
            OptionSection("Cluster", [Options.snapshot] + clusterAccess + [Options.apiRetryBudget]),
            OptionSection("Output", [Options.output, Options.verbose] + output),
        ]
    }
}

extension UsageTerm {
    /// `[--snapshot FILE | [--kubeconfig FILE] [--context NAME]]`: a snapshot replaces kubectl's access.
    static let clusterSource = UsageTerm.atMostOne(
        .option(Options.snapshot),
        .sequence([.optional(.option(Options.kubeconfig)), .optional(.option(Options.context))]))
}

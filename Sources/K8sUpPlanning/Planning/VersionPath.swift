import K8sUpSupport

/// The target and the hop versions of an upgrade: one hop per minor from the lowest
/// version running in scope to the target; an intermediate hop's patch version comes from `--via`, else
/// the inventory's `k8sup_via`, else k8sup's built-in release table.
struct VersionPath: Equatable {
    struct HopVersion: Equatable {
        var version: KubeVersion
        var source: String
    }

    var target: KubeVersion
    var targetSource: String
    var hops: [HopVersion]

    /// Where a hop's patch version came from, as `UpgradePlan.Hop.versionSource` says it.
    enum Source {
        static let target = "target"
        static let via = "--via"
        static let inventoryVia = "k8sup_via (inventory)"
        static let builtInTable = "k8sup's built-in release table (\(PatchReleases.asOf))"

        /// A short name for a table column: `target`, `--via`, `k8sup_via` or `built-in`; any other text
        /// (a plan saved by another k8sup version) as it is.
        static func shortName(_ source: String) -> String {
            switch source {
            case inventoryVia: return "k8sup_via"
            case builtInTable: return "built-in"
            default: return source
            }
        }
    }

    /// Picks the target: `--to`, else `kube_version` from the inventory.
    static func target(options: PlanOptions, inventoryTarget: String?) throws -> (KubeVersion, String) {
        if let target = options.target { return (target, "--to") }
        guard let text = inventoryTarget, !text.isEmpty else { throw PlanError.noTarget }
        do {
            return (try KubeVersion(parsing: text), "kube_version (inventory)")
        } catch {
            throw PlanError.badInventoryVersion(variable: "kube_version", value: text, problem: "\(error)")
        }
    }

    /// The hop versions from `lowest` (the oldest apiserver or kubelet in scope) to `target`.
    /// Minors the path cannot name a patch for are reported in `unknownMinors`.
    static func hops(
        from lowest: KubeVersion, to target: KubeVersion, via: [KubeVersion], inventoryVia: [String]
    ) throws -> (hops: [HopVersion], unknownMinors: [KubeMinor]) {
        let minors: [KubeMinor]
        do {
            minors = try lowest.minorHops(to: target)
        } catch {
            return ([], [])
        }
        try validate(via: via, between: lowest, and: target, flag: "--via")
        let inventoryVersions = try inventoryVia.map { text in
            do {
                return try KubeVersion(parsing: text)
            } catch {
                throw PlanError.badInventoryVersion(variable: "k8sup_via", value: text, problem: "\(error)")
            }
        }
        var hops: [HopVersion] = []
        var unknown: [KubeMinor] = []
        for minor in minors {
            if minor == target.minorVersion {
                hops.append(HopVersion(version: target, source: Source.target))
            } else if let chosen = via.first(where: { $0.minorVersion == minor }) {
                hops.append(HopVersion(version: chosen, source: Source.via))
            } else if let chosen = inventoryVersions.first(where: { $0.minorVersion == minor }) {
                hops.append(HopVersion(version: chosen, source: Source.inventoryVia))
            } else if let known = PatchReleases.latest(of: minor) {
                hops.append(HopVersion(version: known, source: Source.builtInTable))
            } else {
                unknown.append(minor)
            }
        }
        return (hops, unknown)
    }

    /// `--via` versions must each name a different minor strictly between the start and the target.
    private static func validate(via: [KubeVersion], between lowest: KubeVersion, and target: KubeVersion, flag: String)
        throws(PlanError)
    {
        var seen: Set<KubeMinor> = []
        for version in via {
            let minor = version.minorVersion
            guard minor > lowest.minorVersion, minor < target.minorVersion else {
                throw .badVia(
                    "\(flag) \(version) is not between \(lowest.minorVersion) and \(target.minorVersion), "
                        + "the minors this upgrade passes through")
            }
            guard seen.insert(minor).inserted else {
                throw .badVia("\(flag) names two versions of \(minor); give one per minor")
            }
        }
    }
}

import Foundation

/// `dnf` (and `yum`): `makecache`, `install [--downloadonly] PKG-VERSION…`, `reinstall` and
/// `list --showduplicates PKG`, reading the repository from `etc/yum.repos.d/*.repo` on every run as dnf
/// does, or only the one `--repofrompath=NAME,URL` names. The repository file's `exclude=` hides the Kubernetes packages unless
/// `--disableexcludes=kubernetes` (or `=all`), as with the pkgs.k8s.io instructions.
struct DnfStandIn {
    var context: StandInContext

    func run() -> Int32 {
        let words = context.arguments.filter { !$0.hasPrefix("-") }
        let options = Set(context.arguments.filter { $0.hasPrefix("-") })
        guard let verb = words.first else { return context.fail("Error", "No command given") }
        do {
            var state = try context.loadState()
            let repository = DnfRepository.load(context: context)
            let includeExcluded =
                options.contains("--disableexcludes=kubernetes") || options.contains("--disableexcludes=all")
            let catalog = PackageCatalog(layout: state.layout)
            let available = (repository?.minor).map { catalog.versions(minor: $0) } ?? []
            var visible = (repository?.excludes == false || includeExcluded) ? available : []
            // `--repofrompath=NAME,URL --repo=NAME`: that repository alone, for this command.
            if let option = options.first(where: { $0.hasPrefix("--repofrompath=") }),
                let comma = option.firstIndex(of: ",")
            {
                let url = String(option[option.index(after: comma)...])
                visible = PackageCatalog.minor(inRepositoryURL: url).map { catalog.versions(minor: $0) } ?? []
            }
            let arguments = Array(words.dropFirst().filter { $0 != "kubernetes" || verb != "makecache" })
            switch verb {
            case "makecache":
                context.out("Metadata cache created.\n")
                return 0
            case "install", "reinstall":
                return try install(
                    arguments, visible: visible, reinstall: verb == "reinstall",
                    downloadOnly: options.contains("--downloadonly"), state: &state, catalog: catalog)
            case "list":
                return list(arguments, visible: visible, duplicates: options.contains("--showduplicates"), state: state)
            default:
                return context.fail("Error", "k8sim: `dnf \(verb)` is not simulated")
            }
        } catch {
            return context.fail("Error", "k8sim: \(error)")
        }
    }

    private func install(
        _ specs: [String], visible: [String], reinstall: Bool, downloadOnly: Bool, state: inout SandboxState,
        catalog: PackageCatalog
    ) throws -> Int32 {
        var changes: [(name: String, version: String)] = []
        for spec in specs {
            guard let (name, version) = Self.resolve(spec, in: visible) else {
                context.out("No match for argument: \(spec)\n")
                return context.fail("Error", "Unable to find a match: \(spec)")
            }
            if state.packages[name] == version && !reinstall {
                context.out("Package \(name)-\(version).x86_64 is already installed.\n")
                continue
            }
            if reinstall && state.packages[name] != version {
                return context.fail("Error", "Package \(name)-\(version) available, but not installed.")
            }
            changes.append((name, version))
        }
        context.out("Dependencies resolved.\n")
        guard !changes.isEmpty else {
            context.out("Nothing to do.\nComplete!\n")
            return 0
        }
        context.fetchPackages(changes.filter { !state.downloaded.contains($0.name + "=" + $0.version) }.count)
        for change in changes {
            if downloadOnly {
                state.downloaded.insert(change.name + "=" + change.version)
            } else {
                try catalog.install(change.name, version: change.version, into: &state, context: context)
                context.out("  Installing       : \(change.name)-\(change.version).x86_64\n")
            }
        }
        try context.save(state)
        context.out(
            downloadOnly
                ? "The downloaded packages were saved in cache until the next successful transaction.\n" : "Complete!\n"
        )
        return 0
    }

    private func list(_ names: [String], visible: [String], duplicates: Bool, state: SandboxState) -> Int32 {
        var installed = "", availableText = ""
        for name in names where PackageCatalog.packageNames.contains(name) {
            if let version = state.packages[name] { installed += Self.row(name, version, "@kubernetes") }
            let shown = duplicates ? visible : Array(visible.suffix(1))
            for version in shown where version != state.packages[name] || duplicates {
                availableText += Self.row(name, version, "kubernetes")
            }
        }
        guard !installed.isEmpty || !availableText.isEmpty else {
            return context.fail("Error", "No matching Packages to list")
        }
        if !installed.isEmpty { context.out("Installed Packages\n" + installed) }
        if !availableText.isEmpty { context.out("Available Packages\n" + availableText) }
        return 0
    }

    private static func row(_ name: String, _ version: String, _ repository: String) -> String {
        let package = name + ".x86_64"
        let padded = package + String(repeating: " ", count: max(1, 30 - package.count))
        return padded + version + String(repeating: " ", count: max(1, 30 - version.count)) + repository + "\n"
    }

    /// `kubeadm-1.30.4` or `kubeadm-1.30.4-150500.1.1` or `kubeadm`: the newest visible version matching.
    static func resolve(_ spec: String, in visible: [String]) -> (String, String)? {
        for name in PackageCatalog.packageNames.sorted(by: { $0.count > $1.count }) {
            if spec == name, let newest = visible.last { return (name, newest) }
            guard spec.hasPrefix(name + "-") else { continue }
            let wanted = String(spec.dropFirst(name.count + 1))
            if let version = visible.last(where: { $0 == wanted || $0.hasPrefix(wanted + "-") }) {
                return (name, version)
            }
        }
        return nil
    }
}

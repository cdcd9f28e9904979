import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `apt-get update` (learns the repository minor from the sources files) and `apt-get install` with
/// apt's rules that matter to an upgrade: `pkg=VERSION` or a version glob (`kubeadm=1.30.4-*`) must be in
/// the repository of the last update, a held package changes only with
/// `--allow-change-held-packages`, a downgrade only with `--allow-downgrades`, an installed version is
/// left alone unless `--reinstall`, and `--download-only` installs nothing.
struct AptGetStandIn {
    var context: StandInContext

    func run() -> Int32 {
        let words = context.arguments
        guard let verb = words.first(where: { !$0.hasPrefix("-") }) else {
            return context.fail("E", "Invalid operation", status: 100)
        }
        do {
            switch verb {
            case "update": return try update()
            case "install", "reinstall": return try install(reinstalling: verb == "reinstall")
            default: return context.fail("E", "k8sim: `apt-get \(verb)` is not simulated", status: 100)
            }
        } catch {
            return context.fail("E", "k8sim: \(error)", status: 100)
        }
    }

    private func update() throws -> Int32 {
        var state = try context.loadState()
        guard let source = AptSources.kubernetesSource(context: context) else {
            state.repositoryMinor = nil
            state.repositoryURL = nil
            try context.save(state)
            context.out("Reading package lists...\n")
            return 0
        }
        if let keyring = source.signedBy, !FileManager.default.fileExists(atPath: context.nodePath(keyring)) {
            context.err(
                "W: GPG error: \(source.url) InRelease: The following signatures couldn't be verified because the"
                    + " public key is not available: NO_PUBKEY 234654DA9A296436\n"
                    + "E: The repository '\(source.url) InRelease' is not signed.\n")
            return 100
        }
        guard !PackageCatalog(layout: state.layout).versions(minor: source.minor).isEmpty else {
            context.err("E: Failed to fetch \(source.url)/InRelease  404  Not Found\n")
            return 100
        }
        state.repositoryMinor = source.minor
        state.repositoryURL = source.url
        try context.save(state)
        context.out("Hit:1 \(source.url)/ InRelease\nReading package lists...\n")
        return 0
    }

    private func install(reinstalling: Bool) throws -> Int32 {
        var state = try context.loadState()
        let catalog = PackageCatalog(layout: state.layout)
        var options = Set<String>()
        var requests: [(name: String, pattern: String?)] = []
        var index = 0
        let words = context.arguments
        var seenVerb = false
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "-o" || word == "-c" || word == "-t" {
                index += 1
            } else if word.hasPrefix("-") {
                options.insert(word == "-d" ? "--download-only" : word)
            } else if !seenVerb {
                seenVerb = true
            } else {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                requests.append((parts[0], parts.count > 1 ? parts[1] : nil))
            }
        }
        let reinstall = reinstalling || options.contains("--reinstall")
        context.out("Reading package lists...\nBuilding dependency tree...\nReading state information...\n")
        let available = state.repositoryMinor.map { catalog.versions(minor: $0) } ?? []
        var changes: [(name: String, version: String)] = []
        for request in requests {
            guard PackageCatalog.packageNames.contains(request.name), !available.isEmpty else {
                return context.fail("E", "Unable to locate package \(request.name)", status: 100)
            }
            let matching = available.filter { version in
                guard let pattern = request.pattern else { return true }
                return fnmatch(pattern, version, 0) == 0
            }
            guard let version = matching.last else {
                return context.fail(
                    "E", "Version '\(request.pattern ?? "")' for '\(request.name)' was not found", status: 100)
            }
            if state.packages[request.name] == version && !reinstall {
                context.out("\(request.name) is already the newest version (\(version)).\n")
                continue
            }
            changes.append((request.name, version))
        }
        if let refusal = refusal(changes, state: state, options: options) { return refusal }
        context.fetchPackages(changes.filter { !state.downloaded.contains($0.name + "=" + $0.version) }.count)
        if options.contains("--download-only") {
            for change in changes { state.downloaded.insert(change.name + "=" + change.version) }
            try context.save(state)
            context.out("Download complete and in download only mode\n")
            return 0
        }
        for change in changes {
            try catalog.install(change.name, version: change.version, into: &state, context: context)
            context.out("Setting up \(change.name) (\(change.version)) ...\n")
        }
        try context.save(state)
        return 0
    }

    /// apt's refusals with `-y`: held packages and downgrades need their explicit `--allow-…` option.
    private func refusal(_ changes: [(name: String, version: String)], state: SandboxState, options: Set<String>)
        -> Int32?
    {
        let held = changes.map(\.name).filter { state.held.contains($0) && state.packages[$0] != nil }
        if !held.isEmpty && !options.contains("--allow-change-held-packages") {
            context.out("The following held packages will be changed:\n  \(held.joined(separator: " "))\n")
            return context.fail(
                "E", "Held packages were changed and -y was used without --allow-change-held-packages.", status: 100)
        }
        let downgrades = changes.filter { change in
            state.packages[change.name].map { PackageCatalog.isOlder(change.version, than: $0) } ?? false
        }
        if !downgrades.isEmpty && !options.contains("--allow-downgrades") {
            context.out(
                "The following packages will be DOWNGRADED:\n  \(downgrades.map(\.name).joined(separator: " "))\n")
            return context.fail(
                "E", "Packages were downgraded and -y was used without --allow-downgrades.", status: 100)
        }
        return nil
    }
}

/// `apt-cache madison PKG…` (the repository's versions of each package, newest first, in madison's
/// `name | version | repository Packages` columns) and `apt-cache policy PKG…`.
struct AptCacheStandIn {
    var context: StandInContext

    func run() -> Int32 {
        let words = context.arguments.filter { !$0.hasPrefix("-") }
        guard let verb = words.first else { return context.fail("E", "No operation given", status: 100) }
        do {
            let state = try context.loadState()
            let catalog = PackageCatalog(layout: state.layout)
            let versions = state.repositoryMinor.map { catalog.versions(minor: $0) } ?? []
            let repository = state.repositoryURL ?? ""
            for package in words.dropFirst() where PackageCatalog.packageNames.contains(package) {
                switch verb {
                case "madison":
                    let name = String(repeating: " ", count: max(0, 10 - package.count)) + package
                    for version in versions.reversed() {
                        context.out("\(name) | \(version) | \(repository)  Packages\n")
                    }
                case "policy":
                    context.out(
                        "\(package):\n  Installed: \(state.packages[package] ?? "(none)")\n"
                            + "  Candidate: \(versions.last ?? "(none)")\n")
                default:
                    return context.fail("E", "k8sim: `apt-cache \(verb)` is not simulated", status: 100)
                }
            }
            return 0
        } catch {
            return context.fail("E", "k8sim: \(error)", status: 100)
        }
    }
}

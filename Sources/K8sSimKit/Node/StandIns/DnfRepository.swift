import Foundation

/// The `[kubernetes]` repository of a node's `etc/yum.repos.d/*.repo` files: its minor (from `baseurl`)
/// and whether it excludes the Kubernetes packages.
struct DnfRepository: Equatable {
    var minor: String
    var excludes: Bool

    static func load(context: StandInContext) -> DnfRepository? {
        let directory = context.nodePath("etc/yum.repos.d")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".repo") }.sorted()
        for name in names {
            guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
            var minor: String?
            var excludes = false
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("baseurl=") {
                    minor = PackageCatalog.minor(inRepositoryURL: String(trimmed.dropFirst("baseurl=".count)))
                } else if trimmed.hasPrefix("exclude=") {
                    excludes = trimmed.contains("kubeadm")
                }
            }
            if let minor { return DnfRepository(minor: minor, excludes: excludes) }
        }
        return nil
    }
}

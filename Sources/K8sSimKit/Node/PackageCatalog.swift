import Foundation

/// What the simulated pkgs.k8s.io repositories hold: for a minor, every release `PublishedReleases`
/// lists, as packages of the layout's revision (`1.30.4-1.1` for deb, `1.30.4-150500.1.1` for rpm).
struct PackageCatalog {
    let layout: SandboxLayout

    /// The packages the repositories carry.
    static let packageNames: Set<String> = ["kubeadm", "kubelet", "kubectl", "cri-tools", "kubernetes-cni"]
    /// The packages whose files are tool files in the bin directory.
    static let toolPackages: Set<String> = ["kubeadm", "kubelet", "kubectl"]

    /// The package versions of `minor` (`1.30`), oldest first; empty when the minor is not published.
    func versions(minor: String) -> [String] {
        guard let line = Self.minorNumbers(minor) else { return [] }
        return PublishedReleases.releases(major: line.major, minor: line.minor).map {
            "\($0.major).\($0.minor).\($0.patch)-\(layout.packageRevision)"
        }
    }

    /// The minor's deb package index (a flat repository's `Packages` file): a stanza per package version.
    func packagesIndex(minor: String) -> String {
        var text = ""
        for name in ["kubeadm", "kubectl", "kubelet"] {
            for version in versions(minor: minor) {
                text += "Package: \(name)\nVersion: \(version)\nArchitecture: amd64\n"
                text += "Filename: \(name)_\(version)_amd64.deb\n\n"
            }
        }
        return text
    }

    /// `1.30` from a repository URL naming `/v1.30/deb` or `/v1.30/rpm`.
    static func minor(inRepositoryURL url: String) -> String? {
        let parts = url.split(separator: "/")
        for (index, part) in parts.enumerated() where part.hasPrefix("v") && index + 1 < parts.count {
            let kind = parts[index + 1]
            guard kind == "deb" || kind == "rpm" else { continue }
            let minor = part.dropFirst()
            if minorNumbers(String(minor)) != nil { return String(minor) }
        }
        return nil
    }

    /// `(1, 30)` for `1.30`; nil unless the text is two numbers joined by a dot.
    static func minorNumbers(_ text: String) -> (major: Int, minor: Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        return (major, minor)
    }

    /// `v1.30.4` for the package version `1.30.4-1.1`.
    static func toolVersion(_ packageVersion: String) -> String {
        "v" + (packageVersion.split(separator: "-").first.map(String.init) ?? packageVersion)
    }

    /// Compares package versions by their release numbers.
    static func isOlder(_ lhs: String, than rhs: String) -> Bool {
        let left = numbers(lhs), right = numbers(rhs)
        return left.lexicographicallyPrecedes(right)
    }

    private static func numbers(_ version: String) -> [Int] {
        version.split(whereSeparator: { $0 == "." || $0 == "-" }).map { Int($0) ?? 0 }
    }

    /// Installs a package version: tool packages write their tool file into the bin directory.
    func install(_ name: String, version: String, into state: inout SandboxState, context: StandInContext) throws {
        if Self.toolPackages.contains(name) {
            let path = context.sandbox + "/" + layout.binDirectory + "/" + name
            try ToolFile(tool: name, version: Self.toolVersion(version)).install(
                at: path, executable: context.executable)
        }
        state.packages[name] = version
        state.downloaded.remove(name + "=" + version)
    }
}

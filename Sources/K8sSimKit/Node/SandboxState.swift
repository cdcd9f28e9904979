import Foundation

/// What a simulated node keeps about itself in `<sandbox>/.k8sim/node.json`: its package database
/// (installed versions, holds, downloads), the repository its package lists were last refreshed from,
/// and whether its kubelet runs. The package manager and systemctl stand-ins read and rewrite it.
struct SandboxState: Codable, Sendable, Equatable {
    var node: String
    var layout: SandboxLayout
    var controlPlane: Bool
    /// Installed package → package version (`kubeadm` → `1.29.8-1.1`).
    var packages: [String: String] = [:]
    /// Packages on hold (`apt-mark hold`).
    var held: Set<String> = []
    /// Packages fetched by a download-only install, as `name=version`.
    var downloaded: Set<String> = []
    /// The minor of the repository the package lists come from (`1.29`): what `apt-get update` last read
    /// from the sources, so a rewritten sources file counts only after the next update.
    var repositoryMinor: String?
    /// That repository's URL as the sources file names it (`https://pkgs.k8s.io/core:/stable:/v1.29/deb`).
    var repositoryURL: String?
    /// Whether the kubelet service runs (after `systemctl start`/`restart`, until `stop`).
    var kubeletRunning: Bool = true

    static let relativePath = ".k8sim/node.json"

    /// Reads the state of the sandbox at `sandbox`.
    static func load(sandbox: String) throws -> SandboxState {
        let path = sandbox + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SandboxError("\(path) is missing: \(sandbox) is not a k8sim node sandbox")
        }
        do {
            return try JSONDecoder().decode(SandboxState.self, from: data)
        } catch {
            throw SandboxError("\(path) is not a k8sim node state: \(error)")
        }
    }

    /// Writes the state atomically (a new file renamed over the old one).
    func save(sandbox: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: sandbox + "/" + Self.relativePath)
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

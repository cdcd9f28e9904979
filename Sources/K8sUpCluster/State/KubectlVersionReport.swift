import Foundation
import K8sUpReaders
import K8sUpSupport

/// What `kubectl version -o json` reports: kubectl's own version and, when it reached the cluster, the
/// apiserver's. The fallback for the control-plane version when no kube-apiserver static pod says it.
///
/// Versions come from `gitVersion` (`v1.30.4`, `v1.32.4-dispatcher`); `major` and `minor` are ignored,
/// because vendor builds print a minor such as `"32+"` and neither has the patch.
struct KubectlVersionReport: Sendable, Equatable {
    package var client: KubeVersion?
    /// Nil when kubectl could not reach the apiserver (or ran with `--client`).
    package var server: KubeVersion?

    package init(client: KubeVersion?, server: KubeVersion?) {
        self.client = client
        self.server = server
    }

    /// The command whose output this reads.
    package static let command = "kubectl version -o json"

    /// Reads the output; `source` names it in messages.
    package static func decode(text: String, source: String) throws(ClusterStateError) -> KubectlVersionReport {
        let root = try KubeJSONInput.parse(text, source: source, command: command)
        let info = try KubeJSONInput.decode(VersionInfo.self, from: root, command: command)
        return KubectlVersionReport(
            client: try version(info.clientVersion, at: "clientVersion", in: root),
            server: try version(info.serverVersion, at: "serverVersion", in: root))
    }

    /// Reads the output's bytes; `source` names it in messages.
    package static func decode(data: Data, source: String) throws(ClusterStateError) -> KubectlVersionReport {
        try decode(text: KubeJSONInput.text(of: [UInt8](data), source: source, command: command), source: source)
    }

    /// The apiserver's version from the output.
    /// - Throws: `.noServerVersion` when kubectl printed only its own version.
    package static func serverVersion(text: String, source: String) throws(ClusterStateError) -> KubeVersion {
        guard let server = try decode(text: text, source: source).server else { throw .noServerVersion(source: source) }
        return server
    }

    private static func version(
        _ info: VersionInfo.Info?, at member: String, in root: YAMLNode
    ) throws(ClusterStateError) -> KubeVersion? {
        guard let info else { return nil }
        do {
            return try KubeVersion(parsing: info.gitVersion)
        } catch {
            let path = KubeJSONPath().appending(member, "gitVersion")
            throw .wrongShape(
                KubeJSONInput.location(of: path, in: root), path: path.description, problem: error.description)
        }
    }

    /// The JSON: apimachinery's `version.Info` for each side.
    private struct VersionInfo: Decodable {
        /// One side: only `gitVersion` is read.
        struct Info: Decodable {
            var gitVersion: String
        }

        var clientVersion: Info?
        var serverVersion: Info?
    }
}

/// Why a version string was refused, or why an upgrade between two versions is impossible. These are
/// input errors (bad `--to`, `--via`, inventory vars or cluster data); each message says what was expected.
package enum VersionError: Error, Equatable, CustomStringConvertible {
    /// Not `v<major>.<minor>.<patch>` with an optional suffix.
    case notAVersion(String)
    /// `major.minor` where a full version was needed.
    case missingPatch(String)
    /// Not `v<major>.<minor>`.
    case notAMinorVersion(String)
    /// The target is older than the current version.
    case downgrade(from: KubeVersion, to: KubeVersion)
    /// The target has another major version.
    case majorChange(from: KubeVersion, to: KubeVersion)

    package var description: String {
        switch self {
        case .notAVersion(let text):
            return "\"\(text)\" is not a Kubernetes version: expected v<major>.<minor>.<patch>, e.g. v1.30.4"
        case .missingPatch(let text):
            return "\"\(text)\" is not a Kubernetes version: expected v<major>.<minor>.<patch>, e.g. v1.30.4 "
                + "(the patch number is missing)"
        case .notAMinorVersion(let text):
            return "\"\(text)\" is not a Kubernetes minor version: expected v<major>.<minor>, e.g. v1.30"
        case .downgrade(let from, let to):
            return "cannot go from \(from) to \(to): that is a downgrade, and kubeadm only upgrades"
        case .majorChange(let from, let to):
            return "cannot go from \(from) to \(to): k8sup upgrades within one major version only"
        }
    }
}

import Foundation

/// A Kubernetes minor release such as `v1.30`: the unit of an upgrade hop (kubeadm upgrades one minor at a
/// time), of the version-skew rules, and of the pkgs.k8s.io repository a node installs from.
package struct KubeMinor: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let major: Int
    package let minor: Int

    package init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Reads `v1.30`, `1.30` or `V1.30`, with surrounding whitespace. A full version such as `v1.30.4` is
    /// refused: take its `minorVersion` instead.
    package init(parsing text: String) throws(VersionError) {
        var scanner = VersionScanner(text.trimmingCharacters(in: .whitespacesAndNewlines))
        _ = scanner.skip("v") || scanner.skip("V")
        guard let major = scanner.number(), scanner.skip("."), let minor = scanner.number(), scanner.isAtEnd else {
            throw .notAMinorVersion(text)
        }
        self.init(major, minor)
    }

    /// `v1.30`.
    package var description: String { "v\(major).\(minor)" }

    /// The minor after this one.
    package var next: KubeMinor { KubeMinor(major, minor + 1) }

    /// How many minors `other` is ahead of this one (negative when behind), or nil across major versions.
    package func minors(to other: KubeMinor) -> Int? {
        other.major == major ? other.minor - minor : nil
    }

    package static func < (lhs: KubeMinor, rhs: KubeMinor) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

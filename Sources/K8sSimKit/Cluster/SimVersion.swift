import Foundation

/// A Kubernetes release as the simulated cluster reads one: `v1.30.4` (the `v` optional, also inside
/// `kubelet --version`'s `Kubernetes v1.30.4`), maybe a pre-release (`-rc.1`, `-alpha.2`, `-beta.0`, the
/// only pre-release tags Kubernetes cuts) or a vendor/build label (`-eks-0a21954`, `+k3s1`).
///
/// Order and equality are by release, a pre-release before its release; the vendor label is shown but
/// never compared, as a node built by a vendor runs that release.
package struct SimVersion: Sendable {
    package let major: Int
    package let minor: Int
    package let patch: Int
    /// `["rc", "1"]` for `-rc.1`; empty for a release.
    package let preRelease: [String]
    /// The vendor/build label as written (`-eks-0a21954`, `+k3s1`), or empty.
    package let label: String

    package init(_ major: Int, _ minor: Int, _ patch: Int, preRelease: [String] = [], label: String = "") {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
        self.label = label
    }

    /// nil unless `text` is a version in a form the type describes.
    package init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if rest.hasPrefix("Kubernetes ") { rest = rest.dropFirst("Kubernetes ".count) }
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        let core = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let major = numbers[0], let minor = numbers[1], let patch = numbers[2] else {
            return nil
        }
        let suffix = rest.dropFirst(core.count)
        let allowed = suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-+._".contains($0)) }
        guard allowed, suffix.isEmpty || suffix.first == "-" || suffix.first == "+" else { return nil }
        var preRelease: [String] = []
        var label = String(suffix)
        if suffix.first == "-" {
            let tag = suffix.dropFirst().prefix { $0 != "+" && $0 != "-" }
            let identifiers = tag.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let first = identifiers.first, ["alpha", "beta", "rc"].contains(first), !identifiers.contains("") {
                preRelease = identifiers
                label = String(suffix.dropFirst(1 + tag.count))
            }
        }
        self.init(major, minor, patch, preRelease: preRelease, label: label)
    }

    package var isPreRelease: Bool { !preRelease.isEmpty }

    /// The version without its vendor label: the form kubeadm and the package mirrors know.
    package var release: SimVersion { SimVersion(major, minor, patch, preRelease: preRelease) }

    /// `v1.30`: the minor release line, as kubeadm names its series.
    package var minorName: String { "v\(major).\(minor)" }

    /// Whether this version's minor line is `major.minor` or later.
    package func isAtLeast(_ major: Int, _ minor: Int) -> Bool { (self.major, self.minor) >= (major, minor) }
}

extension SimVersion: CustomStringConvertible {
    /// `v1.30.4`, `v1.31.0-rc.1`, `v1.28.6-eks-0a21954`.
    package var description: String {
        let pre = preRelease.isEmpty ? "" : "-" + preRelease.joined(separator: ".")
        return "v\(major).\(minor).\(patch)\(pre)\(label)"
    }
}

extension SimVersion: Hashable, Comparable {
    package static func == (lhs: SimVersion, rhs: SimVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch, lhs.preRelease) == (rhs.major, rhs.minor, rhs.patch, rhs.preRelease)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease)
    }

    /// By release; then a pre-release before the release, pre-releases identifier by identifier (numbers
    /// as numbers and before words).
    package static func < (lhs: SimVersion, rhs: SimVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        if lhs.preRelease.isEmpty || rhs.preRelease.isEmpty { return !lhs.preRelease.isEmpty && rhs.preRelease.isEmpty }
        for (left, right) in zip(lhs.preRelease, rhs.preRelease) where left != right {
            switch (Int(left), Int(right)) {
            case (let l?, let r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right
            }
        }
        return lhs.preRelease.count < rhs.preRelease.count
    }
}

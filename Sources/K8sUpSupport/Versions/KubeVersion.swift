import Foundation

/// A Kubernetes version such as `v1.30.4`: what `--to` and `--via` name, what kubelets and the apiserver
/// report, and what the planner compares for upgrade hops and version skew.
///
/// Parsing accepts `v1.30.4`, `1.30.4`, `V1.30.4`, surrounding whitespace, `kubelet --version` output
/// (`Kubernetes v1.28.6`), `gitVersion` strings from `kubectl version -o json`, pre-releases
/// (`v1.31.0-rc.1`, `-alpha.2`, `-beta.0`) and vendor or build suffixes (`v1.28.6-eks-0a21954`,
/// `v1.27.3-gke.100`, `v1.29.1+k3s1`). Numbers have no leading zeros, as in Kubernetes' own parser.
/// `1.30` (no patch) is not a version; it is a `KubeMinor`.
///
/// Ordering is semantic-versioning precedence: a pre-release (a suffix starting `-alpha`, `-beta` or `-rc`,
/// as Kubernetes tags them) comes before its release. Any other suffix is the vendor's build label: it is
/// kept for display but ignored by `==`, `<` and hashing, so `v1.28.6-eks-0a21954 == v1.28.6`, which is
/// what version-skew rules need.
package struct KubeVersion: Sendable {
    package let major: Int
    package let minor: Int
    package let patch: Int
    /// Pre-release identifiers, e.g. `["rc", "1"]` for `v1.31.0-rc.1`; empty for a release.
    let preRelease: [String]
    /// The vendor or build suffix as written (`-eks-0a21954`, `+k3s1`, `-gke.100`), or empty.
    let buildSuffix: String

    /// A version from its parts; `major`, `minor` and `patch` must not be negative, and pre-release
    /// identifiers should be what `init(parsing:)` would produce.
    package init(_ major: Int, _ minor: Int, _ patch: Int, preRelease: [String] = [], buildSuffix: String = "") {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
        self.buildSuffix = buildSuffix
    }

    /// Reads a version in any of the forms listed on the type.
    package init(parsing text: String) throws(VersionError) {
        var scanner = VersionScanner(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if scanner.skip(caseInsensitive: "kubernetes"), scanner.skipBlanks() == 0 { throw .notAVersion(text) }
        _ = scanner.skip("v") || scanner.skip("V")
        guard let major = scanner.number(), scanner.skip("."), let minor = scanner.number() else {
            throw .notAVersion(text)
        }
        guard scanner.skip(".") else { throw scanner.isAtEnd ? .missingPatch(text) : .notAVersion(text) }
        guard let patch = scanner.number(), let suffix = Suffix(scanner.rest) else { throw .notAVersion(text) }
        self.init(major, minor, patch, preRelease: suffix.preRelease, buildSuffix: suffix.build)
    }

    /// The major and minor version, for hops and skew rules.
    package var minorVersion: KubeMinor { KubeMinor(major, minor) }

    package var isPreRelease: Bool { !preRelease.isEmpty }

    /// The same version without the vendor suffix (`v1.28.6` for `v1.28.6-eks-0a21954`): the form kubeadm
    /// and the package repositories know.
    package var withoutBuildSuffix: KubeVersion { KubeVersion(major, minor, patch, preRelease: preRelease) }
}

extension KubeVersion: CustomStringConvertible, LosslessStringConvertible {
    /// `v1.30.4`, with any pre-release and vendor suffix as parsed: `v1.31.0-rc.1`, `v1.28.6-eks-0a21954`.
    package var description: String {
        let pre = preRelease.isEmpty ? "" : "-" + preRelease.joined(separator: ".")
        return "v\(major).\(minor).\(patch)\(pre)\(buildSuffix)"
    }

    package init?(_ description: String) {
        guard let version = try? KubeVersion(parsing: description) else { return nil }
        self = version
    }
}

extension KubeVersion: Hashable {
    /// Equal when the release and pre-release are; the vendor suffix does not count.
    package static func == (lhs: KubeVersion, rhs: KubeVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch, lhs.preRelease) == (rhs.major, rhs.minor, rhs.patch, rhs.preRelease)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease)
    }
}

extension KubeVersion: Comparable {
    /// Semantic-versioning precedence without the vendor suffix: by major, minor, patch; then a
    /// pre-release before its release; pre-releases identifier by identifier, numbers numerically and
    /// before words, words in ASCII order, a shorter list first when one is a prefix of the other.
    package static func < (lhs: KubeVersion, rhs: KubeVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): break
        }
        for (left, right) in zip(lhs.preRelease, rhs.preRelease) where left != right {
            switch (Int(left), Int(right)) {
            case (let l?, let r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
            }
        }
        return lhs.preRelease.count < rhs.preRelease.count
    }
}

extension KubeVersion {
    /// What follows the patch number: `-rc.1`, `-eks-0a21954`, `-alpha.3.123+abc`, split into the
    /// pre-release identifiers and the vendor/build suffix.
    private struct Suffix {
        var preRelease: [String] = []
        var build = ""

        private static let preReleaseWords: Set<String> = ["alpha", "beta", "rc"]

        /// Nil unless the text is empty or `-`/`+` then alphanumeric runs joined by `.`, `-`, `+` or `_`.
        init?(_ text: String) {
            var pieces: [(separator: UInt8, word: String)] = []
            var bytes = Array(text.utf8)[...]
            while let separator = bytes.popFirst() {
                let word = bytes.prefix { VersionScanner.isAlphanumeric($0) }
                guard !word.isEmpty, "-+._".utf8.contains(separator) else { return nil }
                pieces.append((separator, String(decoding: word, as: UTF8.self)))
                bytes = bytes.dropFirst(word.count)
            }
            guard let first = pieces.first else { return }
            guard first.separator == UInt8(ascii: "-") || first.separator == UInt8(ascii: "+") else { return nil }
            var rest = pieces[...]
            if first.separator == UInt8(ascii: "-"), Self.preReleaseWords.contains(first.word) {
                preRelease = [first.word]
                rest = rest.dropFirst()
                while let next = rest.first, next.separator == UInt8(ascii: ".") {
                    // Kubernetes (like semver) refuses a zero-prefixed number in a pre-release.
                    let isNumber = next.word.utf8.allSatisfy(VersionScanner.isDigit)
                    if isNumber, next.word.count > 1, next.word.hasPrefix("0") { return nil }
                    preRelease.append(next.word)
                    rest = rest.dropFirst()
                }
            }
            build = rest.map { String(UnicodeScalar($0.separator)) + $0.word }.joined()
        }
    }
}

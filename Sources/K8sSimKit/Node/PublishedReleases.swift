/// The Kubernetes releases the simulated mirrors publish, as the Kubernetes project does: pkgs.k8s.io
/// has one apt and one rpm repository per minor, from v1.24 (the first minor it carried) on, each
/// holding every patch release of that minor from `.0` up to the newest; dl.k8s.io serves the release
/// binaries of the same versions. Pre-releases are in neither.
///
/// This is k8sim's own data, kept apart from anything k8sup knows, so that a k8sup that names a release
/// the mirrors do not have fails against the simulator as it would against the real mirrors.
enum PublishedReleases {
    /// When the table was last brought up to date.
    static let asOf = "2026-08-21"

    /// The newest patch release published for each minor of Kubernetes 1.x.
    static let newestPatch: [Int: Int] = [
        24: 17, 25: 16, 26: 15, 27: 16, 28: 15, 29: 15, 30: 14, 31: 14, 32: 12, 33: 11, 34: 11, 35: 8, 36: 4,
    ]

    /// Every published release of `major.minor`, oldest first; empty when the minor has no repository.
    static func releases(major: Int, minor: Int) -> [SimVersion] {
        guard major == 1, let newest = newestPatch[minor] else { return [] }
        return (0...newest).map { SimVersion(major, minor, $0) }
    }

    /// Whether the mirrors carry `version` (a release, not a pre-release; a vendor label never is).
    static func isPublished(_ version: SimVersion) -> Bool {
        guard !version.isPreRelease, version.label.isEmpty, version.major == 1,
            let newest = newestPatch[version.minor]
        else { return false }
        return version.patch <= newest
    }
}

/// k8sup's built-in table of the latest patch release of each Kubernetes minor, used to pick the
/// version of an intermediate hop (v1.28 → **v1.29.15** → v1.30.4) when neither `--via`, the inventory
/// var `k8sup_via` nor discovery on a node names one, for example on an air-gapped bastion.
///
/// Taken from the checksum tables of Kubespray releases (the highest patch each release line shipped),
/// as of `asOf`. A newer patch may exist; the plan says which source it used.
package enum PatchReleases {
    /// When the table was last brought up to date.
    package static let asOf = "2026-08-21"

    /// Latest known patch per minor of Kubernetes 1.x.
    static let latestPatch: [Int: Int] = [
        24: 17, 25: 16, 26: 15, 27: 16, 28: 15, 29: 15, 30: 14, 31: 14, 32: 12, 33: 11, 34: 11, 35: 8, 36: 4,
    ]

    /// The latest known release of `minor`, if the table has that minor.
    package static func latest(of minor: KubeMinor) -> KubeVersion? {
        guard minor.major == 1, let patch = latestPatch[minor.minor] else { return nil }
        return KubeVersion(1, minor.minor, patch)
    }

    /// The minors the table covers, for messages.
    package static var coverage: String {
        let minors = latestPatch.keys.sorted()
        guard let first = minors.first, let last = minors.last else { return "none" }
        return "v1.\(first)–v1.\(last)"
    }
}

/// The minor-by-minor path of an upgrade, which the planner turns into hops with patch versions attached.
extension KubeVersion {
    /// The minors an upgrade from this version to `target` passes through, one `kubeadm upgrade apply`
    /// each: `v1.28.6 → v1.30.4` gives `[v1.29, v1.30]`.
    ///
    /// A patch-only upgrade (`v1.30.1 → v1.30.4`, or a release candidate to its release) is one hop at the
    /// same minor, because kubeadm performs it with one `upgrade apply` too. The same version (vendor
    /// suffixes aside) needs no hop. A downgrade or a change of major version is an error.
    package func minorHops(to target: KubeVersion) throws(VersionError) -> [KubeMinor] {
        guard target.major == major else { throw .majorChange(from: self, to: target) }
        guard target >= self else { throw .downgrade(from: self, to: target) }
        guard target != self else { return [] }
        guard target.minor > minor else { return [target.minorVersion] }
        return (minor + 1...target.minor).map { KubeMinor(major, $0) }
    }
}

import K8sUpSupport

/// One `apiserver_requested_deprecated_apis` series: an API version clients still call.
public struct DeprecatedAPIUse: Sendable, Equatable {
    public var group: String
    public var version: String
    public var resource: String
    /// The minor in which the API is removed (`1.25`), nil when no removal is scheduled.
    public var removedRelease: KubeMinor?

    public init(group: String, version: String, resource: String, removedRelease: KubeMinor?) {
        self.group = group
        self.version = version
        self.resource = resource
        self.removedRelease = removedRelease
    }

    /// `policy/v1beta1 poddisruptionbudgets`.
    public var displayName: String {
        (group.isEmpty ? version : "\(group)/\(version)") + " " + resource
    }
}

import K8sUpSupport

/// One `apiserver_requested_deprecated_apis` series: an API version clients still call.
package struct DeprecatedAPIUse: Sendable, Equatable {
    package var group: String
    package var version: String
    package var resource: String
    /// The minor in which the API is removed (`1.25`), nil when no removal is scheduled.
    package var removedRelease: KubeMinor?

    package init(group: String, version: String, resource: String, removedRelease: KubeMinor?) {
        self.group = group
        self.version = version
        self.resource = resource
        self.removedRelease = removedRelease
    }

    /// `policy/v1beta1 poddisruptionbudgets`.
    package var displayName: String {
        (group.isEmpty ? version : "\(group)/\(version)") + " " + resource
    }
}

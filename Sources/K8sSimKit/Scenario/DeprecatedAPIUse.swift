import K8sUpKit

/// One `deprecatedAPIs:` entry: a deprecated API the simulated apiserver reports as requested in
/// `/metrics` (`apiserver_requested_deprecated_apis`).
public struct SimDeprecatedRequest: Sendable, Equatable {
    public var group: String
    public var version: String
    public var resource: String
    public var subresource: String
    public var removedRelease: String

    public init(group: String, version: String, resource: String, subresource: String = "", removedRelease: String) {
        self.group = group
        self.version = version
        self.resource = resource
        self.subresource = subresource
        self.removedRelease = removedRelease
    }

    static func read(_ node: DataNode) throws(ScenarioError) -> SimDeprecatedRequest {
        let fields = try ScenarioFields(
            node, context: "deprecatedAPI",
            allowed: ["group", "version", "resource", "subresource", "removedRelease"])
        return SimDeprecatedRequest(
            group: try fields.string("group") ?? "", version: try fields.requiredString("version"),
            resource: try fields.requiredString("resource"), subresource: try fields.string("subresource") ?? "",
            removedRelease: try fields.string("removedRelease") ?? "")
    }
}

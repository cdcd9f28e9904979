import K8sUpReaders
import K8sUpSupport
import PythonParity

/// One `deprecatedAPIs:` entry: a deprecated API the simulated apiserver reports as requested in
/// `/metrics` (`apiserver_requested_deprecated_apis`).
package struct SimDeprecatedRequest: Sendable, Equatable {
    package var group: String
    package var version: String
    package var resource: String
    package var subresource: String
    package var removedRelease: String

    package init(group: String, version: String, resource: String, subresource: String = "", removedRelease: String) {
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

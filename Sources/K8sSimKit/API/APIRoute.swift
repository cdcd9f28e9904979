/// A kube-apiserver resource path taken apart: `/api/v1/namespaces/NS/pods/NAME/eviction`,
/// `/apis/GROUP/VERSION/RESOURCE[/NAME]`.
struct APIRoute: Equatable {
    var group: String
    var version: String
    var namespace: String
    var resource: String
    var name: String?
    var subresource: String?

    /// nil when the path is not a resource path (discovery documents are matched before).
    init?(path: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let root = parts.first else { return nil }
        if root == "api", parts.count >= 3 {
            group = ""
            version = parts[1]
            parts.removeFirst(2)
        } else if root == "apis", parts.count >= 4 {
            group = parts[1]
            version = parts[2]
            parts.removeFirst(3)
        } else {
            return nil
        }
        namespace = ""
        if parts.first == "namespaces", parts.count >= 3 {
            namespace = parts[1]
            parts.removeFirst(2)
        }
        guard let resource = parts.first, parts.count <= 3 else { return nil }
        self.resource = resource
        name = parts.count > 1 ? parts[1] : nil
        subresource = parts.count > 2 ? parts[2] : nil
    }
}

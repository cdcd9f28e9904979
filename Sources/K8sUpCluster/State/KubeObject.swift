/// One Kubernetes object of a kubectl List, by its `kind`: the three kinds k8sup reads, or another kind
/// (Service, ConfigMap, a custom resource…) that it skips and counts.
enum KubeObject: Sendable, Equatable {
    case node(KubeNode)
    case pod(KubePod)
    case podDisruptionBudget(KubePodDisruptionBudget)
    /// A kind k8sup does not read, named for the report: `Service`, or `Node (example.com/v1)` for a
    /// custom resource that shares a name with a built-in kind.
    case other(kind: String)

    /// The members that say what an object or a list is.
    enum TypeKeys: String, CodingKey {
        case kind, apiVersion, items
    }

    /// Decodes the object `decoder` is at.
    /// - Parameters:
    ///   - impliedKind: the kind of items without a `kind` of their own, as in a `NodeList` the API
    ///     returns (`kubectl get --raw /api/v1/nodes`); kubectl's own `List` names the kind of each item.
    ///   - impliedAPIVersion: likewise for `apiVersion` (a `policy/v1beta1` `PodDisruptionBudgetList`).
    init(from decoder: any Decoder, impliedKind: String? = nil, impliedAPIVersion: String? = nil) throws {
        let container = try decoder.container(keyedBy: TypeKeys.self)
        let ownKind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
        guard let kind = ownKind.isEmpty ? impliedKind : ownKind else {
            let context = DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "required field is missing")
            throw DecodingError.keyNotFound(TypeKeys.kind, context)
        }
        let apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion) ?? impliedAPIVersion
        // The API group: "" for the core group (`v1`), nil when the object does not say.
        let group = apiVersion.map { $0.contains("/") ? String($0.prefix { $0 != "/" }) : "" }
        switch (kind, group) {
        case ("Node", ""), ("Node", nil):
            self = .node(try KubeNode(from: decoder))
        case ("Pod", ""), ("Pod", nil):
            self = .pod(try KubePod(from: decoder))
        case ("PodDisruptionBudget", "policy"), ("PodDisruptionBudget", nil):
            var budget = try KubePodDisruptionBudget(from: decoder)
            budget.apiVersion = apiVersion
            self = .podDisruptionBudget(budget)
        default:
            let isBuiltInName = ["Node", "Pod", "PodDisruptionBudget"].contains(kind)
            self = .other(kind: isBuiltInName ? "\(kind) (\(apiVersion ?? ""))" : kind)
        }
    }
}

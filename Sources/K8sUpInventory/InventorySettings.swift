import K8sUpSupport
import PythonParity

/// The k8sup settings an inventory carries as vars, read from the first control-plane host (the host
/// Kubespray reads cluster-wide settings from): `kube_version` (the target), `k8sup_via` (patch
/// versions for intermediate minors), `k8sup_snapshot` (a default cluster snapshot, for demos and CI).
package struct InventorySettings: Sendable, Equatable {
    package var kubeVersion: String?
    package var via: [String]
    /// `k8sup_snapshot` resolved against the inventory's directory.
    package var snapshotPath: String?
    /// `k8sup_batch`: `auto` or a number of workers at a time, as written.
    package var batch: String?
    /// `k8sup_zone` by node name: the zone of a node without a `topology.kubernetes.io/zone` label.
    package var zones: [String: String] = [:]

    package init(kubeVersion: String? = nil, via: [String] = [], snapshotPath: String? = nil) {
        self.kubeVersion = kubeVersion
        self.via = via
        self.snapshotPath = snapshotPath
    }

    package init(_ loaded: LoadedInventory, roles: ClusterRoles) {
        let resolver = VariableResolver(loaded)
        let vars = roles.firstControlPlane.map { resolver.hostVariables($0.host) } ?? DataMapping()
        batch = vars["k8sup_batch"].flatMap(Self.text)
        let hostVars = resolver.allHostVariables(roles.nodes.map(\.host))
        for node in roles.nodes {
            if let zone = hostVars[node.host]?["k8sup_zone"].flatMap(Self.text) { zones[node.nodeName] = zone }
        }
        kubeVersion = vars["kube_version"].flatMap(Self.text)
        via = Self.list(vars["k8sup_via"])
        snapshotPath = vars["k8sup_snapshot"].flatMap(Self.text).map { path in
            guard !path.hasPrefix("/"), let base = loaded.varsDirectories.first?.path else { return path }
            return PathNames.normalized(base == "." ? path : base + "/" + path)
        }
    }

    private static func text(_ value: DataValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text.isEmpty ? nil : text
        default: return value.scalarText
        }
    }

    /// A YAML list, or one string of versions separated by commas or spaces.
    private static func list(_ value: DataValue?) -> [String] {
        switch value {
        case .list(let items)?: return items.compactMap(text)
        case let value?:
            return text(value).map { $0.split { $0 == "," || $0 == " " }.map(String.init) } ?? []
        case nil: return []
        }
    }
}

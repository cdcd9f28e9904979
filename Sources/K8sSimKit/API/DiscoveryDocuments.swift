import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The apiserver's discovery documents: `/version`, `/api`, `/apis` and the resource lists kubectl reads to
/// map `nodes`, `pdb` or `lease` to paths, and to find `pods/eviction` for drain.
enum DiscoveryDocuments {
    static func version(_ clusterVersion: String) -> DataValue {
        let parsed = SimVersion(clusterVersion)
        return [
            "major": .string(String(parsed?.major ?? 1)), "minor": .string(String(parsed?.minor ?? 0)),
            "gitVersion": .string(clusterVersion), "gitCommit": "0000000000000000000000000000000000000000",
            "gitTreeState": "clean", "buildDate": "2024-10-22T20:28:14Z", "goVersion": "go1.22.8", "compiler": "gc",
            "platform": "linux/amd64",
        ]
    }

    static func coreVersions(host: String) -> DataValue {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(host)]],
        ]
    }

    /// The groups besides the core group, in the order a real apiserver lists them.
    static let groups = ["apps", "policy", "coordination.k8s.io"]

    static func groupList() -> DataValue {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .list(groups.map(group))]
    }

    static func group(_ name: String) -> DataValue {
        let version: DataValue = ["groupVersion": .string("\(name)/v1"), "version": "v1"]
        return [
            "kind": "APIGroup", "apiVersion": "v1", "name": .string(name), "versions": [version],
            "preferredVersion": version,
        ]
    }

    /// The APIResourceList of `group/version`, nil when not served.
    static func resourceList(group: String, version: String) -> DataValue? {
        guard version == "v1", group.isEmpty || groups.contains(group) else { return nil }
        var resources: [DataValue] = ResourceKind.all.filter { $0.group == group }.map(resource)
        if group.isEmpty {
            resources.append(
                [
                    "name": "pods/eviction", "singularName": "", "namespaced": true, "group": "policy", "version": "v1",
                    "kind": "Eviction", "verbs": ["create"],
                ])
            resources.append(subresource("pods/status", kind: "Pod", namespaced: true))
            resources.append(subresource("nodes/status", kind: "Node", namespaced: false))
        }
        if group == "apps" {
            for name in ["deployments/scale", "replicasets/scale", "statefulsets/scale"] {
                resources.append(
                    [
                        "name": .string(name), "singularName": "", "namespaced": true, "group": "autoscaling",
                        "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"],
                    ])
            }
        }
        resources.sort { ($0.string("name") ?? "") < ($1.string("name") ?? "") }
        return [
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"), "resources": .list(resources),
        ]
    }

    private static func resource(_ kind: ResourceKind) -> DataValue {
        var entry: DataValue = [
            "name": .string(kind.plural), "singularName": .string(kind.singular), "namespaced": .bool(kind.namespaced),
            "kind": .string(kind.kind), "verbs": .list(kind.verbs.map(DataValue.string)),
        ]
        if !kind.shortNames.isEmpty { entry[["shortNames"]] = .list(kind.shortNames.map(DataValue.string)) }
        if !kind.categories.isEmpty { entry[["categories"]] = .list(kind.categories.map(DataValue.string)) }
        return entry
    }

    private static func subresource(_ name: String, kind: String, namespaced: Bool) -> DataValue {
        [
            "name": .string(name), "singularName": "", "namespaced": .bool(namespaced), "kind": .string(kind),
            "verbs": ["get", "patch", "update"],
        ]
    }
}

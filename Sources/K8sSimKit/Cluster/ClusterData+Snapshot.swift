import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Loading a snapshot's objects into the store.
extension ClusterData {
    mutating func load(snapshotItems items: [DataValue]) {
        for item in items {
            switch item.string("kind") {
            case "Node":
                put(.nodes, item)
                let controlPlane =
                    item[["metadata", "labels", ObjectFactory.controlPlaneLabel]] != nil
                    || item[["metadata", "labels", "node-role.kubernetes.io/master"]] != nil
                let kubelet = item.string("status", "nodeInfo", "kubeletVersion") ?? clusterVersion
                nodes[item.objectName] = SimNodeState(
                    controlPlane: controlPlane, kubeletVersion: kubelet, kubeletRunning: true,
                    staticPodVersion: controlPlane ? clusterVersion : nil)
            case "Pod":
                ensureNamespace(item.objectNamespace)
                put(.pods, item)
            case "PodDisruptionBudget":
                ensureNamespace(item.objectNamespace)
                var budget = item
                if budget.int("metadata", "generation") == nil { budget[["metadata", "generation"]] = 1 }
                put(.budgets, budget)
            default:
                continue
            }
        }
        for (name, state) in nodes where state.controlPlane {
            let image = get(.pods, "kube-system", "kube-apiserver-\(name)")?[["spec", "containers"]]?.listValue?.first?
                .string("image")
            if let tag = image?.split(separator: ":").last { nodes[name]?.staticPodVersion = String(tag) }
        }
        synthesiseControllers()
        updateBudgets()
    }

    /// One controller object per distinct controller reference of the pods, with the pods' uid link kept.
    private mutating func synthesiseControllers() {
        var counts: [String: (owner: DataValue, namespace: String, labels: [String: String], count: Int)] = [:]
        for pod in list(.pods) {
            guard let owner = Self.controller(of: pod), let kind = owner.string("kind"),
                ["ReplicaSet", "StatefulSet", "DaemonSet"].contains(kind)
            else { continue }
            let key = "\(kind)/\(pod.objectNamespace)/\(owner.string("name") ?? "")"
            var entry = counts[key] ?? (owner, pod.objectNamespace, pod.stringMap("metadata", "labels"), 0)
            entry.count += 1
            counts[key] = entry
        }
        for key in counts.keys.sorted() {
            guard let entry = counts[key], let kindName = entry.owner.string("kind"),
                let name = entry.owner.string("name")
            else { continue }
            let kind: ResourceKind =
                kindName == "ReplicaSet" ? .replicaSets : kindName == "StatefulSet" ? .statefulSets : .daemonSets
            guard get(kind, entry.namespace, name) == nil else { continue }
            var labels = entry.labels
            for generated in [
                "controller-revision-hash", "pod-template-generation", "statefulset.kubernetes.io/pod-name",
            ] {
                labels[generated] = nil
            }
            var object: DataValue = [
                "metadata": [
                    "name": .string(name), "namespace": .string(entry.namespace), "generation": 1,
                    "uid": entry.owner[["uid"]] ?? .null, "labels": .strings(labels),
                ],
                "spec": ["selector": ["matchLabels": .strings(labels)]],
            ]
            if kind != .daemonSets {
                object[["spec", "replicas"]] = .int(entry.count)
                object[["status"]] = ["replicas": .int(entry.count), "readyReplicas": .int(entry.count)]
            }
            if object.string("metadata", "uid") == nil { object[["metadata", "uid"]] = nil }
            put(kind, object)
        }
    }
}

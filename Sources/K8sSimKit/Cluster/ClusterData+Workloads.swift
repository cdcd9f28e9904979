import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Building a cluster: nodes with their static pods, workloads with their controllers and pods, PDBs.
extension ClusterData {
    mutating func addNode(name: String, address: String?, controlPlane: Bool, version: String?) {
        let version = version ?? clusterVersion
        put(
            .nodes,
            ObjectFactory.node(
                name: name, address: address, controlPlane: controlPlane, kubeletVersion: version, now: nowText))
        nodes[name] = SimNodeState(
            controlPlane: controlPlane, kubeletVersion: version, kubeletRunning: true,
            staticPodVersion: controlPlane ? version : nil)
        guard controlPlane else { return }
        ensureNamespace("kube-system")
        let nodeObject = get(.nodes, "", name) ?? [:]
        for component in ObjectFactory.staticComponents {
            let hash = random.suffix(10)
            let template = ObjectFactory.PodTemplate(
                namespace: "kube-system", labels: ["component": component, "tier": "control-plane"],
                owner: ObjectFactory.ownerReference(kind: "Node", apiVersion: "v1", of: nodeObject),
                image: ObjectFactory.componentImage(component, version: version), tolerateAll: true,
                annotations: [
                    "kubernetes.io/config.hash": hash, ObjectFactory.mirrorAnnotation: hash,
                    "kubernetes.io/config.seen": nowText, "kubernetes.io/config.source": "file",
                ])
            put(.pods, ObjectFactory.pod(name: "\(component)-\(name)", template: template, node: name, now: nowText))
        }
    }

    static func setUnschedulable(_ node: inout DataValue, _ cordoned: Bool, now: String) {
        if cordoned {
            node[["spec", "unschedulable"]] = .bool(true)
        } else {
            node[["spec", "unschedulable"]] = nil
        }
        var taints = (node[["spec", "taints"]]?.listValue ?? []).filter {
            $0.string("key") != ObjectFactory.unschedulableTaint
        }
        if cordoned {
            taints.append([
                "effect": "NoSchedule", "key": .string(ObjectFactory.unschedulableTaint), "timeAdded": .string(now),
            ])
        }
        if taints.isEmpty {
            node[["spec", "taints"]] = nil
        } else {
            node[["spec", "taints"]] = .list(taints)
        }
    }

    mutating func addWorkload(_ spec: WorkloadSpec) {
        ensureNamespace(spec.namespace)
        let image = "registry.example/\(spec.name):1.0"
        var template = ObjectFactory.PodTemplate(
            namespace: spec.namespace, labels: spec.labels, owner: nil, image: image, emptyDir: spec.emptyDir,
            requests: spec.requests)
        var meta: DataValue = ["name": .string(spec.name), "namespace": .string(spec.namespace), "generation": 1]
        meta[["labels"]] = .strings(spec.labels)
        let selector: DataValue = ["matchLabels": .strings(spec.labels)]
        let podSpec: DataValue = [
            "metadata": ["labels": .strings(spec.labels)],
            "spec": ["containers": [["name": .string(spec.name), "image": .string(image)]]],
        ]
        func controller(_ kind: ResourceKind, replicas: Int?) -> DataValue {
            var object: DataValue = ["metadata": meta, "spec": ["selector": selector, "template": podSpec]]
            if let replicas {
                object[["spec", "replicas"]] = .int(replicas)
                object[["status"]] = [
                    "replicas": .int(replicas), "readyReplicas": .int(replicas), "availableReplicas": .int(replicas),
                    "observedGeneration": 1,
                ]
            }
            return put(kind, object)
        }
        var names: [String] = []
        switch spec.kind {
        case .deployment:
            let deployment = controller(.deployments, replicas: spec.replicas)
            let hash = random.suffix(9)
            var set: DataValue = [
                "metadata": meta, "spec": ["replicas": .int(spec.replicas), "selector": selector, "template": podSpec],
                "status": ["replicas": .int(spec.replicas), "readyReplicas": .int(spec.replicas)],
            ]
            set[["metadata", "name"]] = .string("\(spec.name)-\(hash)")
            set[["metadata", "labels", "pod-template-hash"]] = .string(hash)
            set[["metadata", "ownerReferences"]] = [
                ObjectFactory.ownerReference(kind: "Deployment", apiVersion: "apps/v1", of: deployment)
            ]
            let stored = put(.replicaSets, set)
            template.owner = ObjectFactory.ownerReference(kind: "ReplicaSet", apiVersion: "apps/v1", of: stored)
            template.labels["pod-template-hash"] = hash
            names = (0..<spec.replicas).map { _ in "\(stored.objectName)-\(random.suffix(5))" }
        case .statefulSet:
            let set = controller(.statefulSets, replicas: spec.replicas)
            template.owner = ObjectFactory.ownerReference(kind: "StatefulSet", apiVersion: "apps/v1", of: set)
            names = (0..<spec.replicas).map { "\(spec.name)-\($0)" }
        case .daemonSet:
            let set = controller(.daemonSets, replicas: nil)
            template.owner = ObjectFactory.ownerReference(kind: "DaemonSet", apiVersion: "apps/v1", of: set)
            template.tolerateAll = true
            for node in list(.nodes).map(\.objectName) {
                put(
                    .pods,
                    ObjectFactory.pod(
                        name: "\(spec.name)-\(random.suffix(5))", template: template, node: node, now: nowText))
            }
            return
        case .pod:
            names = spec.replicas == 1 ? [spec.name] : (0..<spec.replicas).map { "\(spec.name)-\($0)" }
        }
        // The pods go where the scheduler would put them one after another: the view of room and
        // spread is read once and kept up to date with each placement.
        var view: PlacementView?
        for (index, name) in names.enumerated() {
            let probe = ObjectFactory.pod(name: name, template: template, node: nil, now: nowText)
            var node: String?
            if spec.nodes.isEmpty {
                let current = view ?? placementView(for: probe)
                node = pickNode(for: probe, avoiding: nil, view: current)
                view = current
                if let node { view?.place(Self.requests(of: probe), on: node) }
            } else {
                node = spec.nodes[index % spec.nodes.count]
            }
            put(.pods, ObjectFactory.pod(name: name, template: template, node: node, now: nowText))
        }
    }

    mutating func addBudget(_ spec: BudgetSpec) {
        ensureNamespace(spec.namespace)
        var selector: DataValue = [:]
        if !spec.selector.matchLabels.isEmpty { selector[["matchLabels"]] = .strings(spec.selector.matchLabels) }
        if !spec.selector.matchExpressions.isEmpty {
            selector[["matchExpressions"]] = .list(
                spec.selector.matchExpressions.map { requirement in
                    var entry: DataValue = [
                        "key": .string(requirement.key), "operator": .string(requirement.operator.rawValue),
                    ]
                    if !requirement.values.isEmpty {
                        entry[["values"]] = .list(requirement.values.map(DataValue.string))
                    }
                    return entry
                })
        }
        var budget: DataValue = [
            "metadata": ["name": .string(spec.name), "namespace": .string(spec.namespace), "generation": 1],
            "spec": ["selector": selector],
        ]
        if let amount = spec.minAvailable { budget[["spec", "minAvailable"]] = amount.dataValue }
        if let amount = spec.maxUnavailable { budget[["spec", "maxUnavailable"]] = amount.dataValue }
        if let policy = spec.unhealthyPodEvictionPolicy {
            budget[["spec", "unhealthyPodEvictionPolicy"]] = .string(policy)
        }
        put(.budgets, budgetWithStatus(budget))
    }
}

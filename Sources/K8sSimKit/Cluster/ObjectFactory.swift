import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Builds the Kubernetes objects of a seeded cluster in the shapes real kubeadm clusters have.
enum ObjectFactory {
    static let controlPlaneLabel = "node-role.kubernetes.io/control-plane"
    static let unschedulableTaint = "node.kubernetes.io/unschedulable"
    static let mirrorAnnotation = "kubernetes.io/config.mirror"
    static let staticComponents = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"]
    static let etcdImage = "registry.k8s.io/etcd:3.5.15-0"

    static func node(name: String, address: String?, controlPlane: Bool, kubeletVersion: String, now: String)
        -> DataValue
    {
        var labels: [String: String] = [
            "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
        ]
        var taints: [DataValue] = []
        if controlPlane {
            labels[controlPlaneLabel] = ""
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
            taints.append(["effect": "NoSchedule", "key": .string(controlPlaneLabel)])
        }
        var addresses: [DataValue] = []
        if let address { addresses.append(["address": .string(address), "type": "InternalIP"]) }
        addresses.append(["address": .string(name), "type": "Hostname"])
        var node: DataValue = [
            "metadata": [
                "name": .string(name), "labels": .strings(labels),
                "annotations": [
                    "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
                    "node.alpha.kubernetes.io/ttl": "0",
                    "volumes.kubernetes.io/controller-managed-attach-detach": "true",
                ],
            ],
            "spec": ["podCIDR": "10.233.64.0/24", "podCIDRs": ["10.233.64.0/24"]],
            "status": [
                "addresses": .list(addresses),
                "allocatable": ["cpu": "4", "ephemeral-storage": "47266578354", "memory": "7901384Ki", "pods": "110"],
                "capacity": ["cpu": "4", "ephemeral-storage": "51287520Ki", "memory": "8003784Ki", "pods": "110"],
                "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
                "nodeInfo": [
                    "architecture": "amd64", "containerRuntimeVersion": "containerd://1.7.22",
                    "kernelVersion": "6.1.0-26-amd64", "kubeProxyVersion": .string(kubeletVersion),
                    "kubeletVersion": .string(kubeletVersion), "operatingSystem": "linux",
                    "osImage": "Debian GNU/Linux 12 (bookworm)",
                ],
            ],
        ]
        if !taints.isEmpty { node[["spec", "taints"]] = .list(taints) }
        setNodeReady(&node, status: "True", now: now)
        return node
    }

    /// Sets the Ready condition (`True`, `False` or `Unknown`) and the three pressure conditions.
    static func setNodeReady(_ node: inout DataValue, status: String, now: String) {
        let previous = (node[["status", "conditions"]]?.listValue ?? []).first { $0.string("type") == "Ready" }
        let transition =
            previous?.string("status") == status ? (previous?.string("lastTransitionTime") ?? now) : now
        let (reason, message): (String, String) =
            switch status {
            case "True": ("KubeletReady", "kubelet is posting ready status")
            case "Unknown": ("NodeStatusUnknown", "Kubelet stopped posting node status.")
            default: ("KubeletNotReady", "container runtime status check may not have completed yet")
            }
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String, _ since: String)
            -> DataValue
        {
            [
                "type": .string(type), "status": .string(status), "reason": .string(reason),
                "message": .string(message),
                "lastHeartbeatTime": .string(now), "lastTransitionTime": .string(since),
            ]
        }
        let created = node.string("metadata", "creationTimestamp") ?? now
        node[["status", "conditions"]] = [
            condition(
                "MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available",
                created),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", created),
            condition(
                "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", created),
            condition("Ready", status, reason, message, transition),
        ]
    }

    static func ownerReference(kind: String, apiVersion: String, of owner: DataValue) -> DataValue {
        [
            "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(owner.objectName),
            "uid": .string(owner.string("metadata", "uid") ?? ""), "controller": true, "blockOwnerDeletion": true,
        ]
    }

    struct PodTemplate {
        var namespace: String
        var labels: [String: String]
        var owner: DataValue?
        var image: String
        var emptyDir = false
        var tolerateAll = false
        var annotations: [String: String] = [:]
        /// The container's `resources.requests`.
        var requests: [String: String] = [:]
    }

    static func pod(name: String, template: PodTemplate, node: String?, now: String) -> DataValue {
        var volumes: [DataValue] = [
            [
                "name": .string("kube-api-access-\(name.suffix(5))"),
                "projected": [
                    "defaultMode": 420,
                    "sources": [["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]]],
                ],
            ]
        ]
        if template.emptyDir { volumes.append(["name": "scratch", "emptyDir": [:]]) }
        let container = String(template.labels["app"] ?? name)
        var pod: DataValue = [
            "metadata": [
                "name": .string(name), "namespace": .string(template.namespace), "labels": .strings(template.labels),
            ],
            "spec": [
                "containers": [["name": .string(container), "image": .string(template.image)]],
                "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "schedulerName": "default-scheduler",
                "volumes": .list(volumes),
            ],
            "status": ["qosClass": "BestEffort"],
        ]
        if !template.annotations.isEmpty { pod[["metadata", "annotations"]] = .strings(template.annotations) }
        if !template.requests.isEmpty {
            var container: DataValue = ["name": .string(container), "image": .string(template.image)]
            container[["resources", "requests"]] = .strings(template.requests)
            pod[["spec", "containers"]] = .list([container])
            pod[["status", "qosClass"]] = "Burstable"
        }
        if let owner = template.owner { pod[["metadata", "ownerReferences"]] = [owner] }
        if template.tolerateAll { pod[["spec", "tolerations"]] = [["operator": "Exists"]] }
        if let node { pod[["spec", "nodeName"]] = .string(node) }
        setPodReady(&pod, ready: node != nil, now: now)
        return pod
    }

    /// Pending (scheduled or not) or Running and Ready.
    static func setPodReady(_ pod: inout DataValue, ready: Bool, now: String) {
        let scheduled = pod.string("spec", "nodeName") != nil
        let flag: DataValue = ready ? "True" : "False"
        var conditions: [DataValue] = [
            ["type": "PodScheduled", "status": scheduled ? "True" : "False", "lastTransitionTime": .string(now)]
        ]
        if !scheduled {
            conditions[0][["reason"]] = "Unschedulable"
            conditions[0][["message"]] = "0/0 nodes are available: no schedulable node."
        } else {
            conditions += [
                ["type": "Initialized", "status": "True", "lastTransitionTime": .string(now)],
                ["type": "ContainersReady", "status": flag, "lastTransitionTime": .string(now)],
                ["type": "Ready", "status": flag, "lastTransitionTime": .string(now)],
            ]
        }
        pod[["status", "conditions"]] = .list(conditions)
        pod[["status", "phase"]] = ready ? "Running" : "Pending"
        let containers = pod[["spec", "containers"]]?.listValue ?? []
        let statuses = containers.map { container in
            var status: DataValue = [
                "name": container[["name"]] ?? "", "image": container[["image"]] ?? "", "ready": .bool(ready),
                "restartCount": 0, "started": .bool(ready),
            ]
            status[["state"]] =
                ready ? ["running": ["startedAt": .string(now)]] : ["waiting": ["reason": "ContainerCreating"]]
            return status
        }
        if scheduled {
            pod[["status", "containerStatuses"]] = .list(statuses)
        } else {
            pod[["status", "containerStatuses"]] = nil
        }
        if ready { pod[["status", "startTime"]] = .string(now) }
    }

    static func componentImage(_ component: String, version: String) -> String {
        component == "etcd" ? etcdImage : "registry.k8s.io/\(component):\(version)"
    }
}

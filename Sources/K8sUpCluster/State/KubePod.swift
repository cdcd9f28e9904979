/// A Pod as `kubectl get pods -A -o json` prints it, reduced to what `kubectl drain`, the Eviction API
/// and k8sup's checks look at. Everything but `metadata.name` may be absent.
///
/// Images are those of `spec.containers` only. Init containers have finished before a pod runs and
/// often use helper images (busybox, calico's `cni`), and ephemeral debug containers come and go; the
/// images that say which version a component runs, such as `registry.k8s.io/kube-apiserver:v1.28.6`,
/// are the regular containers'.
package struct KubePod: Decodable, Sendable, Equatable {
    /// `spec`: placement, containers and volumes.
    package struct Spec: Decodable, Sendable, Equatable {
        /// Absent until the scheduler has placed the pod.
        var nodeName: String?
        var containers: [Container]?
        var initContainers: [Container]?
        var volumes: [Volume]?
    }

    /// One of `spec.containers` (or `spec.initContainers`).
    struct Container: Decodable, Sendable, Equatable {
        var name: String?
        var image: String?
        var resources: Resources?
    }

    /// A container's `resources`: only the requests, what the scheduler places a pod by.
    struct Resources: Decodable, Sendable, Equatable {
        var requests: [String: KubeQuantity]?
    }

    /// One of `spec.volumes`; only whether it is an `emptyDir` matters.
    struct Volume: Decodable, Sendable, Equatable {
        var name: String?
        var emptyDir: EmptyDir?
    }

    /// An `emptyDir` volume source; that it is there is all that counts (its data dies with a drain).
    struct EmptyDir: Decodable, Sendable, Equatable {}

    /// `status`: phase and conditions.
    package struct Status: Decodable, Sendable, Equatable {
        /// `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`.
        var phase: String?
        var conditions: [KubeCondition]?
    }

    package var metadata: KubeObjectMeta
    package var spec: Spec?
    package var status: Status?

    /// The annotation the kubelet puts on the API copy (the mirror) of a static pod.
    package static let mirrorAnnotation = "kubernetes.io/config.mirror"

    /// The pod in the domain model. A pod without a namespace is in `default`, as the apiserver would
    /// have put it; a phase that is absent or unknown to k8sup is `Unknown`.
    package var clusterPod: ClusterPod {
        let controller = metadata.controller
        let nodeName = spec?.nodeName
        return ClusterPod(
            namespace: metadata.namespace ?? "default",
            name: metadata.name,
            nodeName: nodeName?.isEmpty == false ? nodeName : nil,
            labels: metadata.labels ?? [:],
            controllerKind: controller?.kind,
            controllerName: controller?.name,
            isMirror: metadata.annotations?[Self.mirrorAnnotation] != nil,
            hasEmptyDir: spec?.volumes?.contains { $0.emptyDir != nil } ?? false,
            phase: status?.phase.flatMap(ClusterPod.Phase.init(rawValue:)) ?? .unknown,
            isReady: status?.conditions?.status(of: "Ready") == "True",
            images: spec?.containers?.compactMap { $0.image.flatMap { $0.isEmpty ? nil : $0 } } ?? [],
            isTerminating: metadata.deletionTimestamp != nil, requests: requests)
    }

    /// What the scheduler reserves for the pod: its containers' requests added up, or the largest init
    /// container's if that is more (init containers run one at a time, before the others).
    var requests: ResourceAmounts {
        let running = (spec?.containers ?? []).reduce(ResourceAmounts.zero) {
            $0 + ResourceAmounts($1.resources?.requests)
        }
        return (spec?.initContainers ?? []).reduce(running) { $0.atLeast(ResourceAmounts($1.resources?.requests)) }
    }
}

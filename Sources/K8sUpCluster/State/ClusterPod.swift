import K8sUpSupport

/// One pod, with what a drain and the Eviction API look at.
package struct ClusterPod: Sendable, Equatable {
    package enum Phase: String, Sendable {
        case pending = "Pending", running = "Running", succeeded = "Succeeded", failed = "Failed", unknown = "Unknown"
    }

    package var namespace: String
    package var name: String
    package var nodeName: String?
    package var labels: [String: String]
    /// Kind and name of the owner reference with `controller: true` (nil for a bare pod).
    package var controllerKind: String?
    package var controllerName: String?
    /// Has the `kubernetes.io/config.mirror` annotation: a static pod's mirror, never evicted.
    package var isMirror: Bool
    /// Uses an `emptyDir` volume, whose data a drain deletes.
    package var hasEmptyDir: Bool
    package var phase: Phase
    /// The Ready condition is True.
    package var isReady: Bool
    /// Container images (`registry.k8s.io/kube-apiserver:v1.28.6`), in spec order.
    package var images: [String]
    /// The pod has a deletion timestamp (already terminating).
    package var isTerminating: Bool
    /// CPU and memory the pod requests (what its replacement needs free on another node).
    package var requests = ResourceAmounts.zero

    package init(
        namespace: String, name: String, nodeName: String?, labels: [String: String] = [:],
        controllerKind: String? = nil, controllerName: String? = nil, isMirror: Bool = false,
        hasEmptyDir: Bool = false, phase: Phase = .running, isReady: Bool = true, images: [String] = [],
        isTerminating: Bool = false
    ) {
        self.init(
            namespace: namespace, name: name, nodeName: nodeName, labels: labels, controllerKind: controllerKind,
            controllerName: controllerName, isMirror: isMirror, hasEmptyDir: hasEmptyDir, phase: phase,
            isReady: isReady, images: images, isTerminating: isTerminating, requests: .zero)
    }

    init(
        namespace: String, name: String, nodeName: String?, labels: [String: String] = [:],
        controllerKind: String? = nil, controllerName: String? = nil, isMirror: Bool = false,
        hasEmptyDir: Bool = false, phase: Phase = .running, isReady: Bool = true, images: [String] = [],
        isTerminating: Bool = false, requests: ResourceAmounts
    ) {
        self.namespace = namespace
        self.name = name
        self.nodeName = nodeName
        self.labels = labels
        self.controllerKind = controllerKind
        self.controllerName = controllerName
        self.isMirror = isMirror
        self.hasEmptyDir = hasEmptyDir
        self.phase = phase
        self.isReady = isReady
        self.images = images
        self.isTerminating = isTerminating
        self.requests = requests
    }

    /// `namespace/name`, as kubectl prints pods.
    package var qualifiedName: String { "\(namespace)/\(name)" }

    package var isDaemonSetPod: Bool { controllerKind == "DaemonSet" }

    /// Succeeded or Failed: a drain deletes it without asking any budget.
    package var isFinished: Bool { phase == .succeeded || phase == .failed }

    /// A kube-apiserver static pod (kube-system, mirror, `component=kube-apiserver` or its name).
    var isAPIServer: Bool {
        namespace == "kube-system" && isMirror
            && (labels["component"] == "kube-apiserver" || name.hasPrefix("kube-apiserver-"))
    }

    /// The version in the tag of the first image whose repository ends with `/component` (or is it).
    package func imageVersion(of component: String) -> KubeVersion? {
        for image in images {
            let withoutDigest = image.split(separator: "@").first.map(String.init) ?? image
            guard let colon = withoutDigest.lastIndex(of: ":"),
                !withoutDigest[colon...].contains("/")
            else { continue }
            let repository = withoutDigest[..<colon]
            guard repository == component || repository.hasSuffix("/" + component) else { continue }
            if let version = try? KubeVersion(parsing: String(withoutDigest[withoutDigest.index(after: colon)...])) {
                return version
            }
        }
        return nil
    }
}

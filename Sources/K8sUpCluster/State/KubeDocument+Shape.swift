import K8sUpReaders

extension KubeDocument {
    /// The parts of kubectl's JSON that `KubeDocument` decodes, member by member: the reader keeps these
    /// and skips the rest (managed fields, container specs, environment, probes, status details), which
    /// is most of the bytes. Keep it in step with the `Decodable` types of this folder: a field decoded
    /// but missing here would always read as absent.
    static let keptShape: JSONShape = {
        let object = objectMembers.map { ($0.key, $0.value) }
        return .object(.init(object + [("items", .list(.object(objectMembers)))]), others: .skipped)
    }()

    /// An object of one of the kinds k8sup reads, or of another kind: a union of what the three need.
    private static let objectMembers: KeyValuePairs<String, JSONShape> = [
        "kind": .all,
        "apiVersion": .all,
        "metadata": .object([
            "name": .all, "namespace": .all, "labels": .all,
            // Only the mirror annotation counts, but every annotation must be a string.
            "annotations": .object(.init([KubePod.mirrorAnnotation: .all]), others: .keptUnlessStrings),
            "ownerReferences": .all, "deletionTimestamp": .all, "generation": .all,
        ]),
        "spec": .object([
            "unschedulable": .all, "taints": .all,
            "nodeName": .all, "containers": .list(container), "initContainers": .list(container),
            "volumes": .list(.object(["name": .all, "emptyDir": .object([:])])),
            "minAvailable": .all, "maxUnavailable": .all, "selector": .all, "unhealthyPodEvictionPolicy": .all,
        ]),
        "status": .object([
            "conditions": .list(.object(["type": .all, "status": .all])),
            "nodeInfo": .object(["kubeletVersion": .all]),
            "allocatable": .all,
            "phase": .all,
            "observedGeneration": .all, "currentHealthy": .all, "desiredHealthy": .all,
            "disruptionsAllowed": .all, "expectedPods": .all,
        ]),
    ]

    private static let container = JSONShape.object([
        "name": .all, "image": .all, "resources": .object(["requests": .all]),
    ])
}

import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The REST verbs on stored objects, with the apiserver's Status errors.
extension ClusterData {
    func apiList(_ kind: ResourceKind, namespace: String, query: ListQuery) -> DataValue {
        let page = query.page(list(kind, namespace: namespace))
        var metadata: DataValue = ["resourceVersion": .string(String(resourceVersion))]
        if let next = page.next {
            metadata[["continue"]] = .string(next)
            metadata[["remainingItemCount"]] = .int(page.remaining)
        }
        return [
            "kind": .string(kind.kind + "List"), "apiVersion": .string(kind.apiVersion), "metadata": metadata,
            "items": .list(page.items),
        ]
    }

    func apiGet(_ kind: ResourceKind, namespace: String, name: String) throws(KubeStatus) -> DataValue {
        guard let object = get(kind, namespace, name) else { throw notFound(kind, name) }
        return object
    }

    mutating func apiCreate(_ kind: ResourceKind, namespace: String, body: DataValue, dryRun: Bool) throws(KubeStatus)
        -> DataValue
    {
        var object = try checkedBody(kind, body)
        if kind.namespaced {
            let declared = object.objectNamespace
            guard declared.isEmpty || declared == namespace else {
                throw KubeStatus.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request")
            }
            guard get(.namespaces, "", namespace) != nil else {
                throw KubeStatus.notFound(resource: "namespaces", name: namespace)
            }
            object[["metadata", "namespace"]] = .string(namespace)
        }
        if object.objectName.isEmpty, let prefix = object.string("metadata", "generateName") {
            object[["metadata", "name"]] = .string(prefix + random.suffix(5))
        }
        guard !object.objectName.isEmpty else {
            throw KubeStatus(
                code: 422,
                message:
                    "\(kind.kind) \"\" is invalid: metadata.name: Required value: name or generateName is required",
                reason: "Invalid", kind: kind.kind)
        }
        guard get(kind, namespace, object.objectName) == nil else {
            throw KubeStatus.alreadyExists(resource: kind.plural, group: kind.group, name: object.objectName)
        }
        for field in ["uid", "resourceVersion", "creationTimestamp"] { object[["metadata", field]] = nil }
        if kind == .budgets || kind.group == "apps" { object[["metadata", "generation"]] = 1 }
        if dryRun { return object }
        if kind == .budgets { object = budgetWithStatus(object) }
        return put(kind, object)
    }

    mutating func apiReplace(_ kind: ResourceKind, namespace: String, name: String, body: DataValue, dryRun: Bool)
        throws(KubeStatus) -> DataValue
    {
        var object = try checkedBody(kind, body)
        guard object.objectName == name else {
            throw KubeStatus.badRequest(
                "the name of the object (\(object.objectName)) does not match the name on the URL (\(name))")
        }
        guard let stored = get(kind, namespace, name) else { throw notFound(kind, name) }
        if let version = object.string("metadata", "resourceVersion"), !version.isEmpty,
            version != stored.string("metadata", "resourceVersion")
        {
            throw KubeStatus.conflict(resource: kind.plural, group: kind.group, name: name)
        }
        object[["metadata", "uid"]] = stored[["metadata", "uid"]]
        object[["metadata", "creationTimestamp"]] = stored[["metadata", "creationTimestamp"]]
        if kind.namespaced { object[["metadata", "namespace"]] = .string(namespace) }
        if let generation = stored.int("metadata", "generation") {
            let changed = object[["spec"]] != stored[["spec"]]
            object[["metadata", "generation"]] = .int(changed ? generation + 1 : generation)
        }
        if kind == .nodes { object = Self.withCordonTaint(object, now: nowText) }
        if dryRun { return object }
        return put(kind, object)
    }

    mutating func apiPatch(_ kind: ResourceKind, namespace: String, name: String, patch: DataValue, dryRun: Bool)
        throws(KubeStatus) -> DataValue
    {
        guard let stored = get(kind, namespace, name) else { throw notFound(kind, name) }
        var object = MergePatch.apply(patch, to: stored)
        object[["metadata", "name"]] = .string(name)
        object[["metadata", "uid"]] = stored[["metadata", "uid"]]
        if kind == .nodes { object = Self.withCordonTaint(object, now: nowText) }
        if let generation = stored.int("metadata", "generation"), object[["spec"]] != stored[["spec"]] {
            object[["metadata", "generation"]] = .int(generation + 1)
        }
        if dryRun || object == stored { return object }
        return put(kind, object)
    }

    /// Returns the body to send: the deleted pod, or a Success Status for other resources.
    mutating func apiDelete(_ kind: ResourceKind, namespace: String, name: String, dryRun: Bool) throws(KubeStatus)
        -> DataValue
    {
        guard let stored = get(kind, namespace, name) else { throw notFound(kind, name) }
        if dryRun { return stored }
        if kind == .pods {
            _ = deletePod(namespace, name)
            var deleted = stored
            deleted[["metadata", "deletionTimestamp"]] = .string(nowText)
            deleted[["metadata", "deletionGracePeriodSeconds"]] = 0
            return deleted
        }
        remove(kind, namespace, name)
        if kind == .nodes { nodes[name] = nil }
        var details: DataValue = ["name": .string(name), "kind": .string(kind.plural)]
        if !kind.group.isEmpty { details[["group"]] = .string(kind.group) }
        details[["uid"]] = stored[["metadata", "uid"]]
        return ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success", "details": details]
    }

    private func checkedBody(_ kind: ResourceKind, _ body: DataValue) throws(KubeStatus) -> DataValue {
        guard body.mappingValue != nil else {
            throw KubeStatus.badRequest("the body of the request was not a JSON object")
        }
        let bodyKind = body.string("kind") ?? kind.kind
        let apiVersion = body.string("apiVersion") ?? kind.apiVersion
        guard bodyKind == kind.kind, apiVersion == kind.apiVersion else {
            throw KubeStatus.badRequest(
                "the API version in the data (\(apiVersion)) does not match the expected API version (\(kind.apiVersion))"
            )
        }
        return body
    }

    /// Keeps the `node.kubernetes.io/unschedulable` taint in step with `spec.unschedulable`.
    static func withCordonTaint(_ node: DataValue, now: String) -> DataValue {
        var node = node
        let cordoned = node[["spec", "unschedulable"]] == .bool(true)
        let tainted = (node[["spec", "taints"]]?.listValue ?? []).contains {
            $0.string("key") == ObjectFactory.unschedulableTaint
        }
        if cordoned != tainted { setUnschedulable(&node, cordoned, now: now) }
        if !cordoned { node[["spec", "unschedulable"]] = nil }
        return node
    }

    func notFound(_ kind: ResourceKind, _ name: String) -> KubeStatus {
        KubeStatus.notFound(resource: kind.plural, group: kind.group, name: name)
    }
}

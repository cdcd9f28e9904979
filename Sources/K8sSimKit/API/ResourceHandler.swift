import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// One request on a resource path: finds the resource type and calls the verb on the cluster.
struct ResourceHandler {
    let cluster: SimCluster
    let request: HTTPRequest
    let route: APIRoute

    var dryRun: Bool { request.parameter("dryRun").map { !$0.isEmpty } ?? false }

    func respond() throws(KubeStatus) -> HTTPResponse {
        guard let kind = ResourceKind.find(group: route.group, version: route.version, plural: route.resource) else {
            throw KubeStatus.pathNotFound
        }
        guard kind.namespaced || route.namespace.isEmpty else { throw KubeStatus.pathNotFound }
        let namespace = route.namespace
        if let subresource = route.subresource {
            return try respond(kind, subresource: subresource)
        }
        guard let name = route.name else {
            switch request.method {
            case "GET":
                if request.parameter("watch").map({ $0 == "true" || $0 == "1" }) ?? false {
                    throw KubeStatus.methodNotAllowed("WATCH")
                }
                let query = try ListQuery(request)
                let list = cluster.read { $0.apiList(kind, namespace: namespace, query: query) }
                return TableRendering.wantsTable(request) ? table(kind, list) : APIResponses.object(list)
            case "POST":
                guard kind.verbs.contains("create") else { throw KubeStatus.methodNotAllowed(request.method) }
                let body = try APIResponses.body(request)
                let created = try cluster.withState { data throws(KubeStatus) in
                    try data.apiCreate(kind, namespace: namespace, body: body, dryRun: dryRun)
                }
                return APIResponses.object(created, status: 201)
            default:
                throw KubeStatus.methodNotAllowed(request.method)
            }
        }
        switch request.method {
        case "GET":
            let object = try cluster.withState { data throws(KubeStatus) in
                try data.apiGet(kind, namespace: namespace, name: name)
            }
            return TableRendering.wantsTable(request)
                ? table(kind, ["kind": "List", "items": [object], "metadata": [:]]) : APIResponses.object(object)
        case "PUT":
            let body = try APIResponses.body(request)
            return APIResponses.object(
                try cluster.withState { data throws(KubeStatus) in
                    try data.apiReplace(kind, namespace: namespace, name: name, body: body, dryRun: dryRun)
                })
        case "PATCH":
            let type = request.headers["content-type"] ?? ""
            guard type.contains("merge-patch") else {
                throw KubeStatus(
                    code: 415,
                    message: "the body of the request was in an unknown format - accepted media types include: "
                        + "application/merge-patch+json, application/strategic-merge-patch+json",
                    reason: "UnsupportedMediaType", hasDetails: false)
            }
            let patch = try APIResponses.body(request)
            return APIResponses.object(
                try cluster.withState { data throws(KubeStatus) in
                    try data.apiPatch(kind, namespace: namespace, name: name, patch: patch, dryRun: dryRun)
                })
        case "DELETE":
            return APIResponses.object(
                try cluster.withState { data throws(KubeStatus) in
                    try data.apiDelete(kind, namespace: namespace, name: name, dryRun: dryRun)
                })
        default:
            throw KubeStatus.methodNotAllowed(request.method)
        }
    }

    private func respond(_ kind: ResourceKind, subresource: String) throws(KubeStatus) -> HTTPResponse {
        guard let name = route.name else { throw KubeStatus.pathNotFound }
        switch (kind, subresource, request.method) {
        case (.pods, "eviction", "POST"):
            let body = try APIResponses.body(request)
            if let bodyName = body.string("metadata", "name"), bodyName != name {
                throw KubeStatus.badRequest("name in URL does not match name in Eviction object")
            }
            let namespace = route.namespace
            let result = cluster.read { $0.evict(namespace: namespace, name: name, dryRun: dryRun) }
            switch result {
            case .success(let status): return APIResponses.status(status)
            case .failure(let status): return APIResponses.status(status)
            }
        case (_, "status", "GET"):
            let namespace = route.namespace
            return APIResponses.object(
                try cluster.withState { data throws(KubeStatus) in
                    try data.apiGet(kind, namespace: namespace, name: name)
                })
        default:
            throw KubeStatus.pathNotFound
        }
    }

    private func table(_ kind: ResourceKind, _ list: DataValue) -> HTTPResponse {
        guard let table = TableRendering.table(kind, list, now: cluster.read({ $0.now })) else {
            return APIResponses.object(list)
        }
        return APIResponses.object(table)
    }
}

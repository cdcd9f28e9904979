import Foundation

/// The fake kube-apiserver: what real kubectl (1.27–1.33) needs for everything k8sup does — discovery,
/// nodes, pods, PDBs, workloads, Leases, cordon patches, evictions, `--raw` health and metrics — served
/// from a `SimCluster`, with the cluster's apiserver faults (errors, stalls, an outage) applied to every
/// request outside `/k8sim/v1/`, which goes to the node API instead.
package struct FakeAPIServer: HTTPHandling {
    package let cluster: SimCluster

    package init(cluster: SimCluster) {
        self.cluster = cluster
    }

    package func handle(_ request: HTTPRequest) -> HTTPResponse {
        if request.path.hasPrefix(NodeAPI.prefix + "/") { return NodeAPIHandler(cluster: cluster).handle(request) }
        if let injected = injectFaults() { return injected }
        do {
            return try route(request)
        } catch {
            return APIResponses.status(error)
        }
    }

    /// Latency, an outage, stalls and errors of the scenario; the generator is seeded, so runs repeat.
    private func injectFaults() -> HTTPResponse? {
        let latency = cluster.delays.apiLatency
        if latency > 0 { Thread.sleep(forTimeInterval: latency) }
        if cluster.apiserverOutage == .unavailable { return APIResponses.noBackend }
        for fault in cluster.faults {
            switch fault {
            case .apiserverStall(let fraction, let seconds):
                if cluster.nextRandomUnit() < fraction { Thread.sleep(forTimeInterval: seconds) }
            case .apiserverErrors(let fraction, let status):
                if cluster.nextRandomUnit() < fraction { return APIResponses.transientFailure(status) }
            default:
                continue
            }
        }
        return nil
    }

    private func route(_ request: HTTPRequest) throws(KubeStatus) -> HTTPResponse {
        let path =
            request.path.count > 1 && request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "version" where parts.count == 1:
            return APIResponses.object(DiscoveryDocuments.version(cluster.clusterVersion))
        case "readyz", "livez", "healthz":
            return HTTPResponse.text("ok")
        case "metrics" where parts.count == 1:
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")],
                body: Array(
                    MetricsText.render(deprecated: cluster.deprecatedAPIs, requests: cluster.resourceVersion).utf8))
        case "api" where parts.count == 1:
            return APIResponses.object(DiscoveryDocuments.coreVersions(host: request.headers["host"] ?? "127.0.0.1"))
        case "api" where parts.count == 2, "apis" where parts.count == 3:
            let group = parts.count == 2 ? "" : parts[1]
            guard let list = DiscoveryDocuments.resourceList(group: group, version: parts[parts.count - 1]) else {
                throw KubeStatus.pathNotFound
            }
            return APIResponses.object(list)
        case "openapi" where parts == ["openapi", "v2"]:
            // An empty protobuf document: kubectl's client-side validation finds no schema for any kind and
            // accepts the object, so `kubectl create/replace -f` work without `--validate=false`.
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "application/octet-stream")])
        case "apis" where parts.count == 1:
            return APIResponses.object(DiscoveryDocuments.groupList())
        case "apis" where parts.count == 2:
            guard DiscoveryDocuments.groups.contains(parts[1]) else { throw KubeStatus.pathNotFound }
            return APIResponses.object(DiscoveryDocuments.group(parts[1]))
        default:
            guard let route = APIRoute(path: path) else { throw KubeStatus.pathNotFound }
            return try ResourceHandler(cluster: cluster, request: request, route: route).respond()
        }
    }
}

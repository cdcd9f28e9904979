import Foundation
import K8sUpKit

/// Serves `NodeAPI` (`/k8sim/v1/…`) for the node stand-ins, plus `GET`/`PUT /k8sim/v1/faults` to read
/// and replace the scenario's faults at runtime.
///
/// `POST …/kubeadm` also accepts an optional `kubeadmVersion` field beside `KubeadmRequest`'s: the kubeadm
/// binary's version, for kubeadm's "higher than the kubeadm minor release" rule of `apply`.
struct NodeAPIHandler {
    let cluster: SimCluster

    private struct KubeadmExtras: Decodable {
        var kubeadmVersion: String?
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let rest = request.path.dropFirst(NodeAPI.prefix.count).split(separator: "/").map(String.init)
        switch (request.method, rest.count, rest.first) {
        case ("GET", 1, "faults"):
            return APIResponses.object(.list(cluster.faults.map(\.dataValue)))
        case ("PUT", 1, "faults"):
            do {
                cluster.faults = try SimFault.readList(
                    text: String(decoding: request.body, as: UTF8.self), file: "<faults>")
            } catch {
                return APIResponses.nodeError(error.description, status: 400)
            }
            return APIResponses.object(.list(cluster.faults.map(\.dataValue)))
        case ("GET", 2, "faults"):
            guard cluster.nodeReport(rest[1]) != nil else { return unknownNode(rest[1]) }
            return encode(cluster.nodeFaults(rest[1]))
        case ("GET", 2, "nodes"):
            guard let report = cluster.nodeReport(rest[1]) else { return unknownNode(rest[1]) }
            return encode(report)
        case ("POST", 3, "nodes") where rest[2] == "kubelet":
            guard let body = decode(NodeAPI.KubeletReport.self, request) else { return badBody() }
            guard let report = cluster.kubelet(rest[1], report: body) else { return unknownNode(rest[1]) }
            return encode(report)
        case ("POST", 3, "nodes") where rest[2] == "kubeadm":
            guard let body = decode(NodeAPI.KubeadmRequest.self, request) else { return badBody() }
            let extras = decode(KubeadmExtras.self, request)
            guard let result = cluster.kubeadm(rest[1], request: body, kubeadmVersion: extras?.kubeadmVersion) else {
                return unknownNode(rest[1])
            }
            return encode(result)
        default:
            return APIResponses.nodeError("no such k8sim endpoint: \(request.method) \(request.path)", status: 404)
        }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ request: HTTPRequest) -> Value? {
        try? JSONDecoder().decode(type, from: Data(request.body))
    }

    private func encode<Value: Encodable>(_ value: Value) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else {
            return APIResponses.nodeError("cannot encode the answer", status: 500)
        }
        return HTTPResponse.json(String(decoding: data, as: UTF8.self))
    }

    private func unknownNode(_ name: String) -> HTTPResponse {
        APIResponses.nodeError("no node \(name) in the simulated cluster", status: 404)
    }

    private func badBody() -> HTTPResponse {
        APIResponses.nodeError("the request body is not the expected JSON", status: 400)
    }
}

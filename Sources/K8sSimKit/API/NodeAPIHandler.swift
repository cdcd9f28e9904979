import Foundation

/// Serves `NodeAPI` (`/k8sim/v1/…`) for the node stand-ins, plus `GET`/`PUT /k8sim/v1/faults` to read
/// and replace the scenario's faults at runtime. `PUT` takes what `SimFault.readList` reads (the
/// scenario's `faults:` entries, as YAML or JSON; `[]` clears them) and both answer with the faults now
/// active as a JSON list on one line; a bad body is a 400 whose `error` names the line and column. For
/// example `[{"type": "kubelet-fails", "node": "worker-2", "restartSec": 2}]` makes worker-2's next kubelet
/// crash-loop, restarting every 2 s (`"mode": "failed"` for a unit that fails at once). A fault applies from
/// the next kubelet start on.
///
/// `GET /k8sim/v1/counters` answers `SimCounters`: evictions refused by a budget and replacements left
/// Pending for lack of room since the cluster was seeded.
///
/// `GET …/nodes/NODE/kubelet` answers the kubelet's systemd unit (`NodeAPI.KubeletUnitReport`) for the
/// `systemctl show` and `journalctl` stand-ins.
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
            return activeFaults()
        case ("GET", 1, "counters"):
            return Self.withNewline(encode(cluster.counters))
        case ("PUT", 1, "faults"):
            do {
                cluster.faults = try SimFault.readList(
                    text: String(decoding: request.body, as: UTF8.self), file: "request body",
                    nodes: Set(cluster.nodeNames))
            } catch {
                return Self.withNewline(APIResponses.nodeError(error.description, status: 400))
            }
            return activeFaults()
        case ("GET", 2, "faults"):
            guard cluster.nodeReport(rest[1]) != nil else { return unknownNode(rest[1]) }
            return encode(cluster.nodeFaults(rest[1]))
        case ("GET", 2, "nodes"):
            guard let report = cluster.nodeReport(rest[1]) else { return unknownNode(rest[1]) }
            return encode(report)
        case ("GET", 3, "nodes") where rest[2] == "kubelet":
            guard let unit = cluster.kubeletUnit(rest[1]) else { return unknownNode(rest[1]) }
            return encode(unit)
        case ("POST", 3, "nodes") where rest[2] == "kubelet":
            guard let body = decode(NodeAPI.KubeletReport.self, request) else { return badBody() }
            guard let report = cluster.kubelet(rest[1], report: body) else { return unknownNode(rest[1]) }
            return encode(report)
        case ("POST", 3, "nodes") where rest[2] == "ssh":
            guard let body = decode(NodeAPI.SSHRequest.self, request) else { return badBody() }
            guard let answer = cluster.sshConnection(node: rest[1], command: body.command) else {
                return unknownNode(rest[1])
            }
            return encode(answer)
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

    /// Ends with a newline, so `curl` leaves the shell prompt on a line of its own.
    private func activeFaults() -> HTTPResponse {
        Self.withNewline(APIResponses.object(.list(cluster.faults.map(\.dataValue))))
    }

    private static func withNewline(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.body.append(UInt8(ascii: "\n"))
        return response
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

import Foundation

/// The node stand-ins' side of `NodeAPI`: blocking JSON calls to the simulated cluster.
struct NodeAPIClient {
    /// Sends one request to a base URL with a timeout in seconds.
    typealias Send = @Sendable (HTTPRequest, String, Double) throws -> HTTPResponse

    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    var timeout: Double = 10
    var send: Send = NodeAPIClient.httpSend

    /// `GET /k8sim/v1/nodes/NODE`.
    func report(node: String) throws -> NodeAPI.NodeReport {
        try call("GET", "/nodes/" + Self.segment(node), body: Optional<NodeAPI.KubeletReport>.none)
    }

    /// `POST /k8sim/v1/nodes/NODE/kubelet`.
    func reportKubelet(node: String, _ report: NodeAPI.KubeletReport) throws -> NodeAPI.NodeReport {
        try call("POST", "/nodes/" + Self.segment(node) + "/kubelet", body: report)
    }

    /// `GET /k8sim/v1/nodes/NODE/kubelet`.
    func kubeletUnit(node: String) throws -> NodeAPI.KubeletUnitReport {
        try call("GET", "/nodes/" + Self.segment(node) + "/kubelet", body: Optional<NodeAPI.KubeletReport>.none)
    }

    /// `POST /k8sim/v1/nodes/NODE/kubeadm`.
    func kubeadm(node: String, _ request: NodeAPI.KubeadmRequest) throws -> NodeAPI.KubeadmResult {
        try call("POST", "/nodes/" + Self.segment(node) + "/kubeadm", body: request)
    }

    /// `GET /k8sim/v1/faults/NODE`.
    func faults(node: String) throws -> NodeAPI.NodeFaults {
        try call("GET", "/faults/" + Self.segment(node), body: Optional<NodeAPI.KubeletReport>.none)
    }

    /// `POST /k8sim/v1/nodes/NODE/ssh`: one ssh connection running `command`.
    func sshConnection(node: String, command: String) throws -> NodeAPI.NodeFaults {
        try call("POST", "/nodes/" + Self.segment(node) + "/ssh", body: NodeAPI.SSHRequest(command: command))
    }

    private func call<Body: Encodable, Answer: Decodable>(_ method: String, _ path: String, body: Body?) throws
        -> Answer
    {
        var request = HTTPRequest(method: method, path: NodeAPI.prefix + path, headers: ["accept": "application/json"])
        if let body {
            request.body = Array(try JSONEncoder().encode(body))
            request.headers["content-type"] = "application/json"
        }
        let response: HTTPResponse
        do {
            response = try send(request, baseURL, timeout)
        } catch {
            throw SandboxError("cannot reach the simulated cluster at \(baseURL): \(error)")
        }
        guard (200..<300).contains(response.status) else {
            let message = (try? JSONDecoder().decode([String: String].self, from: Data(response.body)))?["error"]
            throw SandboxError(
                "the simulated cluster answered \(method) \(request.path) with \(response.status): "
                    + (message ?? String(decoding: response.body, as: UTF8.self)))
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(response.body))
        } catch {
            throw SandboxError(
                "the simulated cluster's answer to \(method) \(request.path) is not \(Answer.self): \(error)")
        }
    }

    /// A node name as one path segment (`HTTPClient` percent-encodes the path itself).
    private static func segment(_ name: String) -> String { name }

    static let httpSend: Send = { request, baseURL, timeout in
        try HTTPClient.send(request, to: baseURL, timeout: timeout)
    }
}

import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// Responses of the fake apiserver: objects as compact JSON, errors as Status objects.
enum APIResponses {
    static func object(_ value: DataValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse.json(SimJSONWriter.compact(value), status: status)
    }

    static func status(_ status: KubeStatus) -> HTTPResponse {
        var response = object(status.object, status: status.code)
        if let seconds = status.retryAfterSeconds { response.headers.append(("Retry-After", String(seconds))) }
        return response
    }

    /// What a real apiserver (or the load balancer in front of it) answers with `code` while it or its
    /// etcd is in trouble, so that kubectl prints the real texts:
    /// - 500: an etcd error the apiserver passes on as it is (`Error from server: etcdserver: leader changed`);
    /// - 503: an apiserver shutting down, with `Retry-After: 1`, which client-go honours (up to 10 tries)
    ///   before kubectl says `Error from server (ServiceUnavailable): apiserver is shutting down`;
    /// - 429: priority and fairness turning a request away, plain text with `Retry-After: 1` (`Error from
    ///   server (TooManyRequests): the server has received too many requests …` after client-go's tries);
    /// - 504: the apiserver's request timeout (`Error from server (Timeout): Timeout: request did not
    ///   complete within requested timeout - context deadline exceeded`);
    /// - 502: the load balancer's page for a backend that answered badly;
    /// - any other: an internal error (`Error from server (InternalError): Internal error occurred: …`).
    static func transientFailure(_ code: Int) -> HTTPResponse {
        switch code {
        case 500:
            return status(KubeStatus(code: 500, message: "etcdserver: leader changed", reason: nil, hasDetails: false))
        case 503:
            var response = status(
                KubeStatus(
                    code: 503, message: "apiserver is shutting down", reason: "ServiceUnavailable", hasDetails: false))
            response.headers.append(("Retry-After", "1"))
            return response
        case 429:
            var response = HTTPResponse.text("Too many requests, please try again later.\n", status: 429)
            response.headers.append(("Retry-After", "1"))
            return response
        case 504:
            return status(
                KubeStatus(
                    code: 504,
                    message: "Timeout: request did not complete within requested timeout - context deadline exceeded",
                    reason: "Timeout"))
        case 502:
            return page(502, "Bad Gateway", "The server returned an invalid or incomplete response.")
        default:
            return status(
                KubeStatus(
                    code: code, message: "Internal error occurred: k8sim: injected failure (HTTP \(code))",
                    reason: "InternalError"))
        }
    }

    /// HTTP 503 from a load balancer (HAProxy's page) whose only apiserver backend is down.
    static let noBackend = page(503, "Service Unavailable", "No server is available to handle this request.")

    /// An HTML error page as HAProxy writes it.
    private static func page(_ code: Int, _ title: String, _ text: String) -> HTTPResponse {
        HTTPResponse(
            status: code, headers: [("Content-Type", "text/html"), ("Cache-Control", "no-cache")],
            body: Array("<html><body><h1>\(code) \(title)</h1>\n\(text)\n</body></html>\n".utf8))
    }

    /// The node API's error shape: `{"error": "…"}`.
    static func nodeError(_ message: String, status: Int) -> HTTPResponse {
        object(["error": .string(message)], status: status)
    }

    /// The JSON body of a request as data (`null` for an empty body).
    static func body(_ request: HTTPRequest) throws(KubeStatus) -> DataValue {
        let text = String(decoding: request.body, as: UTF8.self)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .null }
        do {
            return try DataNode.loadJSON(text: text, file: "<request body>").value
        } catch {
            throw KubeStatus.badRequest("the body of the request could not be decoded: \(error.description)")
        }
    }
}

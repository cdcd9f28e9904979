import Foundation
import K8sUpKit

/// Responses of the fake apiserver: objects as compact JSON, errors as Status objects.
enum APIResponses {
    static func object(_ value: DataValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse.json(PythonJSONWriter.compact(value), status: status)
    }

    static func status(_ status: KubeStatus) -> HTTPResponse {
        var response = object(status.object, status: status.code)
        if let seconds = status.retryAfterSeconds { response.headers.append(("Retry-After", String(seconds))) }
        return response
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

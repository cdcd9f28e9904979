import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// The query of a list request: `fieldSelector`, `labelSelector`, `limit` and `continue`.
struct ListQuery {
    /// One `field=value` / `field!=value` term.
    struct FieldTerm {
        var path: [String]
        var value: String
        var negated: Bool
    }

    var fields: [FieldTerm] = []
    var labels: SimLabelSelector?
    var limit: Int?
    var continueAfter: String?

    static let supportedFields = ["spec.nodeName", "metadata.name", "metadata.namespace", "status.phase"]

    init(_ request: HTTPRequest) throws(KubeStatus) {
        if let text = request.parameter("fieldSelector"), !text.isEmpty {
            for term in text.split(separator: ",") {
                let term = String(term)
                let negated = term.contains("!=")
                let parts =
                    negated
                    ? term.components(separatedBy: "!=")
                    : term.replacingOccurrences(of: "==", with: "=").components(separatedBy: "=")
                guard parts.count == 2, Self.supportedFields.contains(parts[0]) else {
                    throw KubeStatus.badRequest(
                        "Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"\(text)\": "
                            + "field label not supported: \(parts[0])")
                }
                fields.append(
                    FieldTerm(path: parts[0].split(separator: ".").map(String.init), value: parts[1], negated: negated))
            }
        }
        if let text = request.parameter("labelSelector"), !text.isEmpty {
            guard let selector = SelectorParsing.query(text) else {
                throw KubeStatus.badRequest("unable to parse requirement: \(text)")
            }
            labels = selector
        }
        if let text = request.parameter("limit"), let number = Int(text), number > 0 { limit = number }
        if let token = request.parameter("continue"), !token.isEmpty {
            guard let key = Self.decodeToken(token) else {
                throw KubeStatus(
                    code: 410,
                    message: "The provided continue parameter is too old to display a consistent list result.",
                    reason: "Expired")
            }
            continueAfter = key
        }
    }

    func matches(_ object: DataValue) -> Bool {
        for term in fields {
            let actual = object[term.path]?.stringValue ?? ""
            if (actual == term.value) == term.negated { return false }
        }
        if let labels, !labels.matches(object.stringMap("metadata", "labels")) { return false }
        return true
    }

    /// The page of `objects` (in key order) and the token of the next page.
    func page(_ objects: [DataValue]) -> (items: [DataValue], next: String?, remaining: Int) {
        var items = objects.filter(matches)
        if let after = continueAfter {
            items = items.filter { ClusterData.key($0.objectNamespace, $0.objectName) > after }
        }
        guard let limit, items.count > limit else { return (items, nil, 0) }
        let page = Array(items.prefix(limit))
        let last = page.last.map { ClusterData.key($0.objectNamespace, $0.objectName) } ?? ""
        return (page, Self.encodeToken(last), items.count - limit)
    }

    static func encodeToken(_ key: String) -> String {
        Data(key.utf8).base64EncodedString()
    }

    static func decodeToken(_ token: String) -> String? {
        Data(base64Encoded: token).map { String(decoding: $0, as: UTF8.self) }
    }
}

import K8sUpReaders
import K8sUpSupport
import PythonParity

/// A `meta/v1` Status object, the body of every apiserver error (and of a successful eviction).
package struct KubeStatus: Error, Sendable, Equatable {
    /// One `details.causes` entry; `reason` is the cause type (`DisruptionBudget`).
    package struct Cause: Sendable, Equatable {
        package var reason: String?
        package var message: String

        package init(reason: String?, message: String) {
            self.reason = reason
            self.message = message
        }
    }

    package var code: Int
    package var status: String
    package var message: String?
    package var reason: String?
    package var name: String?
    package var group: String?
    package var kind: String?
    package var causes: [Cause]
    package var retryAfterSeconds: Int?
    /// Whether to write `details` at all; kube errors carry `details` even when only `causes` is set.
    package var hasDetails: Bool

    package init(
        code: Int, status: String = "Failure", message: String?, reason: String?, name: String? = nil,
        group: String? = nil, kind: String? = nil, causes: [Cause] = [], retryAfterSeconds: Int? = nil,
        hasDetails: Bool = true
    ) {
        self.code = code
        self.status = status
        self.message = message
        self.reason = reason
        self.name = name
        self.group = group
        self.kind = kind
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
        self.hasDetails = hasDetails
    }

    /// The object as the apiserver writes it.
    package var object: DataValue {
        var object: DataValue = ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": .string(status)]
        if let message { object[["message"]] = .string(message) }
        if let reason { object[["reason"]] = .string(reason) }
        if hasDetails {
            var details: DataValue = [:]
            if let name { details[["name"]] = .string(name) }
            if let group { details[["group"]] = .string(group) }
            if let kind { details[["kind"]] = .string(kind) }
            if !causes.isEmpty {
                details[["causes"]] = .list(
                    causes.map { cause in
                        var entry: DataValue = ["message": .string(cause.message)]
                        if let reason = cause.reason { entry[["reason"]] = .string(reason) }
                        return entry
                    })
            }
            if let retryAfterSeconds { details[["retryAfterSeconds"]] = .int(retryAfterSeconds) }
            object[["details"]] = details
        }
        object[["code"]] = .int(code)
        return object
    }

    /// `nodes "x" not found` (`resource` is the plural, with its group: `leases.coordination.k8s.io`).
    package static func notFound(resource: String, group: String = "", name: String) -> KubeStatus {
        let qualified = group.isEmpty ? resource : "\(resource).\(group)"
        return KubeStatus(
            code: 404, message: "\(qualified) \"\(name)\" not found", reason: "NotFound", name: name,
            group: group.isEmpty ? nil : group, kind: resource)
    }

    /// `leases.coordination.k8s.io "k8sup" already exists`.
    package static func alreadyExists(resource: String, group: String = "", name: String) -> KubeStatus {
        let qualified = group.isEmpty ? resource : "\(resource).\(group)"
        return KubeStatus(
            code: 409, message: "\(qualified) \"\(name)\" already exists", reason: "AlreadyExists", name: name,
            group: group.isEmpty ? nil : group, kind: resource)
    }

    /// The optimistic-concurrency conflict of an update with a stale `resourceVersion`.
    package static func conflict(resource: String, group: String = "", name: String) -> KubeStatus {
        let qualified = group.isEmpty ? resource : "\(resource).\(group)"
        return KubeStatus(
            code: 409,
            message: "Operation cannot be fulfilled on \(qualified) \"\(name)\": the object has been modified; "
                + "please apply your changes to the latest version and try again",
            reason: "Conflict", name: name, group: group.isEmpty ? nil : group, kind: resource)
    }

    /// A request the server cannot make sense of.
    package static func badRequest(_ message: String) -> KubeStatus {
        KubeStatus(code: 400, message: message, reason: "BadRequest", hasDetails: false)
    }

    /// A path the server does not serve.
    package static let pathNotFound = KubeStatus(
        code: 404, message: "the server could not find the requested resource", reason: "NotFound", hasDetails: true)

    /// A verb the resource does not support.
    package static func methodNotAllowed(_ method: String) -> KubeStatus {
        KubeStatus(
            code: 405, message: "the server does not allow this method on the requested resource",
            reason: "MethodNotAllowed", hasDetails: true)
    }

}

import Foundation
import K8sUpSupport

/// The k8sup Lease (`coordination.k8s.io/v1`, `kube-system/k8sup`) as k8sup writes and reads it: who
/// holds it, since when, when it was last renewed and for how long each renewal counts.
package struct LeaseRecord: Sendable, Equatable {
    package static let namespace = "kube-system"
    package static let name = "k8sup"
    static let runIdAnnotation = "k8sup.io/run-id"
    static let targetAnnotation = "k8sup.io/target"

    /// `spec.holderIdentity`; empty when released without being deleted.
    package var holder: String
    package var acquireTime: Date?
    package var renewTime: Date?
    var durationSeconds: Int
    /// `spec.leaseTransitions`: how many times the lock changed hands.
    var transitions: Int
    /// `metadata.resourceVersion`: writing with it fails with a Conflict if someone wrote in between.
    package var resourceVersion: String?
    package var runId: String?
    package var target: String?

    /// When it stops counting unless renewed (nil without any time in it).
    package var expires: Date? {
        (renewTime ?? acquireTime).map { $0.addingTimeInterval(Double(durationSeconds)) }
    }

    /// Nobody may hold it any longer: no holder, no time, or past its expiry at `now`.
    package func isFree(at now: Date) -> Bool {
        guard !holder.isEmpty, let expires else { return true }
        return expires < now
    }

    /// The manifest for `kubectl create/replace -f`: times as `MicroTime` (microseconds, UTC).
    package func manifest() -> String {
        var annotations: [String: String] = [:]
        annotations[Self.runIdAnnotation] = runId
        annotations[Self.targetAnnotation] = target
        let document = Document(
            apiVersion: "coordination.k8s.io/v1", kind: "Lease",
            metadata: .init(
                name: Self.name, namespace: Self.namespace, resourceVersion: resourceVersion,
                annotations: annotations.isEmpty ? nil : annotations),
            spec: .init(
                holderIdentity: holder, acquireTime: acquireTime.map(RFC3339.microTime),
                renewTime: renewTime.map(RFC3339.microTime), leaseDurationSeconds: durationSeconds,
                leaseTransitions: transitions))
        return StableJSON.encode(document)
    }

    /// Reads the JSON kubectl prints for the Lease (`-o json`).
    package static func parse(_ json: String) throws(LockError) -> LeaseRecord {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        } catch {
            throw .unreadable(reason: "kubectl did not print a Lease as JSON (\(ErrorText.describe(error)))")
        }
        guard document.kind == "Lease" else {
            throw .unreadable(reason: "kubectl printed a \(document.kind ?? "document without a kind"), not a Lease")
        }
        let spec = document.spec
        func time(_ text: String?, _ field: String) throws(LockError) -> Date? {
            guard let text, !text.isEmpty else { return nil }
            guard let date = RFC3339.parse(text) else {
                throw .unreadable(reason: "spec.\(field) '\(text)' is not a time")
            }
            return date
        }
        return LeaseRecord(
            holder: spec?.holderIdentity ?? "", acquireTime: try time(spec?.acquireTime, "acquireTime"),
            renewTime: try time(spec?.renewTime, "renewTime"), durationSeconds: spec?.leaseDurationSeconds ?? 0,
            transitions: spec?.leaseTransitions ?? 0, resourceVersion: document.metadata?.resourceVersion,
            runId: document.metadata?.annotations?[Self.runIdAnnotation],
            target: document.metadata?.annotations?[Self.targetAnnotation])
    }

    /// The Lease's JSON shape, only the fields k8sup uses.
    private struct Document: Codable {
        var apiVersion: String?
        var kind: String?
        var metadata: Metadata?
        var spec: Spec?

        struct Metadata: Codable {
            var name: String?
            var namespace: String?
            var resourceVersion: String?
            var annotations: [String: String]?
        }

        struct Spec: Codable {
            var holderIdentity: String?
            var acquireTime: String?
            var renewTime: String?
            var leaseDurationSeconds: Int?
            var leaseTransitions: Int?
        }
    }
}

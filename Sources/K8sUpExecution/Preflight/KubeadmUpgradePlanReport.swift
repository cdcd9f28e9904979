import Foundation
import K8sUpPlanning

/// Reads `kubeadm upgrade plan VERSION -o json`: an `UpgradePlan` of group `output.kubeadm.k8s.io`, in
/// `v1alpha3` (kubeadm v1.31 on: `availableUpgrades[].components[]`) or `v1alpha2` (before: a flat
/// `components[]`), each component `{name, currentVersion, newVersion, nodeName?}`. Progress lines some
/// kubeadm versions print before the document are skipped (decoding starts at the first `{`).
enum KubeadmUpgradePlanReport {
    /// The components pre-flight shows per hop, in this order.
    static let shown = ["etcd", "CoreDNS", "kube-proxy"]

    struct Unreadable: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    private struct Document: Decodable {
        var kind: String?
        var availableUpgrades: [Upgrade]?
        var components: [Component]?
    }

    private struct Upgrade: Decodable {
        var components: [Component]?
    }

    private struct Component: Decodable {
        var name: String
        var currentVersion: String?
        var newVersion: String?
    }

    /// etcd, CoreDNS and kube-proxy, current and new, as the plan reports them (the first entry of each:
    /// etcd is listed once per control-plane node); empty when kubeadm reports no upgrade.
    static func components(_ output: String) throws(Unreadable) -> [UpgradePlan.Component] {
        guard let start = output.firstIndex(of: "{") else {
            if output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [] }
            throw Unreadable(description: "kubeadm printed no JSON document")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(output[start...].utf8))
        } catch {
            throw Unreadable(description: "kubeadm's JSON is not an UpgradePlan (\(error.localizedDescription))")
        }
        guard document.kind == nil || document.kind == "UpgradePlan" else {
            throw Unreadable(description: "kubeadm printed a \(document.kind ?? "") instead of an UpgradePlan")
        }
        let all = (document.availableUpgrades ?? []).flatMap { $0.components ?? [] } + (document.components ?? [])
        return shown.compactMap { name in
            guard let found = all.first(where: { $0.name == name }) else { return nil }
            return UpgradePlan.Component(
                name: name, current: found.currentVersion ?? "?", target: found.newVersion ?? "?")
        }
    }
}

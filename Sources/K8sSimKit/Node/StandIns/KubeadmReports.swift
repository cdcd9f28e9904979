import Foundation
import K8sUpReaders
import K8sUpSupport
import PythonParity

/// What the kubeadm stand-in prints for pre-flight's read-only commands: `kubeadm certs
/// check-expiration` (kubeadm's two text tables, with the `certs-expiring` fault's days left), and
/// `kubeadm upgrade plan VERSION -o json` (an `UpgradePlan` of `output.kubeadm.k8s.io`: `v1alpha3` from
/// kubeadm v1.31, flat `v1alpha2` before, with the etcd and CoreDNS versions kubeadm of each minor ships).
enum KubeadmReports {
    /// The leaf certificates kubeadm v1.29+ manages, with their CA.
    static let certificates: [(name: String, authority: String)] = [
        ("admin.conf", "ca"), ("apiserver", "ca"), ("apiserver-etcd-client", "etcd-ca"),
        ("apiserver-kubelet-client", "ca"), ("controller-manager.conf", "ca"), ("etcd-healthcheck-client", "etcd-ca"),
        ("etcd-peer", "etcd-ca"), ("etcd-server", "etcd-ca"), ("front-proxy-client", "front-proxy-ca"),
        ("scheduler.conf", "ca"), ("super-admin.conf", "ca"),
    ]
    static let authorities = ["ca", "etcd-ca", "front-proxy-ca"]
    /// Days left on the leaf certificates without a fault (kubeadm issues them for a year).
    static let defaultDaysLeft = 300
    static let authorityDaysLeft = 3287

    /// The text of `kubeadm certs check-expiration` with `daysLeft` on every leaf certificate.
    static func checkExpiration(daysLeft: Int, now: Date = Date()) -> String {
        var text = "[check-expiration] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace "
        text += "\"kube-system\"...\n[check-expiration] Use 'kubeadm init phase upload-config --config "
        text += "your-config-file' to re-upload it.\n\n"
        let leafRows = certificates.map { certificate in
            [certificate.name, date(now, days: daysLeft), residual(days: daysLeft), certificate.authority, "no      "]
        }
        text += tabulated(
            [["CERTIFICATE", "EXPIRES", "RESIDUAL TIME", "CERTIFICATE AUTHORITY", "EXTERNALLY MANAGED"]] + leafRows)
        text += "\n"
        let authorityRows = authorities.map { name in
            [name, date(now, days: authorityDaysLeft), residual(days: authorityDaysLeft), "no      "]
        }
        text += tabulated(
            [["CERTIFICATE AUTHORITY", "EXPIRES", "RESIDUAL TIME", "EXTERNALLY MANAGED"]] + authorityRows)
        return text
    }

    /// `kubeadm upgrade plan TARGET -o json` by kubeadm `kubeadmVersion` on `node`, for a cluster at
    /// `clusterVersion`.
    static func upgradePlan(
        target: SimVersion, kubeadmVersion: SimVersion, clusterVersion: SimVersion, node: String,
        kubeletVersion: String
    ) -> String {
        let current = clusterVersion.minor, wanted = target.minor
        func entry(_ name: String, _ from: String, _ to: String, node nodeName: String?) -> String {
            var fields = ["\"name\": \"\(name)\"", "\"currentVersion\": \"\(from)\"", "\"newVersion\": \"\(to)\""]
            if let nodeName { fields.append("\"nodeName\": \"\(nodeName)\"") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let components = [
            entry("kubelet", kubeletVersion, target.description, node: node),
            entry("kube-apiserver", clusterVersion.description, target.description, node: node),
            entry("kube-controller-manager", clusterVersion.description, target.description, node: node),
            entry("kube-scheduler", clusterVersion.description, target.description, node: node),
            entry("kube-proxy", clusterVersion.description, target.description, node: nil),
            entry("CoreDNS", coreDNS(current), coreDNS(wanted), node: nil),
            entry("kubeadm", kubeadmVersion.description, target.description, node: nil),
            entry("etcd", etcd(current), etcd(wanted), node: node),
        ]
        let list = components.map { "            " + $0 }.joined(separator: ",\n")
        let configs = """
                "configVersions": [
                    {"group": "kubeproxy.config.k8s.io", "currentVersion": "v1alpha1", "preferredVersion": "v1alpha1", "manualUpgradeRequired": false},
                    {"group": "kubelet.config.k8s.io", "currentVersion": "v1beta1", "preferredVersion": "v1beta1", "manualUpgradeRequired": false}
                ]
            """
        if kubeadmVersion.isAtLeast(1, 31) {
            return """
                {
                    "kind": "UpgradePlan",
                    "apiVersion": "output.kubeadm.k8s.io/v1alpha3",
                    "availableUpgrades": [
                        {
                            "description": "version in the \(target.minorName) series",
                            "components": [
                \(list.replacingOccurrences(of: "            {", with: "                {"))
                            ]
                        }
                    ],
                \(configs)
                }

                """
        }
        return """
            {
                "kind": "UpgradePlan",
                "apiVersion": "output.kubeadm.k8s.io/v1alpha2",
                "components": [
            \(list)
                ],
            \(configs)
            }

            """
    }

    /// The CoreDNS version kubeadm of each minor deploys.
    static func coreDNS(_ minor: Int) -> String {
        switch minor {
        case ...28: "v1.10.1"
        case 29: "v1.11.1"
        case 30...32: "v1.11.3"
        case 33: "v1.12.0"
        default: "v1.12.1"
        }
    }

    /// The etcd image kubeadm of each minor deploys.
    static func etcd(_ minor: Int) -> String {
        switch minor {
        case ...27: "3.5.7-0"
        case 28: "3.5.9-0"
        case 29: "3.5.10-0"
        case 30: "3.5.12-0"
        case 31: "3.5.15-0"
        case 32: "3.5.16-0"
        case 33: "3.5.21-0"
        default: "3.6.4-0"
        }
    }

    /// Kubernetes' short duration, as kubeadm prints RESIDUAL TIME.
    static func residual(days: Int) -> String {
        if days < 0 { return "<invalid>" }
        return days >= 365 ? "\(days / 365)y" : "\(days)d"
    }

    private static func date(_ now: Date, days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM dd, yyyy HH:mm 'UTC'"
        return formatter.string(from: now.addingTimeInterval(Double(days) * 86_400))
    }

    /// Rows as Go's tabwriter aligns them with kubeadm's settings (minimum width 10, padding 3): every
    /// column but the last padded to its widest cell plus 3.
    private static func tabulated(_ rows: [[String]]) -> String {
        let columns = (rows.map(\.count).max() ?? 1) - 1
        let widths = (0..<columns).map { column in
            max(10, (rows.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0) + 3)
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < columns ? cell + String(repeating: " ", count: widths[index] - cell.count) : cell
            }.joined() + "\n"
        }.joined()
    }
}

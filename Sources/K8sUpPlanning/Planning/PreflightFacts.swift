/// What pre-flight read on the nodes over ssh before planning, as a plain value, so that the checks over
/// it stay pure functions (`PreflightChecks`). Gathered by `PreflightProbe` for a live plan and for each
/// hop of `apply`; absent from a snapshot plan.
package struct PreflightFacts: Sendable, Equatable {
    /// By inventory host: every host with a node to upgrade, and the first control-plane host.
    package var hosts: [String: HostFacts]
    /// By hop version (`v1.29.15`): what the first control-plane node reported for that hop.
    package var hops: [String: HopFacts]
    /// Checks that could not run on any node, each saying why (`free disk: playbook x declares no writes`).
    package var notRun: [String]

    package init(hosts: [String: HostFacts] = [:], hops: [String: HopFacts] = [:], notRun: [String] = []) {
        self.hosts = hosts
        self.hops = hops
        self.notRun = notRun
    }

    /// How a host answered the first ssh command.
    package enum Reach: Sendable, Equatable {
        case reachable
        /// ssh itself failed (exit 255); its own message.
        case unreachable(String)
        /// ssh worked but `sudo -n` did not, for `user` (nil: the ssh user of ssh's own configuration).
        case sudoFails(user: String?, message: String)
    }

    /// One host's answers; a part is nil when it was not asked (the host was not reachable, or the part
    /// does not apply to it).
    package struct HostFacts: Sendable, Equatable {
        /// The Kubernetes node name.
        package var node: String
        /// `ubuntu@10.0.0.12:22`: how ssh reaches it, for messages.
        package var route: String
        package var reach: Reach
        package var disk: Disk?
        /// Control-plane hosts only.
        package var certificates: Certificates?

        package init(node: String, route: String, reach: Reach, disk: Disk? = nil, certificates: Certificates? = nil) {
            self.node = node
            self.route = route
            self.reach = reach
            self.disk = disk
            self.certificates = certificates
        }
    }

    /// Free space on the paths the host's playbook writes.
    package struct Disk: Sendable, Equatable {
        /// `k8sup_min_free_mb` for the host.
        package var minimumMB: Int
        package var paths: [DiskSpace]
        /// Why the space could not be read, if it could not.
        package var error: String?

        package init(minimumMB: Int, paths: [DiskSpace] = [], error: String? = nil) {
            self.minimumMB = minimumMB
            self.paths = paths
            self.error = error
        }
    }

    /// `kubeadm certs check-expiration` on a control-plane host.
    package struct Certificates: Sendable, Equatable {
        package var entries: [CertificateExpiry]
        /// Whether the playbook's `kubeadm upgrade apply/node` renews the certificates kubeadm manages
        /// (`kubeadm_upgrade_auto_cert_renewal`, kubeadm's `--certificate-renewal`).
        package var renewedByUpgrade: Bool
        /// The kubeadm the playbook runs (`kubeadm`, `/usr/local/bin/kubeadm`), for the fix.
        package var kubeadm: String
        /// Why the table could not be read, if it could not.
        package var error: String?

        package init(entries: [CertificateExpiry], renewedByUpgrade: Bool, kubeadm: String, error: String? = nil) {
            self.entries = entries
            self.renewedByUpgrade = renewedByUpgrade
            self.kubeadm = kubeadm
            self.error = error
        }
    }

    /// What the first control-plane node said about one hop.
    package struct HopFacts: Sendable, Equatable {
        /// The inventory host it was read on.
        package var host: String
        /// What `discover_versions` printed (`1.29.15-1.1`), or nil with `packageNote` saying why not.
        package var packageVersion: String?
        package var packageNote: String?
        /// etcd, CoreDNS and kube-proxy as `kubeadm upgrade plan` reports them; nil with `componentsNote`.
        package var components: [UpgradePlan.Component]?
        package var componentsNote: String?

        package init(
            host: String, packageVersion: String? = nil, packageNote: String? = nil,
            components: [UpgradePlan.Component]? = nil, componentsNote: String? = nil
        ) {
            self.host = host
            self.packageVersion = packageVersion
            self.packageNote = packageNote
            self.components = components
            self.componentsNote = componentsNote
        }
    }
}

/// Free space of the filesystem holding one path, as `df -Pk` reports it.
package struct DiskSpace: Sendable, Equatable {
    /// The path the playbook declares (`/var/lib/k8sup/backup`), which may not exist yet.
    package var path: String
    /// The filesystem's mount point (`/var`).
    package var mountPoint: String
    package var availableMB: Int

    package init(path: String, mountPoint: String, availableMB: Int) {
        self.path = path
        self.mountPoint = mountPoint
        self.availableMB = availableMB
    }
}

/// One row of `kubeadm certs check-expiration`.
package struct CertificateExpiry: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case certificate
        case authority
    }

    /// `apiserver`, `admin.conf`, `ca`.
    package var name: String
    package var kind: Kind
    /// As kubeadm prints it (`Aug 19, 2026 09:03 UTC`); empty for a missing certificate.
    package var expires: String
    /// Whole days left (kubeadm's RESIDUAL TIME: `<invalid>` is expired, `9y` is 9 × 365 days); nil when
    /// the certificate is missing.
    package var daysLeft: Int?
    package var isExpired: Bool
    /// EXTERNALLY MANAGED: kubeadm never renews these.
    package var externallyManaged: Bool

    package init(
        name: String, kind: Kind, expires: String, daysLeft: Int?, isExpired: Bool, externallyManaged: Bool
    ) {
        self.name = name
        self.kind = kind
        self.expires = expires
        self.daysLeft = daysLeft
        self.isExpired = isExpired
        self.externallyManaged = externallyManaged
    }
}

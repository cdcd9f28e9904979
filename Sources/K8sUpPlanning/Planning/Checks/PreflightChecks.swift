import K8sUpSupport

/// The checks over what pre-flight read on the nodes (`PreflightFacts`): hosts unreachable or without
/// `sudo -n`, too little free disk on the paths the playbooks write, and control-plane certificates that
/// expired or expire soon; and, per hop, the package version and component versions read on the first
/// control-plane node. Pure: the facts were gathered before planning.
enum PreflightChecks {
    /// Certificates expiring within this many days are warned about.
    static let expiryWarningDays = 30

    /// What a plan without a live cluster cannot check, for the one line a snapshot plan prints.
    static let liveOnly = [
        "nodes reachable over ssh with sudo -n", "free disk on the paths the playbooks write",
        "control-plane certificate expiry", "the package version each hop installs",
        "the component versions kubeadm upgrade plan reports", "etcd health", "deprecated API use",
        "kubectl version skew",
    ]

    /// What a snapshot plan says about the checks it could not run.
    static var snapshot: UpgradePlan.Preflight {
        UpgradePlan.Preflight(live: false, hosts: 0, notRun: liveOnly)
    }

    /// Adds the findings, fills in each hop's `discovered`, and returns what the plan says about pre-flight.
    static func check(
        _ facts: PreflightFacts, hops: inout [UpgradePlan.Hop], into checks: inout CheckCollector
    ) -> UpgradePlan.Preflight {
        for index in hops.indices {
            guard let found = facts.hops[hops[index].version] else { continue }
            hops[index].discovered = UpgradePlan.Discovered(
                host: found.host, packageVersion: found.packageVersion, packageNote: found.packageNote,
                components: found.components, componentsNote: found.componentsNote)
        }
        let plannedHops = hops
        func hopNumbers(_ node: String) -> [Int] {
            plannedHops.filter { $0.nodes.contains { $0.node == node } }.map(\.number)
        }
        for (host, found) in facts.hosts.sorted(by: { $0.key < $1.key }) {
            let numbers = hopNumbers(found.node)
            guard reach(found, host: host, hops: numbers, into: &checks) else { continue }
            if let disk = found.disk { self.disk(disk, node: found.node, hops: numbers, into: &checks) }
            if let certificates = found.certificates {
                self.certificates(certificates, node: found.node, hops: numbers, into: &checks)
            }
        }
        return UpgradePlan.Preflight(live: true, hosts: facts.hosts.count, notRun: facts.notRun)
    }

    /// Blocks an unreachable host or one without `sudo -n`; returns whether the host answered.
    private static func reach(
        _ found: PreflightFacts.HostFacts, host: String, hops: [Int], into checks: inout CheckCollector
    ) -> Bool {
        let node = found.node
        switch found.reach {
        case .reachable:
            return true
        case .unreachable(let message):
            checks.add(
                "node.unreachable", .blocker, "\(node): unreachable: \(message)", nodes: [node], hops: hops,
                fix: "make \(node) answer ssh as k8sup runs it (\(found.route), no password or host-key prompt: "
                    + "BatchMode), or leave it out with --limit 'all:!\(host)'; then plan again")
        case .sudoFails(let user, let message):
            let who = user.map { "user \($0)" } ?? "the ssh user"
            checks.add(
                "node.unreachable", .blocker, "\(node): sudo -n does not work for \(who): \(message)",
                nodes: [node], hops: hops,
                fix: "let \(who) run sudo without a password on \(node) (a NOPASSWD sudoers rule), or log in as root "
                    + "with ansible_become: false; then plan again")
        }
        return false
    }

    private static func disk(
        _ disk: PreflightFacts.Disk, node: String, hops: [Int], into checks: inout CheckCollector
    ) {
        if let error = disk.error {
            checks.add(
                "preflight.incomplete", .warning, "\(node): the free disk space could not be read: \(error)",
                nodes: [node], hops: hops,
                fix: "check the paths under writes: in the node's playbook, and that df works on \(node)")
            return
        }
        var mounts: [String] = []
        var byMount: [String: [DiskSpace]] = [:]
        for space in disk.paths where space.availableMB < disk.minimumMB {
            if byMount[space.mountPoint] == nil { mounts.append(space.mountPoint) }
            byMount[space.mountPoint, default: []].append(space)
        }
        for mount in mounts {
            let spaces = byMount[mount] ?? []
            let free = spaces.map(\.availableMB).min() ?? 0
            let paths = English.list(spaces.map(\.path))
            checks.add(
                "node.low-disk", .blocker,
                "\(node): only \(free) MB free on \(mount) (for \(paths)), below k8sup_min_free_mb "
                    + "\(disk.minimumMB): staging or the backup may fill the disk halfway through the upgrade",
                nodes: [node], hops: hops,
                fix: "free at least \(disk.minimumMB - free) MB on \(mount) of \(node) (old packages, unused "
                    + "container images: crictl rmi --prune), then plan again; k8sup_min_free_mb sets the threshold")
        }
    }

    private static func certificates(
        _ found: PreflightFacts.Certificates, node: String, hops: [Int], into checks: inout CheckCollector
    ) {
        if let error = found.error {
            checks.add(
                "preflight.incomplete", .warning,
                "\(node): the control-plane certificates could not be read: \(error)", nodes: [node], hops: hops,
                fix: "run `\(found.kubeadm) certs check-expiration` on \(node) and renew what expires")
            return
        }
        let leaves = found.entries.filter { $0.kind == .certificate }
        let authorities = found.entries.filter { $0.kind == .authority }
        let renewal =
            found.renewedByUpgrade
            ? "kubeadm upgrade apply/node renews the certificates kubeadm manages"
            : "the playbook runs kubeadm upgrade with --certificate-renewal=false "
                + "(kubeadm_upgrade_auto_cert_renewal), so the upgrade renews none"
        let renew = "`\(found.kubeadm) certs renew all` on \(node), then restart its control-plane static pods "
        let expired = leaves.filter(\.isExpired)
        if !expired.isEmpty {
            checks.add(
                "cert.expired", .blocker,
                "\(node): \(describe(expired, "expired")); \(renewal), but it cannot upgrade a control plane whose "
                    + "certificates have already expired",
                nodes: [node], hops: hops,
                fix: "renew them first: " + renew
                    + "(move each manifest out of /etc/kubernetes/manifests and back) and the kubelet; then plan again")
        }
        let expiredAuthorities = authorities.filter(\.isExpired)
        if !expiredAuthorities.isEmpty {
            checks.add(
                "cert.expired", .blocker,
                "\(node): \(describe(expiredAuthorities, "expired")); kubeadm never renews a CA, not during upgrades "
                    + "either",
                nodes: [node], hops: hops,
                fix: "rotate the CA by hand (kubeadm's manual CA rotation procedure), then plan again")
        }
        let soon = leaves.filter { !$0.isExpired && ($0.daysLeft ?? Int.max) < expiryWarningDays }
        let managed = soon.filter { !$0.externallyManaged }
        let external = soon.filter(\.externallyManaged)
        if !managed.isEmpty {
            checks.add(
                "cert.expiring", .warning,
                "\(node): \(describe(managed, "expire")); \(renewal)", nodes: [node], hops: hops,
                fix: found.renewedByUpgrade
                    ? "nothing to do if the upgrade runs now; if it waits, " + renew + "before they expire"
                    : renew + "before the upgrade, or set kubeadm_upgrade_auto_cert_renewal: true")
        }
        if !external.isEmpty {
            checks.add(
                "cert.expiring", .warning,
                "\(node): \(describe(external, "expire")); they are managed outside kubeadm, which renews none of "
                    + "them",
                nodes: [node], hops: hops, fix: "renew them where they are issued, before they expire")
        }
        let soonAuthorities = authorities.filter {
            !$0.isExpired && ($0.daysLeft ?? Int.max) < expiryWarningDays
        }
        if !soonAuthorities.isEmpty {
            checks.add(
                "cert.expiring", .warning,
                "\(node): \(describe(soonAuthorities, "expire")); kubeadm never renews a CA, not during upgrades "
                    + "either",
                nodes: [node], hops: hops, fix: "rotate the CA by hand (kubeadm's manual CA rotation procedure)")
        }
    }

    /// `certificates apiserver and admin.conf expire in 12 days (Aug 19, 2026 09:03 UTC)`.
    private static func describe(_ entries: [CertificateExpiry], _ verb: String) -> String {
        let isAuthority = entries.first?.kind == .authority
        let noun =
            isAuthority
            ? (entries.count == 1 ? "certificate authority" : "certificate authorities")
            : (entries.count == 1 ? "certificate" : "certificates")
        let first = entries.min { ($0.daysLeft ?? 0) < ($1.daysLeft ?? 0) }
        let when: String
        if verb == "expired" {
            when = "expired" + (first.map { " (\($0.expires))" } ?? "")
        } else {
            let days = first?.daysLeft ?? 0
            let left = days == 0 ? "within a day" : days == 1 ? "in 1 day" : "in \(days) days"
            when = (entries.count == 1 ? "expires " : "expire ") + left + (first.map { " (\($0.expires))" } ?? "")
        }
        return "\(noun) \(English.list(entries.map(\.name))) \(when)"
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The checks over what pre-flight read on the nodes, as pure functions of `PreflightFacts`: which facts
/// block, which warn, what the messages say, and what a hop shows.
@Suite struct PreflightChecksTests {
    private static func plan(_ facts: PreflightFacts?, live: Bool = true) throws -> UpgradePlan {
        var fixture = PlanFixture.uniform("v1.29.8", workers: 2)
        if live { fixture.live = LiveFacts() }
        var inputs = try fixture.inputs()
        inputs.preflight = facts
        return try Planner.plan(inputs)
    }

    private static func host(
        _ node: String, reach: PreflightFacts.Reach = .reachable, disk: PreflightFacts.Disk? = nil,
        certificates: PreflightFacts.Certificates? = nil
    ) -> PreflightFacts.HostFacts {
        PreflightFacts.HostFacts(
            node: node, route: "ops@10.0.0.12:22", reach: reach, disk: disk, certificates: certificates)
    }

    private static func certificate(
        _ name: String, days: Int, kind: CertificateExpiry.Kind = .certificate, external: Bool = false
    ) -> CertificateExpiry {
        CertificateExpiry(
            name: name, kind: kind, expires: "Jan 02, 2027 09:03 UTC", daysLeft: max(days, 0), isExpired: days < 0,
            externallyManaged: external)
    }

    @Test func anUnreachableHostBlocksWithSshsOwnMessageFirst() throws {
        let message = "ssh: connect to host 10.0.0.12 port 22: Connection refused"
        let plan = try Self.plan(
            PreflightFacts(hosts: ["worker-2": Self.host("worker-2", reach: .unreachable(message))]))
        let found = try #require(plan.checks("node.unreachable").first)
        #expect(found.severity == .blocker)
        #expect(found.message == "worker-2: unreachable: " + message)
        #expect(found.nodes == ["worker-2"] && found.hops == [1])
        #expect(found.fix.contains("ops@10.0.0.12:22") && found.fix.contains("--limit 'all:!worker-2'"))
        #expect(plan.summary.outcome == "blocked")
    }

    @Test func aSudoFailureSaysSoAndForWhichUser() throws {
        let facts = PreflightFacts(hosts: [
            "worker-1": Self.host("worker-1", reach: .sudoFails(user: "ops", message: "sudo: a password is required")),
            "worker-2": Self.host("worker-2", reach: .sudoFails(user: nil, message: "sudo: a password is required")),
        ])
        let messages = try Self.plan(facts).checks("node.unreachable").map(\.message)
        #expect(
            messages == [
                "worker-1: sudo -n does not work for user ops: sudo: a password is required",
                "worker-2: sudo -n does not work for the ssh user: sudo: a password is required",
            ])
    }

    @Test func freeSpaceBelowTheMinimumBlocksOncePerFilesystem() throws {
        let low = PreflightFacts.Disk(
            minimumMB: 2048,
            paths: [
                DiskSpace(path: "/var/cache/apt/archives", mountPoint: "/", availableMB: 812),
                DiskSpace(path: "/var/lib", mountPoint: "/", availableMB: 812),
                DiskSpace(path: "/var/lib/k8sup/backup", mountPoint: "/backup", availableMB: 2048),
            ])
        let plan = try Self.plan(PreflightFacts(hosts: ["worker-1": Self.host("worker-1", disk: low)]))
        let found = plan.checks("node.low-disk")
        #expect(found.count == 1)
        #expect(found.first?.severity == .blocker)
        #expect(
            found.first?.message
                == "worker-1: only 812 MB free on / (for /var/cache/apt/archives and /var/lib), below "
                + "k8sup_min_free_mb 2048: staging or the backup may fill the disk halfway through the upgrade")
        #expect(found.first?.fix.hasPrefix("free at least 1236 MB on / of worker-1") == true)
    }

    @Test func diskThatCouldNotBeReadIsAWarningNotABlocker() throws {
        let disk = PreflightFacts.Disk(minimumMB: 2048, error: "df: /var/lib: Permission denied")
        let plan = try Self.plan(PreflightFacts(hosts: ["worker-1": Self.host("worker-1", disk: disk)]))
        #expect(plan.checks("preflight.incomplete").map(\.severity) == [.warning])
        #expect(plan.checks("preflight.incomplete").first?.message.hasSuffix("Permission denied") == true)
        #expect(plan.summary.outcome == "ready")
    }

    @Test func expiredCertificatesBlockAndSayWhatToRun() throws {
        let certificates = PreflightFacts.Certificates(
            entries: [Self.certificate("apiserver", days: -1), Self.certificate("admin.conf", days: 200)],
            renewedByUpgrade: true, kubeadm: "/usr/local/bin/kubeadm")
        let plan = try Self.plan(PreflightFacts(hosts: ["cp-1": Self.host("cp-1", certificates: certificates)]))
        let found = try #require(plan.checks("cert.expired").first)
        #expect(found.severity == .blocker)
        #expect(
            found.message.hasPrefix("cp-1: certificate apiserver expired (Jan 02, 2027 09:03 UTC); kubeadm upgrade"))
        #expect(found.fix.contains("`/usr/local/bin/kubeadm certs renew all` on cp-1"))
        #expect(plan.checks("cert.expiring").isEmpty)
    }

    /// Within 30 days warns and says whether the upgrade renews them; 30 days and more says nothing; a CA
    /// is never renewed by kubeadm.
    @Test func certificatesExpiringWithinThirtyDaysWarnAndSayWhetherTheUpgradeRenewsThem() throws {
        func messages(renewed: Bool) throws -> [String] {
            let certificates = PreflightFacts.Certificates(
                entries: [
                    Self.certificate("apiserver", days: 12), Self.certificate("etcd-peer", days: 29),
                    Self.certificate("admin.conf", days: 30), Self.certificate("ca", days: 20, kind: .authority),
                ],
                renewedByUpgrade: renewed, kubeadm: "kubeadm")
            let plan = try Self.plan(PreflightFacts(hosts: ["cp-2": Self.host("cp-2", certificates: certificates)]))
            #expect(plan.checks("cert.expiring").allSatisfy { $0.severity == .warning && $0.nodes == ["cp-2"] })
            #expect(plan.summary.outcome == "ready")
            return plan.checks("cert.expiring").map(\.message)
        }
        #expect(
            try messages(renewed: true) == [
                "cp-2: certificates apiserver and etcd-peer expire in 12 days (Jan 02, 2027 09:03 UTC); kubeadm upgrade "
                    + "apply/node renews the certificates kubeadm manages",
                "cp-2: certificate authority ca expires in 20 days (Jan 02, 2027 09:03 UTC); kubeadm never renews a "
                    + "CA, not during upgrades either",
            ])
        #expect(try messages(renewed: false).first?.contains("--certificate-renewal=false") == true)
    }

    @Test func theHopShowsWhatWasDiscoveredOnTheFirstControlPlaneNode() throws {
        let components = [UpgradePlan.Component(name: "etcd", current: "3.5.15-0", target: "3.5.16-0")]
        let facts = PreflightFacts(hops: [
            "v1.30.4": PreflightFacts.HopFacts(
                host: "cp-1", packageVersion: "1.30.4-1.1", components: nil,
                componentsNote: "cp-1: kubeadm v1.29.8 is installed")
        ])
        let plan = try Self.plan(facts)
        #expect(plan.hops.first?.discovered?.packageVersion == "1.30.4-1.1")
        #expect(plan.hops.first?.discovered?.componentsNote == "cp-1: kubeadm v1.29.8 is installed")
        #expect(plan.preflight == UpgradePlan.Preflight(live: true, hosts: 0, notRun: []))
        let text = PlanTextRenderer.render(plan, colour: false)
        #expect(text.contains("package: 1.30.4-1.1 (discover_versions on cp-1)"))
        #expect(text.contains("components: not read (cp-1: kubeadm v1.29.8 is installed)"))
        var withComponents = facts
        withComponents.hops["v1.30.4"]?.components = components
        let shown = PlanTextRenderer.render(try Self.plan(withComponents), colour: false)
        #expect(shown.contains("components: etcd 3.5.15-0 → 3.5.16-0"))
    }

    @Test func aSnapshotPlanSaysInOneLineWhatItCouldNotCheck() throws {
        let plan = try Self.plan(nil, live: false)
        #expect(plan.preflight?.live == false)
        #expect(plan.preflight?.notRun == PreflightChecks.liveOnly)
        let text = PlanTextRenderer.render(plan, colour: false)
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("Not checked: ") }.count == 1)
        #expect(lines.allSatisfy { $0.count <= PlanHopTable.lineWidth })
        let statement = try #require(
            text.components(separatedBy: "Not checked: ").last?.components(separatedBy: "\n\n").first)
        #expect(
            statement.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
                == PreflightChecks.liveOnly.joined(separator: ", ") + " (a live plan checks them)")
        #expect(plan.checks.allSatisfy { !$0.id.hasPrefix("node.unreachable") && !$0.id.hasPrefix("cert.") })
    }

    /// The node's own DiskPressure condition is a warning of its own, apart from pre-flight's free-disk blocker.
    @Test func diskPressureIsItsOwnWarningApartFromLowDisk() throws {
        var fixture = PlanFixture.uniform("v1.29.8", workers: 2)
        let index = try #require(fixture.nodes.firstIndex { $0.name == "worker-1" })
        fixture.nodes[index].hasDiskPressure = true
        let plan = try fixture.plan()
        #expect(plan.checks("node.disk-pressure").map(\.nodes) == [["worker-1"]])
        #expect(plan.checks("node.disk-pressure").map(\.severity) == [.warning])
        #expect(plan.checks("node.low-disk").isEmpty)
    }
}

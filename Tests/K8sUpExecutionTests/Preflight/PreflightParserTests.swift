import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The readers of what pre-flight's commands print, on real texts: `kubeadm certs check-expiration`,
/// `df -Pk` behind the path markers, and `kubeadm upgrade plan -o json`.
@Suite struct PreflightParserTests {
    /// kubeadm v1.31's output on a healthy control-plane node (a third-party transcript).
    static let checkExpiration = """
        [check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...
        [check-expiration] Use 'kubeadm init phase upload-config --config your-config-file' to re-upload it.

        CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED
        admin.conf                 Aug 19, 2026 09:03 UTC   360d            ca                      no      
        apiserver                  Aug 19, 2026 09:03 UTC   360d            ca                      no      
        apiserver-etcd-client      Aug 19, 2026 09:03 UTC   360d            etcd-ca                 no      
        front-proxy-client         Aug 19, 2026 09:03 UTC   360d            front-proxy-ca          no      
        super-admin.conf           Aug 19, 2026 09:03 UTC   360d            ca                      no      

        CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED
        ca                      Aug 17, 2035 09:03 UTC   9y              no      
        etcd-ca                 Aug 17, 2035 09:03 UTC   9y              no      
        front-proxy-ca          Aug 17, 2035 09:03 UTC   9y              no      

        """

    @Test func readsBothTablesOfAHealthyNode() throws {
        let entries = try CertificateExpirationTable.parse(Self.checkExpiration)
        #expect(entries.count == 8)
        #expect(
            entries.first
                == CertificateExpiry(
                    name: "admin.conf", kind: .certificate, expires: "Aug 19, 2026 09:03 UTC", daysLeft: 360,
                    isExpired: false, externallyManaged: false))
        #expect(entries.filter { $0.kind == .authority }.map(\.name) == ["ca", "etcd-ca", "front-proxy-ca"])
        #expect(entries.last?.daysLeft == 9 * 365)
    }

    /// An expired certificate reads `<invalid>` (Kubernetes' short duration of a negative time), a missing
    /// one `!MISSING! NAME` in a longer name column, and one kubeadm does not manage `yes`.
    @Test func readsExpiredMissingAndExternallyManagedCertificates() throws {
        let text = """
            CERTIFICATE                          EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED
            admin.conf                           Jan 02, 2026 09:03 UTC   <invalid>       ca                      no      
            !MISSING! apiserver-etcd-client                                                                       
            apiserver-kubelet-client             Dec 20, 2026 09:03 UTC   12d             ca                      no      
            front-proxy-client                   Dec 09, 2026 07:00 UTC   23h             front-proxy-ca          yes     

            CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED
            ca                      Dec 27, 2026 09:03 UTC   20d             no      
            """
        let entries = try CertificateExpirationTable.parse(text)
        #expect(entries.map(\.name) == ["admin.conf", "apiserver-kubelet-client", "front-proxy-client", "ca"])
        #expect(entries.map(\.isExpired) == [true, false, false, false])
        #expect(entries.map(\.daysLeft) == [0, 12, 0, 20])
        #expect(entries.map(\.externallyManaged) == [false, false, true, false])
        #expect(entries[1].expires == "Dec 20, 2026 09:03 UTC")
    }

    /// kubeadm before v1.20 had no CERTIFICATE AUTHORITY column and printed false/true.
    @Test func readsTheOlderLayoutWithoutTheAuthorityColumn() throws {
        let text = """
            CERTIFICATE                EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED
            admin.conf                 May 15, 2020 13:03 UTC   364d            false
            apiserver                  May 15, 2020 13:00 UTC   2d              true
            """
        let entries = try CertificateExpirationTable.parse(text)
        #expect(entries.map(\.daysLeft) == [364, 2])
        #expect(entries.map(\.externallyManaged) == [false, true])
    }

    @Test func anErrorInsteadOfATableIsUnreadable() {
        #expect(throws: CertificateExpirationTable.Unreadable.self) {
            try CertificateExpirationTable.parse("error: open /etc/kubernetes/pki/ca.crt: permission denied\n")
        }
    }

    @Test(arguments: [
        ("<invalid>", -1), ("0s", 0), ("59m", 0), ("23h", 0), ("1d", 1), ("364d", 364), ("1y", 365), ("9y", 3285),
    ])
    func residualTimeInDays(text: String, days: Int) {
        #expect(CertificateExpirationTable.days(residual: text) == days)
    }

    /// GNU df's `-P` output (this machine's), and a filesystem whose name and mount point hold spaces.
    @Test func readsTheFreeSpaceOfEachPath() throws {
        let output = """
            k8sup-path /var/cache/apt/archives
            Filesystem     1024-blocks     Used Available Capacity Mounted on
            /dev/vda         264212084 17912252  81153360      19% /
            k8sup-path /var/lib/k8sup/backup
            Filesystem     1024-blocks     Used Available Capacity Mounted on
            map auto home      1048576   1047552      1024     100% /var/lib/k8s data
            """
        #expect(
            try DiskFreeReport.parse(output) == [
                DiskSpace(path: "/var/cache/apt/archives", mountPoint: "/", availableMB: 79251),
                DiskSpace(path: "/var/lib/k8sup/backup", mountPoint: "/var/lib/k8s data", availableMB: 1),
            ])
    }

    @Test func aPathWithoutDfOutputIsUnreadable() {
        #expect(throws: DiskFreeReport.Unreadable(description: "df printed nothing for /var/lib")) {
            try DiskFreeReport.parse("k8sup-path /var/lib\nk8sup-path /srv\nFilesystem …\n/dev/a 1 1 1 1% /\n")
        }
        #expect(throws: DiskFreeReport.Unreadable.self) { try DiskFreeReport.parse("") }
    }

    /// The command runs in a POSIX shell with the real df: a path that does not exist yet is measured at
    /// its nearest existing parent.
    @Test func theDiskCommandMeasuresMissingPathsAtTheirParent() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let paths = [directory, directory + "/not/yet/there"].map(ShellQuoting.quote)
        let command = Command("/bin/sh", ["-c", DiskFreeReport.command(paths: paths)], timeout: .seconds(120))
        let result = try await ProcessRunner().runChecked(command)
        let spaces = try DiskFreeReport.parse(result.stdout)
        #expect(spaces.map(\.path) == [directory, directory + "/not/yet/there"])
        #expect(spaces[0].mountPoint == spaces[1].mountPoint && spaces[0].availableMB > 0)
    }

    /// kubeadm's own test document for `v1alpha3` (`TestPrintUpgradePlanStructured`).
    static let upgradePlanV1alpha3 = """
        {
            "kind": "UpgradePlan",
            "apiVersion": "output.kubeadm.k8s.io/v1alpha3",
            "availableUpgrades": [
                {
                    "description": "version in the v1.8 series",
                    "components": [
                        {"name": "kubelet", "currentVersion": "v1.8.1", "newVersion": "v1.8.3", "nodeName": "node1"},
                        {"name": "kube-apiserver", "currentVersion": "v1.8.1", "newVersion": "v1.8.3", "nodeName": "node1"},
                        {"name": "kube-proxy", "currentVersion": "v1.8.1", "newVersion": "v1.8.3"},
                        {"name": "CoreDNS", "currentVersion": "1.14.5", "newVersion": "1.14.5"},
                        {"name": "kubeadm", "currentVersion": "v1.8.2", "newVersion": "v1.8.3"},
                        {"name": "etcd", "currentVersion": "3.0.17", "newVersion": "3.0.17", "nodeName": "node1"}
                    ]
                }
            ],
            "configVersions": [
                {"group": "kubeproxy.config.k8s.io", "currentVersion": "v1alpha1", "preferredVersion": "v1alpha1", "manualUpgradeRequired": false}
            ]
        }
        """

    @Test func readsTheComponentsOfBothUpgradePlanVersions() throws {
        let expected = [
            UpgradePlan.Component(name: "etcd", current: "3.0.17", target: "3.0.17"),
            UpgradePlan.Component(name: "CoreDNS", current: "1.14.5", target: "1.14.5"),
            UpgradePlan.Component(name: "kube-proxy", current: "v1.8.1", target: "v1.8.3"),
        ]
        #expect(try KubeadmUpgradePlanReport.components(Self.upgradePlanV1alpha3) == expected)
        let flat = """
            [upgrade/versions] Cluster version: v1.28.15
            {"kind": "UpgradePlan", "apiVersion": "output.kubeadm.k8s.io/v1alpha2", "components": [
              {"name": "kube-proxy", "currentVersion": "v1.8.1", "newVersion": "v1.8.3"},
              {"name": "CoreDNS", "currentVersion": "1.14.5", "newVersion": "1.14.5"},
              {"name": "etcd", "currentVersion": "3.0.17", "newVersion": "3.0.17"}]}
            """
        #expect(try KubeadmUpgradePlanReport.components(flat) == expected)
    }

    @Test func nothingToUpgradeIsEmptyAndOtherTextIsUnreadable() throws {
        #expect(try KubeadmUpgradePlanReport.components("\n").isEmpty)
        #expect(throws: KubeadmUpgradePlanReport.Unreadable.self) {
            try KubeadmUpgradePlanReport.components("[upgrade] error: the cluster is unhealthy\n")
        }
        #expect(throws: KubeadmUpgradePlanReport.Unreadable.self) {
            try KubeadmUpgradePlanReport.components(#"{"kind": "Status"}"#)
        }
    }
}

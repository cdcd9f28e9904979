import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The three shipped playbooks against `Inventories/sample`: they load, render every step for every
/// host, produce shell the shell can parse, and choose the commands their conditions promise.
@Suite struct BuiltinPlaybookTests {
    static let names = ["kubeadm-apt", "kubeadm-dnf", "kubespray"]

    private static func sample() throws -> (LoadedInventory, ClusterRoles) {
        let loaded = try InventoryLoader().load(sources: [TestPaths.inventories + "/sample"])
        return (loaded, try ClusterRoles(loaded))
    }

    private static func builtin(_ name: String) throws -> Playbook {
        try #require(PlaybookCatalog.builtin(name), "built-in \(name) does not load")
    }

    /// Contexts for every node of the sample, 1.29.8 → 1.30.4 unless told otherwise.
    private static func contexts(
        target: KubeVersion = KubeVersion(1, 30, 4), vars extra: [String: DataValue] = [:]
    ) throws -> [PlaybookContext] {
        let (loaded, roles) = try sample()
        let resolver = VariableResolver(loaded)
        return roles.nodes.map { node in
            PlaybookContext(
                target: target, from: KubeVersion(target.major, target.minor - 1, 8), node: node.nodeName,
                host: node.host, role: node.role,
                hostVariables: resolver.hostVariables(node.host).merging(mapping(extra)),
                runtime: ["package_version": "\(target.major).\(target.minor).\(target.patch)-1.1"])
        }
    }

    @Test(arguments: names)
    func loadsFromItsFileAndValidates(name: String) throws {
        let path = TestPaths.packageRoot + "/Playbooks/\(name).yaml"
        let playbook = try PlaybookCatalog.resolve(path, fileSystem: LocalFileSystem())
        #expect(playbook.name == name)
        #expect(!playbook.description.isEmpty)
        #expect(playbook.uses("package_version") || name == "kubespray")
        let (loaded, roles) = try Self.sample()
        let preview = PlaybookPreview(
            playbook: playbook, loaded: loaded, roles: roles, hosts: Set(roles.nodes.map(\.host)),
            target: KubeVersion(1, 30, 4), from: KubeVersion(1, 29, 8))
        #expect(preview.problems() == [])
    }

    @Test(arguments: names)
    func everyStepRendersForEveryHostAsShellTheShellCanParse(name: String) throws {
        let playbook = try Self.builtin(name)
        var lines: [String] = []
        for target in [KubeVersion(1, 29, 10), KubeVersion(1, 30, 4), KubeVersion(1, 31, 2), KubeVersion(1, 32, 1)] {
            for context in try Self.contexts(
                target: target, vars: ["files_repo": "", "etcd_deployment_type": "kubeadm"])
                + Self.contexts(target: target)
            {
                for step in PlaybookStep.allCases {
                    let rendered = try playbook.render(step, context: context)
                    let mayBeEmpty: Set<PlaybookStep> = [
                        .upgradeControlPlaneFirst, .upgradeControlPlaneOther, .upgradeWorker, .etcdSnapshot,
                    ]
                    #expect(!rendered.isEmpty || mayBeEmpty.contains(step), "\(name) \(step) renders nothing")
                    lines += rendered
                }
                #expect(try !playbook.render(.upgradeWorker, context: context).isEmpty)
            }
        }
        try Self.expectParsable(Array(Set(lines)).sorted(), playbook: name)
    }

    /// Both looks at the kubelet are read-only and ask systemd for exactly the properties k8sup reads
    /// (Kubespray's unit is `kubelet.service` too).
    @Test(arguments: names)
    func looksAtTheKubeletUnitAndItsJournalReadOnly(name: String) throws {
        let playbook = try Self.builtin(name)
        for context in try Self.contexts() {
            #expect(
                try playbook.render(.kubeletStatus, context: context) == [
                    "systemctl show kubelet -p ActiveState,SubState,NRestarts,ExecMainStatus"
                ])
            #expect(try playbook.render(.kubeletLogs, context: context) == ["journalctl -u kubelet -n 20 --no-pager"])
        }
    }

    /// `sh -n` on all lines at once; on failure, line by line to name the culprit.
    private static func expectParsable(_ lines: [String], playbook: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = directory + "/all.sh"
        try lines.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        guard try runShell("sh -n all.sh", in: directory).status != 0 else { return }
        for line in lines {
            let file = directory + "/one.sh"
            try line.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try runShell("sh -n one.sh", in: directory).status == 0, "\(playbook): sh cannot parse: \(line)")
        }
    }

    @Test func kubeadmAptPicksFlagsByKubeadmVersion() throws {
        let playbook = try Self.builtin("kubeadm-apt")
        let first = try #require(Self.contexts(target: KubeVersion(1, 32, 1)).first)
        #expect(
            try playbook.render(.upgradeControlPlaneFirst, context: first) == [
                "kubeadm upgrade apply -y v1.32.1 --certificate-renewal=true --ignore-preflight-errors='' --skip-phases=''"
            ])
        let skipping = try #require(Self.contexts(vars: ["kubeadm_upgrade_skip_phases": "addon/kube-proxy"]).first)
        #expect(
            try playbook.render(.upgradeControlPlaneFirst, context: skipping) == [
                #"echo "kubeadm_upgrade_skip_phases needs kubeadm v1.32 or newer" >&2; exit 1"#
            ])
    }

    @Test func etcdSnapshotsFollowTheDeploymentType() throws {
        let apt = try Self.builtin("kubeadm-apt")
        let host = try #require(Self.contexts().first)
        #expect(try apt.render(.etcdSnapshot, context: host).first?.contains("/usr/local/bin/etcdctl") == true)
        #expect(
            try apt.render(.etcdSnapshot, context: host).first?.contains("--cert=/etc/ssl/etcd/ssl/admin-cp-1.pem")
                == true)
        let stacked = try #require(Self.contexts(vars: ["etcd_deployment_type": "kubeadm"]).first)
        let line = try #require(try apt.render(.etcdSnapshot, context: stacked).first)
        #expect(line.contains("-n kube-system exec etcd-cp-1 -- etcdctl"))
        #expect(line.contains("--cert=/etc/kubernetes/pki/etcd/server.crt"))
    }

    @Test func kubesprayDownloadsFromTheMirrorAndUsesTheRightKubeadmFlags() throws {
        let kubespray = try Self.builtin("kubespray")
        let mirrored = try #require(Self.contexts().first)
        let stage = try kubespray.render(.stage, context: mirrored)
        #expect(stage.count == 4)
        #expect(
            stage[1].contains("u=http://mirror.internal.example/files/dl.k8s.io/release/v1.30.4/bin/linux/amd64/$b"))
        let direct = try #require(Self.contexts(vars: ["files_repo": ""]).first)
        #expect(try kubespray.render(.stage, context: direct)[1].contains("u=https://dl.k8s.io/release/v1.30.4/"))
        let expectations: [(KubeVersion, String)] = [
            (
                KubeVersion(1, 31, 2),
                "/usr/local/bin/kubeadm upgrade apply -y v1.31.2 --config=/etc/kubernetes/kubeadm-config.yaml"
            ),
            (
                KubeVersion(1, 30, 4),
                "/usr/local/bin/kubeadm upgrade apply -y v1.30.4 --certificate-renewal=true --etcd-upgrade=false"
            ),
            (
                KubeVersion(1, 29, 10),
                "/usr/local/bin/kubeadm upgrade apply -y v1.29.10 --config=/etc/kubernetes/kubeadm-config.yaml --certificate-renewal=true --etcd-upgrade=false"
            ),
        ]
        for (target, line) in expectations {
            let first = try #require(Self.contexts(target: target).first)
            #expect(try kubespray.render(.upgradeControlPlaneFirst, context: first) == [line])
        }
        let kubeadmEtcd = try #require(Self.contexts(vars: ["etcd_deployment_type": "kubeadm"]).dropFirst().first)
        #expect(
            try kubespray.render(.upgradeControlPlaneOther, context: kubeadmEtcd) == [
                "/usr/local/bin/kubeadm upgrade node --certificate-renewal=true --etcd-upgrade=true"
            ])
        #expect(try kubespray.render(.discoverVersions, context: mirrored) == ["echo 1.30.4"])
    }

    @Test func goldenKubeadmAptStepsForAControlPlaneNodeAndAWorker() throws {
        let (loaded, roles) = try Self.sample()
        let playbook = try Self.builtin("kubeadm-apt")
        for host in ["cp-1", "worker-1"] {
            let preview = PlaybookPreview(
                playbook: playbook, loaded: loaded, roles: roles, hosts: [host], target: KubeVersion(1, 30, 4),
                from: KubeVersion(1, 29, 8))
            try GoldenFile.check(try preview.text(), named: "playbook-kubeadm-apt-\(host).txt")
        }
    }
}

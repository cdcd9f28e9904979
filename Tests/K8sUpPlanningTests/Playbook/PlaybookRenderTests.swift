import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Rendering: `when` filtering, built-in values, var precedence, quoting, runtime values, errors.
@Suite struct PlaybookRenderTests {
    private let playbook: Playbook

    init() throws {
        playbook = try loadPlaybook(
            """
            vars:
              dir: /var/lib/k8sup
              mirror:
              registry_token: abc
            stage:
              - echo {{ target }} {{ target_v }} {{ target_minor }} {{ from }} {{ from_minor }}
              - echo {{ node }} {{ host }} {{ role }}
              - echo {{ dir }}/v{{ target }} --mirror={{ mirror }}
            upgrade_kubelet:
              - apt-get install -y kubelet={{ package_version }}
              - run: echo only-on-1.31
                when: target >= 1.31
            backup_kubelet:
              - login --token={{ registry_token }}
            """)
    }

    @Test func builtinsAndVarsRenderInOrderSkippingFalseConditions() throws {
        let context = workerContext(vars: ["mirror": "http://m.example"], runtime: ["package_version": "1.30.4-1.1"])
        #expect(
            try playbook.render(.stage, context: context) == [
                "echo 1.30.4 v1.30.4 1.30 1.29.8 1.29", "echo w1.example w1 worker",
                "echo /var/lib/k8sup/v1.30.4 --mirror=http://m.example",
            ])
        #expect(try playbook.render(.upgradeKubelet, context: context) == ["apt-get install -y kubelet=1.30.4-1.1"])
        #expect(try playbook.render(.restartKubelet, context: context) == [])
    }

    @Test func inventoryVarsOverrideDefaultsButNeverBuiltins() throws {
        let context = workerContext(vars: ["dir": "/srv", "mirror": "m", "target": "9.9.9", "host": "evil"])
        #expect(try playbook.render(.stage, context: context)[2] == "echo /srv/v1.30.4 --mirror=m")
        #expect(try playbook.render(.stage, context: context)[0].hasPrefix("echo 1.30.4 "))
        #expect(try playbook.render(.stage, context: context)[1] == "echo w1.example w1 worker")
    }

    @Test func valuesAreShellQuoted() throws {
        let context = workerContext(vars: ["dir": "/my dir", "mirror": "it's", "count": 3])
        #expect(try playbook.render(.stage, context: context)[2] == #"echo '/my dir'/v1.30.4 --mirror='it'\''s'"#)
        let numbers = workerContext(vars: ["dir": 3, "mirror": true])
        #expect(try playbook.render(.stage, context: numbers)[2] == "echo 3/v1.30.4 --mirror=True")
        let empty = workerContext(vars: ["mirror": ""])
        #expect(try playbook.render(.stage, context: empty)[2] == "echo /var/lib/k8sup/v1.30.4 --mirror=''")
    }

    @Test func aDeclaredVarWithoutDefaultMustComeFromTheInventory() {
        #expect(
            throws: PlaybookError.missingVariable(
                host: "w1", name: "mirror", declaredAt: K8sUpSupport.SourceLocation(file: "t.yaml", line: 4, column: 3))
        ) { try playbook.render(.stage, context: workerContext()) }
        let nullValue = workerContext(vars: ["mirror": nil])
        #expect(throws: PlaybookError.self) { try playbook.render(.stage, context: nullValue) }
        let error = PlaybookError.missingVariable(
            host: "w1", name: "mirror", declaredAt: K8sUpSupport.SourceLocation(file: "t.yaml", line: 4, column: 3))
        #expect(
            error.description
                == "host 'w1': the playbook needs the var 'mirror' (declared without a default at t.yaml:4:3), and the inventory does not set it for this host: set it in group_vars or host_vars"
        )
    }

    @Test func listsMappingsAndTemplatesCannotBeInserted() {
        #expect(
            throws: PlaybookError.badVariableValue(
                host: "w1", name: "mirror",
                problem:
                    "is a list in the inventory; a playbook placeholder needs a single value (a string, number or boolean)"
            )
        ) { try playbook.render(.stage, context: workerContext(vars: ["mirror": ["a", "b"]])) }
        #expect(
            throws: PlaybookError.badVariableValue(
                host: "w1", name: "mirror",
                problem:
                    "is the Jinja template '{{ files_repo }}/x' in the inventory; k8sup does not evaluate templates: set the literal value in group_vars or host_vars"
            )
        ) { try playbook.render(.stage, context: workerContext(vars: ["mirror": "{{ files_repo }}/x"])) }
    }

    @Test func runtimeValuesAreDeferredOnlyWhenAsked() throws {
        #expect(throws: PlaybookError.missingRuntimeValue(host: "w1", name: "package_version")) {
            try playbook.render(.upgradeKubelet, context: workerContext())
        }
        #expect(
            try playbook.render(.upgradeKubelet, context: workerContext(deferred: true))
                == ["apt-get install -y kubelet=${package_version}"])
        let known = workerContext(
            runtime: ["package_version": "1.31.0-1.1"], deferred: true, target: KubeVersion(1, 31, 0))
        #expect(
            try playbook.render(.upgradeKubelet, context: known) == [
                "apt-get install -y kubelet=1.31.0-1.1", "echo only-on-1.31",
            ])
        #expect(playbook.uses("package_version"))
        #expect(!playbook.uses("nothing"))
    }

    @Test func secretLookingVarsAreMaskedForDisplayOnly() throws {
        var context = workerContext()
        #expect(try playbook.render(.backupKubelet, context: context) == ["login --token=abc"])
        context.masksSecrets = true
        #expect(try playbook.render(.backupKubelet, context: context) == ["login --token='***'"])
    }

    @Test func targetDropsAVendorSuffixButFromKeepsIt() throws {
        var context = workerContext(target: try KubeVersion(parsing: "v1.30.4-eks-1"))
        context.from = try KubeVersion(parsing: "v1.29.8+k3s1")
        context.hostVariables = mapping(["mirror": "m"])
        #expect(try playbook.render(.stage, context: context)[0] == "echo 1.30.4 v1.30.4 1.30 1.29.8+k3s1 1.29")
    }

    @Test func theStepSequenceFollowsTheRole() {
        #expect(
            PlaybookStep.sequence(role: .controlPlane, runsUpgradeApply: true) == [
                .stage, .discoverVersions, .etcdSnapshot, .backupKubelet, .upgradeKubeadm, .upgradeControlPlaneFirst,
                .upgradeKubelet, .restartKubelet, .rollbackKubelet, .kubeletStatus, .kubeletLogs,
            ])
        #expect(PlaybookStep.sequence(role: .controlPlane, runsUpgradeApply: false).contains(.upgradeControlPlaneOther))
        #expect(PlaybookStep.sequence(role: .worker, runsUpgradeApply: false).contains(.upgradeWorker))
        #expect(PlaybookStep.steps(for: .kubeadmUpgradeNode, role: .worker) == [.upgradeWorker])
        #expect(PlaybookStep.steps(for: .kubeadmUpgradeNode, role: .controlPlane) == [.upgradeControlPlaneOther])
        #expect(PlaybookStep.steps(for: .stage, role: .worker) == [.stage, .discoverVersions])
        #expect(PlaybookStep.steps(for: .drain, role: .worker).isEmpty)
        #expect(PlaybookStep.allCases.map(\.rawValue).contains("upgrade_control_plane_first"))
    }
}

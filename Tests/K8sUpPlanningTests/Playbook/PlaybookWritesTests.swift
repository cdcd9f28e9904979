import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `writes:` (the paths pre-flight checks for free space) and the optional pre-flight step lists.
@Suite struct PlaybookWritesTests {
    @Test func writesRenderAsOneShellWordEach() throws {
        let playbook = try loadPlaybook(
            """
            vars:
              backup: /var/lib/k8sup/backup
            writes: [/var/cache/apt/archives, "{{ backup }}", "{{ backup }}/kubelet-{{ from }}"]
            """)
        #expect(
            playbook.writes.map(\.text) == [
                "/var/cache/apt/archives", "{{ backup }}", "{{ backup }}/kubelet-{{ from }}",
            ])
        let words = try playbook.renderWrites(context: workerContext(vars: ["backup": "/srv/my backups"]))
        #expect(words == ["/var/cache/apt/archives", "'/srv/my backups'", "'/srv/my backups'/kubelet-1.29.8"])
    }

    @Test(arguments: [
        ("writes: /var/lib\n", "t.yaml:2:9: 'writes' must be a list of the paths"),
        ("writes: [var/lib]\n", "t.yaml:2:10: 'writes' entry 'var/lib' must be an absolute path (start with /)"),
        ("writes: [\"/var/lib $(reboot)\"]\n", "t.yaml:2:10: 'writes' entry '/var/lib $(reboot)' has ' '"),
        ("writes: [\"{{ nope }}\"]\n", "t.yaml:2:11: unknown placeholder {{ nope }}"),
        ("writes: [\"/x/{{ package_version }}\"]\n", "t.yaml:2:14: unknown placeholder {{ package_version }}"),
        ("writes: [\"\"]\n", "t.yaml:2:10: a 'writes' entry must be a path"),
    ])
    func badWritesAreRefusedAtLoadTime(body: String, expected: String) {
        let error = playbookError(body)?.description ?? "loaded"
        #expect(error.hasPrefix(expected), "\(error)")
    }

    /// A playbook written before the pre-flight steps existed still loads; those checks are reported as not
    /// run for it.
    @Test func thePreflightStepListsAreOptional() throws {
        let required = PlaybookStep.allCases.filter { !$0.isOptional }
        let text = "name: t\n" + required.map { "\($0.rawValue): []\n" }.joined()
        let playbook = try PlaybookLoader.load(text: text, file: "t.yaml")
        #expect(!playbook.defines(.certExpiration) && !playbook.defines(.componentVersions) && playbook.defines(.stage))
        #expect(playbook.writes.isEmpty)
        #expect(PlaybookStep.certExpiration.isOptional && PlaybookStep.componentVersions.isOptional)
    }

    @Test func everyBuiltinPlaybookDeclaresWritesAndThePreflightSteps() throws {
        for name in PlaybookCatalog.builtinNames {
            let playbook = try #require(PlaybookCatalog.builtin(name))
            #expect(playbook.writes.count >= 4, "\(name)")
            #expect(playbook.writes.contains { $0.text == "/var/lib" }, "\(name)")
            #expect(playbook.defines(.certExpiration) && playbook.defines(.componentVersions), "\(name)")
        }
    }
}

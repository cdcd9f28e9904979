import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `rerun: false`: a command k8sup never runs again by itself after its ssh connection dropped.
@Suite struct PlaybookRerunTests {
    @Test func aCommandIsReRunnableUnlessThePlaybookSaysOtherwise() throws {
        let playbook = try PlaybookLoader.load(
            text: playbookText(
                """
                upgrade_worker:
                  - echo one
                  - run: echo two
                    rerun: false
                  - run: echo three
                    rerun: true
                """), file: "t.yaml")
        #expect(playbook.commands(for: .upgradeWorker).map(\.rerun) == [true, false, true])
        let context = workerContext()
        let rendered = try playbook.renderCommands(.upgradeWorker, context: context)
        #expect(rendered.map(\.line) == ["echo one", "echo two", "echo three"])
        #expect(rendered.map(\.rerun) == [true, false, true])
        #expect(try playbook.render(.upgradeWorker, context: context) == rendered.map(\.line))
    }

    @Test(arguments: ["\"false\"", "no-thanks", "1", ""])
    func rerunMustBeTrueOrFalse(_ value: String) {
        let text = playbookText("upgrade_worker:\n  - run: echo two\n    rerun: \(value)\n")
        #expect {
            _ = try PlaybookLoader.load(text: text, file: "t.yaml")
        } throws: { error in
            "\(error)".contains("t.yaml:") && "\(error)".contains("'rerun' must be true or false")
        }
    }

    @Test func aMisspeltKeyNamesTheKnownOnes() {
        let text = playbookText("upgrade_worker:\n  - run: echo two\n    rerum: false\n")
        #expect {
            _ = try PlaybookLoader.load(text: text, file: "t.yaml")
        } throws: { error in
            "\(error)".contains("rerum") && "\(error)".contains("rerun")
        }
    }

    /// Only kubeadm's upgrades must not run beside a copy that may still be running.
    @Test(arguments: ["kubeadm-apt", "kubeadm-dnf", "kubespray"])
    func theBuiltInPlaybooksMarkTheirKubeadmUpgradesAndNothingElse(_ name: String) throws {
        let playbook = try #require(PlaybookCatalog.builtin(name))
        for step in PlaybookStep.allCases {
            for command in playbook.commands(for: step) {
                let isUpgrade =
                    command.text.contains("kubeadm upgrade apply") || command.text.contains("kubeadm upgrade node")
                #expect(command.rerun == !isUpgrade, "\(name) \(step.rawValue): \(command.text)")
            }
        }
        #expect(playbook.commands(for: .upgradeWorker).contains { !$0.rerun })
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Every load-time error, with the place it points at.
@Suite struct PlaybookLoaderTests {
    private func at(_ line: Int, _ column: Int) -> K8sUpSupport.SourceLocation {
        SourceLocation(file: "t.yaml", line: line, column: column)
    }

    @Test func aValidPlaybookKeepsNameDescriptionVarsAndCommands() throws {
        let playbook = try loadPlaybook(
            """
            description: test nodes
            vars:
              dir: /opt/x
              mirror:
            stage:
              - mkdir -p {{ dir }}
              - run: curl -o {{ dir }}/f {{ mirror }}/f
                when: [target >= 1.30, mirror != ""]
            """)
        #expect(playbook.name == "t")
        #expect(playbook.description == "test nodes")
        #expect(playbook.source == "t.yaml")
        #expect(playbook.vars.map(\.name) == ["dir", "mirror"])
        #expect(playbook.vars.map(\.defaultValue) == [.string("/opt/x"), nil])
        let commands = playbook.commands(for: .stage)
        #expect(commands.map(\.text) == ["mkdir -p {{ dir }}", "curl -o {{ dir }}/f {{ mirror }}/f"])
        #expect(commands[1].conditions.map(\.text) == ["target >= 1.30", "mirror != \"\""])
        #expect(commands[1].placeholderNames == ["dir", "mirror"])
        #expect(playbook.commands(for: .etcdSnapshot).isEmpty)
    }

    @Test func aDocumentThatIsNotAMappingIsRefused() {
        #expect(throws: PlaybookError.notAMapping(at(1, 1), found: "list")) {
            try PlaybookLoader.load(text: "- stage\n", file: "t.yaml")
        }
        #expect(throws: PlaybookError.notAMapping(at(1, 1), found: "empty file")) {
            try PlaybookLoader.load(text: "# nothing\n", file: "t.yaml")
        }
    }

    @Test func yamlSyntaxErrorsKeepTheReadersPosition() {
        let error = playbookError("stage: [a\n")
        #expect(error?.description.hasPrefix("t.yaml:") == true, "\(String(describing: error))")
    }

    @Test func theNameIsRequired() {
        let text = PlaybookStep.allCases.map { "\($0.rawValue): []\n" }.joined()
        #expect(throws: PlaybookError.missingName(at(1, 1))) { try PlaybookLoader.load(text: text, file: "t.yaml") }
        #expect(
            playbookError("description: [x]\n")?.description
                == "t.yaml:2:14: 'description' must be a string; found a list")
    }

    @Test func unknownKeysSuggestTheNearestStep() {
        let error = playbookError("upgrade_kubelets:\n  - true\n")
        #expect(
            error?.description.hasPrefix(
                "t.yaml:2:1: unknown key 'upgrade_kubelets' (did you mean 'upgrade_kubelet'?); expected one of: "
                    + "name, description, vars, writes, stage, discover_versions,") == true,
            "\(String(describing: error))")
        #expect(playbookError("colour: red\n")?.description.contains("unknown key 'colour'; expected") == true)
    }

    @Test func everyStepListMustBeThere() {
        let text = "name: t\nstage: []\n"
        let missing = PlaybookStep.allCases.dropFirst().filter { !$0.isOptional }.map(\.rawValue)
        #expect(throws: PlaybookError.missingSteps(at(1, 1), missing)) {
            try PlaybookLoader.load(text: text, file: "t.yaml")
        }
        #expect(
            PlaybookError.missingSteps(at(1, 1), ["etcd_snapshot"]).description.contains("write `etcd_snapshot: []`"))
        #expect(throws: Never.self) { try loadPlaybook("etcd_snapshot:\n") }
    }

    /// Playbooks written before the kubelet looks existed still load; k8sup then waits on readiness alone.
    @Test func theKubeletLooksMayBeLeftOut() throws {
        let text = PlaybookStep.allCases.filter { !$0.isOptional }.map { "\($0.rawValue): []\n" }.joined()
        let playbook = try PlaybookLoader.load(text: "name: old\n" + text, file: "t.yaml")
        #expect(!playbook.defines(.kubeletStatus) && !playbook.defines(.kubeletLogs))
        #expect(playbook.defines(.restartKubelet))
        #expect(try loadPlaybook("kubelet_status: []\n").defines(.kubeletStatus))
        #expect(
            PlaybookStep.allCases.filter(\.isOptional) == [
                .certExpiration, .componentVersions, .kubeletStatus, .kubeletLogs,
            ])
    }

    @Test func aCommandIsAStringOrARunMapping() {
        #expect(playbookError("stage:\n  - 42\n") == .badCommand(at(3, 5), found: "integer"))
        #expect(playbookError("stage:\n  - [a, b]\n") == .badCommand(at(3, 5), found: "list"))
        #expect(
            playbookError("stage:\n  - true\n")?.description
                == "t.yaml:3:5: a command is a string (one shell command line) or a mapping {run: \"…\", when: \"…\"}; found a boolean"
        )
        #expect(
            playbookError("stage:\n  - command: ls\n")?.all.first
                == .unknownKey(at(3, 5), key: "command", allowed: ["run", "when", "rerun"], suggestion: nil))
        #expect(
            playbookError("stage:\n  - {rn: ls, run: ls}\n")
                == .unknownKey(at(3, 6), key: "rn", allowed: ["run", "when", "rerun"], suggestion: "run"))
        #expect(
            playbookError("stage:\n  - when: target >= 1.30\n")?.description
                == "t.yaml:3:5: a command mapping needs `run: COMMAND`, a string; found no 'run'")
        #expect(playbookError("stage: ls\n")?.description.contains("'stage' must be a list of commands") == true)
    }

    @Test func aCommandIsOneLine() {
        let error = playbookError("stage:\n  - |\n    apt-get update\n    apt-get upgrade\n")
        #expect(error?.description.hasPrefix("t.yaml:3:5: a command is one shell command line") == true)
        #expect(throws: Never.self) { try loadPlaybook("stage:\n  - >\n    apt-get\n    update\n") }
        #expect(playbookError("stage:\n  - ''\n")?.description == "t.yaml:3:5: empty command")
    }

    @Test func unknownPlaceholdersSayWhatIsAllowed() {
        let error = playbookError("vars:\n  dir: /x\nstage:\n  - ls {{ dir }} {{ dri }}\n")
        guard case .unknownPlaceholder(let location, let name, let builtins, let declared)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location == at(5, 18))
        #expect(name == "dri")
        #expect(builtins.contains("package_version") && builtins.contains("target_minor"))
        #expect(declared == ["dir"])
        #expect(error?.description.contains("declare it with a default, or with an empty value") == true)
    }

    @Test(arguments: [
        ("  - echo '{{ target }}'\n", 11, "inside single quotes"),
        ("  - echo \"v{{ target }}\"\n", 12, "inside double quotes"),
        ("  - echo $'{{ target }}'\n", 12, "inside $'…' quotes"),
        ("  - echo \\{{ target }}\n", 11, "right after '\\'"),
        ("  - echo ${{ target }}\n", 11, "right after '$'"),
        ("  - \"echo 'a {{ target }}'\"\n", 14, "inside single quotes"),
    ])
    func placeholdersInsideQuotesAreRefused(line: String, column: Int, context: String) {
        let error = playbookError("stage:\n" + line)
        #expect(error == .quotedPlaceholder(at(3, column), name: "target", context: context))
        #expect(
            error?.description.contains("k8sup inserts every value shell-quoted, so quoting it again would break it")
                == true)
    }

    @Test func placeholdersOutsideQuotesOrInACommandSubstitutionAreFine() throws {
        let playbook = try loadPlaybook(
            """
            stage:
              - >-
                echo 'a'{{ target }}'b' "x"{{ target }} "$(echo {{ target }})" `echo {{ target }}` # it's {{ node }}
            """)
        #expect(
            playbook.commands(for: .stage).first?.placeholderNames == ["target", "target", "target", "target", "node"])
    }

    @Test func placeholderPositionsFollowFoldedLines() {
        let error = playbookError("stage:\n  - >-\n    echo one\n    two {{ nope }}\n")
        guard case .unknownPlaceholder(let location, _, _, _)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(location == at(5, 9))
    }

    @Test func bracesMustBalance() {
        #expect(
            playbookError("stage:\n  - echo {{ target\n")
                == .unbalancedBraces(at(3, 10), "'{{' is never closed by '}}'"))
        #expect(
            playbookError("stage:\n  - awk '{a{b}}'\n")?.description
                == "t.yaml:3:14: '}}' without an opening '{{' (shell or awk braces must be written '} }' here)")
        #expect(
            playbookError("stage:\n  - echo {{ target | upper }}\n")
                == .badPlaceholder(at(3, 10), text: " target | upper "))
    }

    @Test func unterminatedQuotesAreFoundBeforeTheyRun() {
        #expect(playbookError("stage:\n  - echo 'abc\n") == .unterminatedQuote(at(3, 10), quote: "single quote"))
        #expect(
            playbookError("stage:\n  - echo \"$(echo ')\"\n") == .unterminatedQuote(at(3, 18), quote: "single quote"))
    }

    @Test(arguments: [
        ("target ~ 1.30", "after 'target' expected one of == != < <= > >="),
        ("== 1.30", "expected NAME OP VALUE, e.g. target >= 1.32"),
        ("target >=", "expected a value after '>=' (write \"\" for the empty string)"),
        (
            "role < worker",
            "'<' compares Kubernetes versions, and 'worker' is not one (write e.g. 1.32 or v1.30.4); text only compares with == and !="
        ),
        (
            "package_version == 1.30.4-1.1",
            "'package_version' is only known while the upgrade runs, so a condition cannot use it"
        ),
    ])
    func unreadableConditionsAreRefused(condition: String, problem: String) {
        let error = playbookError("stage:\n  - run: ls\n    when: \(condition)\n")
        #expect(error == .badCondition(at(4, 11), condition: condition, problem: problem))
    }

    @Test func conditionsUseKnownNamesOnly() {
        let error = playbookError("stage:\n  - run: ls\n    when: [target >= 1.30, colour == red]\n")
        #expect(error.map { if case .unknownPlaceholder(_, let name, _, _) = $0 { name } else { "" } } == "colour")
        #expect(
            playbookError("stage:\n  - run: ls\n    when: [42]\n")?.description.contains(
                "a condition is a string NAME OP VALUE") == true)
    }

    @Test func varsAreNamesWithScalarDefaultsThatDoNotShadowBuiltins() {
        #expect(
            playbookError("vars:\n  target: 1.2.3\n")
                == .invalid(at(3, 3), "'target' is a built-in name: its value comes from the upgrade and cannot be set")
        )
        #expect(playbookError("vars:\n  pause: 3.10\n")?.description.contains("(1.30 becomes 1.3): quote it") == true)
        #expect(
            playbookError("vars:\n  hosts: [a]\n")?.description.contains("must be a string, number or boolean") == true)
        #expect(
            playbookError("vars:\n  my-var: x\n")?.description
                == "t.yaml:3:3: 'my-var' is not a var name: use letters, digits and _")
        #expect(playbookError("vars: [a]\n")?.description.contains("'vars' must be a mapping") == true)
    }

    @Test func allProblemsAreReportedTogetherInFileOrder() {
        let error = playbookError("stage:\n  - echo '{{ target }}'\n  - echo {{ nope }}\nupgrade_worker:\n  - 7\n")
        guard case .several(let errors)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(errors.count == 3)
        #expect(
            error?.description.split(separator: "\n").map { $0.prefix(11) } == [
                "t.yaml:3:11", "t.yaml:4:10", "t.yaml:6:5:",
            ])
        #expect(error?.all.count == 3)
    }
}

import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// The loader's decisions that Ansible's oracle cannot show: refusals, warnings and error positions.
@Suite struct InventoryLoaderTests {
    func load(_ sources: [String]) throws(InventoryError) -> LoadedInventory {
        try InventoryLoader().load(sources: sources)
    }

    /// The error loading `files` gives (from the tree's root, or the file `source` in it), if any.
    func loadError(_ files: [String: String], source: String = "") throws -> InventoryError? {
        try withTemporaryTree(Dictionary(uniqueKeysWithValues: files.map { ($0.key, Array($0.value.utf8)) })) { root in
            loadingError(root + (source.isEmpty ? "" : "/" + source))
        }
    }

    func loadingError(_ source: String) -> InventoryError? {
        do {
            _ = try load([source])
            return nil
        } catch {
            return error
        }
    }

    func message(_ error: InventoryError?) -> String { error.map { "\($0)" } ?? "no error" }

    @Test func aMissingPathIsAnErrorNotAnEmptyInventory() {
        #expect(throws: InventoryError.unreadable(path: "/no/such/inventory", reason: "no such file or directory")) {
            try load(["/no/such/inventory"])
        }
    }

    @Test func aNamedFileNeitherReaderUnderstandsGivesBothReasonsWithPositions() throws {
        let error = try loadError(["hosts.yml": "all:\n  hosts: [a, b]\n"], source: "hosts.yml")
        guard case .unparsable(let file, let reasons)? = error else {
            Issue.record("expected .unparsable, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/hosts.yml"))
        #expect(reasons.count == 2)
        #expect(reasons[0].contains("hosts.yml:2:10: 'hosts' of group 'all' must be a mapping, but it is a list"))
        #expect(reasons[1].hasPrefix("as INI: "))
        #expect(reasons[1].contains("hosts.yml:1:1"))
    }

    @Test func anINIFileWithAYAMLNameIsReadAsINI() throws {
        let hosts = try withTemporaryTree(text: ["inventory.yaml": "[kube_node]\nw1\n"]) { root in
            try load([root + "/inventory.yaml"]).inventory.hosts(inGroup: "kube_node")
        }
        #expect(hosts == ["w1"])
    }

    @Test func aYAMLFileWithAnotherExtensionIsRefusedWithARenameHint() throws {
        let error = try loadError(["inventory.yml.sample": "all:\n  hosts:\n    h1:\n"], source: "inventory.yml.sample")
        guard case .unparsable(_, let reasons)? = error else {
            Issue.record("expected .unparsable, got \(String(describing: error))")
            return
        }
        #expect(reasons.last?.contains("rename it, e.g. to 'inventory.yml'") == true)
    }

    @Test func inventoryPluginConfigurationsAreRefused() throws {
        let error = try loadError(
            ["aws_ec2.yml": "plugin: amazon.aws.aws_ec2\nregions: [eu-west-1]\n"], source: "aws_ec2.yml")
        #expect(message(error).contains("this is an inventory plugin configuration (plugin: amazon.aws.aws_ec2)"))
    }

    @Test func tomlInventoriesAreRefused() throws {
        let error = try loadError(["hosts.toml": "[all.hosts]\nh1 = {}\n"], source: "hosts.toml")
        #expect(message(error).contains("TOML inventories are not supported"))
    }

    @Test func aDirectoryKeepsWhatItCanReadAndWarnsAboutTheRest() throws {
        let loaded = try withTemporaryTree(text: [
            "hosts.ini": "[kube_node]\nw1\n",
            "artifacts/admin.conf": "apiVersion: v1\nkind: Config\n",
        ]) { root in try load([root]) }
        #expect(loaded.inventory.hosts(inGroup: "kube_node") == ["w1"])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("artifacts/admin.conf: not an inventory (as INI: ") == true)
        #expect(loaded.warnings.first?.contains("admin.conf:1:1: host pattern 'apiVersion:' ends in ':'") == true)
    }

    @Test func aDirectoryWithNothingReadableIsAnError() throws {
        let error = try loadError(["hosts.ini": "[k8s_cluster:children]\nkube_node\n"])
        guard case .noInventoryInDirectory(_, let failures)? = error else {
            Issue.record("expected .noInventoryInDirectory, got \(String(describing: error))")
            return
        }
        #expect(
            failures.first?.contains(
                "hosts.ini:2:1: section [k8s_cluster:children] includes undefined group 'kube_node'") == true)
    }

    @Test func aDirectoryWithOnlyIgnoredFilesSaysSo() throws {
        let error = try loadError([".hidden": "x\n", "README.md": "notes\n", "group_vars/all.yml": "a: 1\n"])
        #expect(message(error).hasSuffix(": the directory has no inventory files"))
    }

    @Test func anEmptyHostRangeIsAnErrorWhereAnsibleWouldDropTheHosts() throws {
        let error = try loadError(["hosts.ini": "[kube_node]\nnode[5:1]\n"], source: "hosts.ini")
        #expect(message(error).contains("hosts.ini:2:1"))
        #expect(message(error).contains("node[5:1]"))
    }

    @Test func varsFilesMustBeMappingsAndNameTheirFile() throws {
        let error = try loadError([
            "hosts.ini": "[kube_node]\nw1\n",
            "group_vars/kube_node.yml": "- just\n- a list\n",
        ])
        #expect(
            message(error).hasSuffix(
                "group_vars/kube_node.yml:1:1: a vars file must be a mapping of variable names to values, "
                    + "but this one is a list"))
    }

    @Test func brokenYAMLInAVarsFileIsAnErrorWithLineAndColumn() throws {
        let error = try loadError([
            "hosts.ini": "[kube_node]\nw1\n",
            "group_vars/all/main.yml": "a: 1\nb: [unclosed\n",
        ])
        guard case .invalid(let location, _)? = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(location.file.hasSuffix("group_vars/all/main.yml"))
        #expect(location.line == 3 && location.column == 1)
    }

    @Test func invalidUTF8InAVarsFileNamesTheLine() throws {
        let error = try withTemporaryTree([
            "hosts.ini": Array("[kube_node]\nw1\n".utf8),
            "host_vars/w1.yml": Array("ok: 1\nbad: \"".utf8) + [0xFF] + Array("\"\n".utf8),
        ]) { root in loadingError(root) }
        guard case .invalid(let location, let message)? = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(location.line == 2 && location.column == 7)
        #expect(message.contains("not valid UTF-8"))
    }

    @Test func aGroupVarsFileInsteadOfADirectoryIsSkippedWithAWarning() throws {
        let loaded = try withTemporaryTree(text: [
            "hosts.ini": "[kube_node]\nw1\n", "group_vars": "../sample/group_vars",
        ]) { root in
            try load([root + "/hosts.ini"])
        }
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.contains("group_vars' is not a directory") == true)
    }

    @Test func yamlInventoryStructureErrorsPointAtTheNode() throws {
        let cases: [(String, String)] = [
            ("all:\n  hosts:\n    5:\n", "hosts.yml:3:5: host pattern 5 must be a string"),
            ("all:\n  hosts:\n    h1: [a]\n", "hosts.yml:3:9: the vars of host 'h1' must be a mapping"),
            ("all:\n  children:\n    g: just text\n", "hosts.yml:3:5: 'g' is neither a known host nor a known group"),
            ("- a\n- b\n", "hosts.yml:1:1: a YAML inventory must be a mapping of group names"),
            (
                "all:\n  hosts: {h: }\n  vars: 7\n",
                "hosts.yml:3:9: 'vars' of group 'all' must be a mapping, but it is an integer"
            ),
        ]
        for (text, expected) in cases {
            let error = try loadError(["hosts.yml": text], source: "hosts.yml")
            guard case .unparsable(_, let reasons)? = error else {
                Issue.record("expected .unparsable for \(text), got \(String(describing: error))")
                continue
            }
            #expect(reasons.first?.contains(expected) == true, "\(reasons)")
        }
    }

    @Test func skippedYAMLKeysAreReportedAsWarnings() throws {
        let loaded = try withTemporaryTree(text: [
            "hosts.yml": "all:\n  hosts: {h1: }\n  extra: {a: 1}\nnotes: plain text\n"
        ]) { root in try load([root + "/hosts.yml"]) }
        #expect(loaded.warnings.count == 2)
        #expect(loaded.warnings[0].contains("hosts.yml:3:3: skipping unexpected key 'extra' in group 'all'"))
        #expect(loaded.warnings[1].contains("hosts.yml:4:1: skipping 'notes'"))
    }
}

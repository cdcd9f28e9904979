import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct INIInventoryReaderErrorTests {
    /// Inventories ansible-core 2.19 rejects (the two marked ones it accepts), with where and why k8sup does.
    @Test(arguments: [
        ("[a]\n[p:children]\na\nkube-nodes\n", 4, 1, "section [p:children] includes undefined group 'kube-nodes'"),
        ("[p:children]\n  x\n[q:children]\nx\n", 2, 3, "section [p:children] includes undefined group 'x'"),
        ("[g]\n[foo:vars]\nb=2\n", 2, 1, "[foo:vars] for a group 'foo' that is never defined"),
        ("[p:children]\nc\n[c:vars]\nx=1\n", 2, 1, "section [p:children] includes undefined group 'c'"),
        ("[x:children]\nh1\n[h1x]\nh1\n", 2, 1, "includes undefined group 'h1'"),
        (
            "[n]\nnode1 ansible_host='10.0.0.1\n", 2, 20,
            "unclosed quote in host definition \"node1 ansible_host='10.0.0.1\""
        ),
        ("[n]\nh a=\\\n", 2, 5, "escapes nothing"),
        ("[a b]\n", 1, 1, "invalid section header '[a b]'"),
        ("[g:]\n", 1, 1, "invalid section header '[g:]'"),
        ("  [g:child]\n", 1, 6, "section [g:child] has unknown type 'child'"),
        ("[g]\nh1 sudo\n", 2, 4, "expected key=value after the host pattern, got 'sudo'"),
        ("[g]\n[g:vars]\nnoequals\n", 3, 1, "expected key=value in section [g:vars], got 'noequals'"),
        ("[g]\n[p:children]\ng ; c\n", 3, 1, "expected a group name in section [p:children], got 'g ; c'"),
        ("node1:\n", 1, 1, "host pattern 'node1:' ends in ':' without a port number"),
        ("---\n", 1, 1, "'---' starts a YAML document"),
        ("x ---\n", 1, 3, "expected key=value after the host pattern, got '---'"),
        ("\"\" a=1\n", 1, 1, "a host name is empty"),
        ("[g]\nnode[5:1]\n", 2, 1, "host pattern 'node[5:1]': the range [5:1] selects no hosts"),  // Ansible: no hosts
        ("[g]\nnode[1:9:0]\n", 2, 1, "the step must not be 0"),
        ("[g]\nnode[a:5]\n", 2, 1, "the begin 'a' is not a number"),
        ("[g]\n h:99999999999999999999\n", 2, 2, "port 99999999999999999999 is out of range"),
        ("[a:children]\nb\n[b:children]\na\n", 4, 1, "creates a loop"),
        ("[g:children]\ng\n", 2, 1, "group 'g' cannot be a child of itself"),
        ("h ok=1 bad=\"{[1]: 2}\"\n", 1, 8, "value of 'bad' ({[1]: 2}): unhashable type 'list'"),
        ("h c=\"{1j: 2}\"\n", 1, 3, "a dict key of type 'complex' cannot be used"),
        ("h s=\"'\\ud800'\"\n", 1, 3, "lone surrogate"),  // Ansible: keeps the surrogate
        ("[g]\n[g:vars]\nansible_group_priority=None\n", 3, 1, "ansible_group_priority must be an integer, got null"),
        ("[g]\n[g:vars]\nansible_group_priority=high\n", 3, 1, "ansible_group_priority must be an integer, got 'high'"),
        ("\u{FEFF}[g]\nh1\n", 1, 1, "byte-order mark"),
    ])
    func rejectsWithLineColumnAndReason(text: String, line: Int, column: Int, fragment: String) {
        do {
            _ = try readINI(text)
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            guard case .invalid(let location, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(location == SourceLocation(file: "hosts.ini", line: line, column: column), "\(error)")
            #expect(message.contains(fragment), "\(error)")
        }
    }

    @Test func bytesThatAreNotUTF8AreAllowedOnlyInCommentLines() throws {
        var inventory = Inventory()
        try INIInventoryReader.read(
            Array("# caf\u{FF}\n".utf8) + [0x3B, 0xFF, 0x0A] + Array("h1\n".utf8), file: "b.ini",
            into: &inventory)
        #expect(inventory.hostOrder == ["h1"])
        #expect(
            throws: InventoryError.invalid(
                SourceLocation(file: "b.ini", line: 2, column: 6),
                "this line is not valid UTF-8 (only comment lines may contain other bytes)")
        ) {
            try INIInventoryReader.read(
                Array("h0\nh1 a=".utf8) + [0xE9] + Array("\n".utf8), file: "b.ini", into: &inventory)
        }
    }

    @Test func aByteOrderMarkIsPartOfTheFirstLineAsInAnsible() throws {
        let inventory = try readINI("\u{FEFF}# looks like a comment\n[g]\nh1\n")
        #expect(inventory.groups["ungrouped"]?.hosts == ["\u{FEFF}"])
    }

    @Test func theFirstPendingDeclarationIsTheOneReported() {
        #expect {
            try readINI("[g:vars]\n[p:children]\nx\n")
        } throws: { error in
            guard case .invalid(let location, let message)? = error as? InventoryError else { return false }
            return location.line == 1 && message.contains("[g:vars]")
        }
    }

    /// Random bytes and INI fragments, long lines and deep brackets: every input is either read or refused
    /// with `InventoryError.invalid`, quickly.
    @Test func arbitraryInputNeverCrashesOrHangs() {
        var generator = SeededRandom(seed: 0x5EED)  // fuzz inputs are the same on every run
        let fragments = [
            "[", "]", ":", "children", "vars", "g", "h", "=", "\"", "'", "\\", "#", ";", " ", "\n", "\r",
            "[1:3]", "{", "}", "(", ")", "1", "x", "\u{85}", "é", "\u{0}", "---", ",", "j", "0x",
        ]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) {
                text += fragments[Int(generator.next() % UInt64(fragments.count))]
            }
            expectReadOrRefused(Array(text.utf8))
            expectReadOrRefused(
                (0..<Int(generator.next() % 60)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        }
        expectReadOrRefused(Array(("h " + String(repeating: "a=1 ", count: 20_000) + "\n").utf8))
        expectReadOrRefused(Array(("h v=" + String(repeating: "[", count: 50_000) + "\n").utf8))
        expectReadOrRefused(Array(("[g:vars]\nv=" + String(repeating: "(", count: 50_000) + "\n").utf8))
        expectReadOrRefused(Array((String(repeating: "x", count: 200_000) + "[1:2]\n").utf8))
    }

    private func expectReadOrRefused(_ bytes: [UInt8]) {
        var inventory = Inventory()
        do {
            try INIInventoryReader.read(bytes, file: "fuzz.ini", into: &inventory)
            inventory.reconcile()
        } catch {
            guard case .invalid(let location, _) = error else {
                Issue.record("unexpected error kind \(error)")
                return
            }
            #expect(location.file == "fuzz.ini" && location.line >= 1 && location.column >= 1)
        }
    }
}

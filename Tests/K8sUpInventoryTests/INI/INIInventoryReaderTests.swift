import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Reads INI text into a fresh inventory (without reconciling, unless asked).
func readINI(_ text: String, reconcile: Bool = false) throws(InventoryError) -> Inventory {
    var inventory = Inventory()
    try INIInventoryReader.read(text, file: "hosts.ini", into: &inventory)
    if reconcile { inventory.reconcile() }
    return inventory
}

@Suite struct INIInventoryReaderTests {
    @Test func linesBeforeTheFirstSectionAreUngroupedHosts() throws {
        let inventory = try readINI("h1\nh2 a=1\n[g]\nh3\n")
        #expect(inventory.groups["ungrouped"]?.hosts == ["h1", "h2"])
        #expect(inventory.groups["g"]?.hosts == ["h3"])
        #expect(inventory.hostOrder == ["h1", "h2", "h3"])
    }

    @Test func everySectionKindDeclaresItsGroupInFileOrder() throws {
        let inventory = try readINI("[b:children]\n[a]\n[c:vars]\n[c]\n[b:vars]\n[d]\n")
        #expect(inventory.groupOrder == ["all", "ungrouped", "b", "a", "c", "d"])
    }

    @Test func childrenNamedBeforeTheyAreDeclaredJoinInDeclarationOrder() throws {
        let inventory = try readINI("[p:children]\nx\ny\n[q:children]\nx\n[y]\nh1\n[x]\nh2\n")
        #expect(inventory.groups["p"]?.children == ["y", "x"])
        #expect(inventory.groups["q"]?.children == ["x"])
        #expect(inventory.groups["x"]?.parents == ["p", "q"])
    }

    @Test func childrenAlreadyDeclaredJoinImmediately() throws {
        let inventory = try readINI("[x]\n[y]\n[p:children]\ny\nx\n")
        #expect(inventory.groups["p"]?.children == ["y", "x"])
    }

    @Test func aChildrenSectionAloneDeclaresAnEmptyGroup() throws {
        let inventory = try readINI("[k8s_cluster:children]\nkube_node\n[kube_node:children]\n")
        #expect(inventory.groups["kube_node"]?.parents == ["k8s_cluster"])
    }

    @Test func varsSectionsMayComeBeforeTheGroupIsDeclared() throws {
        let inventory = try readINI("[g:vars]\nx=1\n[g]\nh1\n")
        #expect(inventory.groups["g"]?.vars["x"] == .int(1))
        let pendingChild = try readINI("[p:children]\nc\n[c:vars]\nx=1\n[c:children]\n")
        #expect(pendingChild.groups["p"]?.children == ["c"])
        #expect(pendingChild.groups["c"]?.vars["x"] == .int(1))
    }

    @Test func allSectionHostsEndUpInUngroupedAfterReconcile() throws {
        let inventory = try readINI("[all]\nh1\nh2\n[g]\nh2\n[all:vars]\nv=1\n", reconcile: true)
        #expect(inventory.groups["all"]?.hosts == ["h1", "h2"])
        #expect(inventory.groups["ungrouped"]?.hosts == ["h1"])
        #expect(inventory.groups["all"]?.vars["v"] == .int(1))
    }

    @Test func ungroupedSectionAndItsVarsAreOrdinary() throws {
        let inventory = try readINI("[ungrouped]\nh1\n[ungrouped:vars]\nloose=True\n[ungrouped:children]\ng\n[g]\n")
        #expect(inventory.groups["ungrouped"]?.hosts == ["h1"])
        #expect(inventory.groups["ungrouped"]?.vars["loose"] == .bool(true))
        #expect(inventory.groups["ungrouped"]?.children == ["g"])
    }

    @Test func portsAreRecordedOnlyWhenTheHostIsNew() throws {
        let inventory = try readINI("[a]\nh1:2222\n[b]\nh1:3333\nh2:0\n[::1]:22\n")
        #expect(inventory.hosts["h1"]?.vars["ansible_port"] == .int(2222))
        #expect(inventory.hosts["h2"]?.vars["ansible_port"] == nil)
        #expect(inventory.hosts["::1"]?.vars["ansible_port"] == .int(22))
    }

    @Test func aHostInSeveralGroupsKeepsItsFirstPositionAndMergesVars() throws {
        let inventory = try readINI("h1 a=1 b=1\n[g1]\nh2\nh1 b=2\n[g2]\nh1 c=3\n", reconcile: true)
        #expect(inventory.hostOrder == ["h1", "h2"])
        #expect(inventory.hosts["h1"].map { DataValue.mapping($0.vars) } == ["a": 1, "b": 2, "c": 3])
        #expect(inventory.groups["ungrouped"]?.hosts == [])
        #expect(inventory.hosts["h1"]?.groups == ["all", "g1", "g2"])
    }

    @Test func inlineValuesAreShellSplitThenEvaluatedAsPythonLiterals() throws {
        let inventory = try readINI(#"h a="1" b='"1"' c=1.0 d="x y" e=True f=abc g=a=b h=v#comment"# + "\n")
        let vars = try #require(inventory.hosts["h"]?.vars)
        #expect(
            DataValue.mapping(vars) == [
                "a": 1, "b": "1", "c": 1.0, "d": "x y", "e": true, "f": "abc", "g": "a=b", "h": "v",
            ])
    }

    @Test func aRepeatedKeyOnOneLineKeepsTheLastValue() throws {
        let inventory = try readINI("h a=1 b=2 a=3\n")
        #expect(inventory.hosts["h"]?.vars.keys == ["a", "b"])
        #expect(inventory.hosts["h"]?.vars["a"] == .int(3))
        // The line's variables are a Python dict, so only the last value is ever set: 'abc' never reaches int().
        let grouped = try readINI("[web]\nweb ansible_group_priority=abc ansible_group_priority=5\n")
        #expect(grouped.groups["web"]?.priority == 5)
    }

    @Test func rangesExpandToSeveralHostsSharingVarsAndPort() throws {
        let inventory = try readINI("[nodes]\nnode[01:03]:2200 role=worker\nnode-[a:b]\n")
        #expect(inventory.groups["nodes"]?.hosts == ["node01", "node02", "node03", "node-a", "node-b"])
        #expect(
            inventory.hosts["node02"].map { DataValue.mapping($0.vars) } == ["ansible_port": 2200, "role": "worker"])
    }

    @Test func varsSectionValuesTakeTheWholeRestOfTheLine() throws {
        let text =
            "[g]\n[g:vars]\nport=8080 # c\nname=hello world # c\nq='x' # c\n  spaced  =  v  \nempty=\n=anon\nt=1,2\n"
        let vars = try #require(try readINI(text).groups["g"]?.vars)
        #expect(
            DataValue.mapping(vars) == [
                "port": 8080, "name": "hello world # c", "q": "x", "spaced": "v",
                "empty": "", "": "anon", "t": [1, 2],
            ])
    }

    @Test func commentLinesStartWithHashOrSemicolonAfterAnyIndentation() throws {
        let text = "# c\n; c\n  # c\n\t; c\n[g] # c\nh1 # c\n;h2\n[g:children] # c\n"
        let inventory = try readINI(text)
        #expect(inventory.hostOrder == ["h1"])
    }

    @Test func aSemicolonAfterASectionHeaderMakesItAHostLine() throws {
        // "[g] ; c" is not a section (only '#' comments may follow), so it is a host pattern with a range.
        #expect(throws: InventoryError.self) { try readINI("[g] ; c\n") }
    }

    @Test func whenAHostAndAGroupShareANameVariablesGoToTheGroup() throws {
        let inventory = try readINI("[web]\nweb role=x\n")
        #expect(inventory.groups["web"]?.vars["role"] == .string("x"))
        #expect(inventory.hosts["web"]?.vars.isEmpty == true)
    }

    @Test func groupPriorityIsPythonsIntOfTheValue() throws {
        let inventory = try readINI(
            "[a]\n[b]\n[a:vars]\nansible_group_priority='7'\n[b:vars]\nansible_group_priority=2.9\n")
        #expect(inventory.groups["a"]?.priority == 7)
        #expect(inventory.groups["b"]?.priority == 2)
    }

    @Test func crlfAndOtherPythonLineBreaksSplitLines() throws {
        let inventory = try readINI("[g]\r\nh1\rh2\u{0B}h3\u{0C}h4\u{1C}h5\u{85}h6\u{2028}h7\u{2029}h8\r\n\r\n")
        #expect(inventory.groups["g"]?.hosts == ["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"])
    }

    @Test func lineNumbersInErrorsCountEveryPythonLineBreak() {
        #expect(
            throws: InventoryError.invalid(
                SourceLocation(file: "hosts.ini", line: 4, column: 3), "a host name is empty")
        ) {
            try readINI("a\r\nb\u{2028}c\u{85}  \"\"\n")
        }
    }

    @Test func errorsLeaveTheInventoryAsItWas() throws {
        var inventory = Inventory()
        try INIInventoryReader.read("[first]\nh0\n", file: "a.ini", into: &inventory)
        let before = inventory
        #expect(throws: InventoryError.self) {
            try INIInventoryReader.read("[second]\nh1\n[x:children]\nmissing\n", file: "b.ini", into: &inventory)
        }
        #expect(inventory == before)
    }

    @Test func aSecondSourceAddsToTheSameInventory() throws {
        var inventory = Inventory()
        try INIInventoryReader.read("[g]\nh1 a=1\n", file: "a.ini", into: &inventory)
        try INIInventoryReader.read("[g]\nh2\n[g:vars]\nv=2\n", file: "b.ini", into: &inventory)
        #expect(inventory.groups["g"]?.hosts == ["h1", "h2"])
        #expect(inventory.hosts["h1"]?.location?.file == "a.ini")
    }
}

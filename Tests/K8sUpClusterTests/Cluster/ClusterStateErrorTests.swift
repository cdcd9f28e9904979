import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Every way a snapshot can be bad, with the exact message the operator sees.
@Suite struct ClusterStateErrorTests {
    static let command = "`kubectl get nodes,pods,pdb -A -o json`"

    @Test func aMissingFileOrADirectoryIsUnreadable() throws {
        #expect(
            message(SnapshotFixtures.error("no-such.json"))
                == "cannot read cluster snapshot '\(SnapshotFixtures.path("no-such.json"))': no such file")
        #expect(throws: ClusterStateError.unreadable(path: TestPaths.fixtures, reason: "it is a directory")) {
            try ClusterSnapshot.load(path: TestPaths.fixtures)
        }
    }

    @Test func aFileThatCannotBeReadSaysWhy() {
        let fileSystem = InMemoryFileSystem(failing: ["/locked.json"])
        #expect(throws: ClusterStateError.unreadable(path: "/locked.json", reason: "permission denied")) {
            try ClusterSnapshot.load(path: "/locked.json", fileSystem: fileSystem)
        }
    }

    @Test(arguments: ["", "  \n\t\n"])
    func anEmptyInputSaysWhatItShouldHold(text: String) {
        #expect(
            message(snapshotError(text))
                == "test.json: there is no JSON in it; it should be the output of \(Self.command)")
    }

    @Test func aYAMLFileIsNotJSONAndSaysToUseDashOJSON() {
        #expect(
            message(SnapshotFixtures.error("not-json.json"))
                == SnapshotFixtures.path("not-json.json")
                + ":1:1: not JSON: expecting a value; it looks like YAML: save the output of kubectl with `-o json`, "
                + "not `-o yaml`")
    }

    static let notJSONCases: [(text: String, message: String)] = [
        (
            "NAME    STATUS   ROLES           AGE   VERSION\ncp-1    Ready    control-plane   1y    v1.28.6\n",
            "test.json:1:1: not JSON: expecting a value; it looks like kubectl's table output: save it with `-o json`"
        ),
        (
            "error: You must be logged in to the server (Unauthorized)\n",
            "test.json:1:1: not JSON: expecting a value; it looks like an error message from kubectl, not its output: "
                + "error: You must be logged in to the server (Unauthorized)"
        ),
        ("hello", "test.json:1:1: not JSON: expecting a value; it should be the output of \(command)"),
        ("{\"items\": [1,, 2]}", "test.json:1:14: not JSON: expecting a value; it should be the output of \(command)"),
        (
            "{\"a\": 1,\n \"b\" 2}",
            "test.json:2:6: not JSON: expecting ':' delimiter; it should be the output of \(command)"
        ),
        ("[1 true]", "test.json:1:4: not JSON: expecting ',' delimiter; it should be the output of \(command)"),
        (
            "{\"a\": 1} {\"b\": 2}",
            "test.json:1:10: not JSON: extra data after the JSON value; a second JSON document starts here (was "
                + "kubectl's output added to the file twice?)"
        ),
        (
            "\r\n  \napiVersion: v1\r\nkind: List\r\n",
            "test.json:3:1: not JSON: expecting a value; it looks like YAML: save the output of kubectl with "
                + "`-o json`, not `-o yaml`"
        ),
        (
            "\nError from server (Forbidden): nodes is forbidden\r\nmore\n",
            "test.json:2:1: not JSON: expecting a value; it looks like an error message from kubectl, not its "
                + "output: Error from server (Forbidden): nodes is forbidden"
        ),
        (
            "{\"kind\": \"List\",\n\"items\": [\napiVersion: v1]}",
            "test.json:3:1: not JSON: expecting a value; it should be the output of \(command)"
        ),
        (
            "{'a': 1}",
            "test.json:1:2: not JSON: expecting property name enclosed in double quotes; it should be the output of "
                + command
        ),
    ]

    @Test(arguments: notJSONCases)
    func textThatIsNotJSONGetsThePlaceAndWhatWasExpected(text: String, expected: String) {
        #expect(message(snapshotError(text)) == expected)
    }

    @Test func aCutOffFileSaysItEndsEarly() {
        #expect(
            message(SnapshotFixtures.error("truncated.json"))
                == SnapshotFixtures.path("truncated.json")
                + ":13:73: the JSON ends early (unterminated string): it looks cut off; it should hold the whole "
                + "output of \(Self.command)")
    }

    @Test(arguments: [
        ("{\"items\": [", "1:12", "expecting a value"),
        ("{\"items\": [\n  {\"a\": 1},\n", "3:1", "expecting a value"),
        ("{\"a\": 12", "1:9", "expecting ',' delimiter"),
        ("{\"a\": tru", "1:7", "expecting a value"),
        ("{\"a\": -", "1:7", "expecting a value"),
        ("{\"a\"", "1:5", "expecting ':' delimiter"),
        ("{", "1:2", "expecting property name enclosed in double quotes"),
        ("{\"a\": \"é", "1:9", "unterminated string"),
    ])
    func endingInTheMiddleOfAValueIsTruncation(text: String, place: String, problem: String) {
        #expect(
            message(snapshotError(text))
                == "test.json:\(place): the JSON ends early (\(problem)): it looks cut off; it should hold the whole "
                + "output of \(Self.command)")
    }

    func bytesError(_ bytes: [UInt8], source: String) -> ClusterStateError? {
        do {
            _ = try ClusterSnapshot.decode(bytes: bytes, source: source)
            return nil
        } catch {
            return error
        }
    }

    @Test func UTF16TextSaysHowToSaveItAsUTF8() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("{}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(
            message(bytesError(bytes, source: "win.json"))
                == "win.json:1:1: not JSON: the text is UTF-16, not UTF-8; save it as UTF-8 (Windows PowerShell's `>` "
                + "writes UTF-16; pipe to `Out-File -Encoding utf8`)")
    }

    @Test func invalidUTF8NamesItsPlace() {
        let bytes = Array("{\"items\": [\n  \"".utf8) + [0xC3, 0x28]
        #expect(
            message(bytesError(bytes, source: "bin.json"))
                == "bin.json:2:4: not JSON: the file is not valid UTF-8 (byte 0xc3 here); it should be the output of "
                + Self.command)
    }

    @Test func aWrongTypeNamesTheJSONPathAndWhatWasFoundWithThePlace() {
        #expect(
            message(SnapshotFixtures.error("wrong-shape.json"))
                == SnapshotFixtures.path("wrong-shape.json")
                + #":12:33: items[2].spec.minAvailable: expected an integer or a percentage like "50%", found true"#)
    }

    @Test(arguments: [
        (
            #"[{"kind": "Node"}]"#,
            "test.json:1:1: expected an object, found a list; it should be the output of \(command)"
        ),
        (#"{"metadata": {}}"#, "test.json:1:1: kind: required field is missing; it should be the output of \(command)"),
        (
            #"{"kind": "List", "items": {"a": 1}}"#,
            "test.json:1:27: items: expected a list, found an object; it should be the output of \(command)"
        ),
    ])
    func aDocumentOfTheWrongKindSaysWhatItShouldBe(json: String, expected: String) {
        #expect(message(snapshotError(json)) == expected)
    }

    /// kubectl's List with `item` alone on its second line, so that columns count from the item.
    static func inList(_ item: String) -> String { "{\"kind\": \"List\", \"items\": [\n\(item)]}" }

    @Test(arguments: [
        (#"{"metadata": {"name": "x"}}"#, "2:1: items[0].kind: required field is missing"),
        (#"{"kind": "Node"}"#, "2:1: items[0].metadata: required field is missing"),
        (#"{"kind": "Node", "metadata": {}}"#, "2:30: items[0].metadata.name: required field is missing"),
        (#"{"kind": 7}"#, "2:10: items[0].kind: expected a string, found 7"),
        (
            #"{"kind": "Node", "metadata": {"name": "n", "labels": {"node-role.kubernetes.io/master": 1}}}"#,
            #"2:89: items[0].metadata.labels["node-role.kubernetes.io/master"]: expected a string, found 1"#
        ),
        (
            #"{"kind": "Node", "metadata": {"name": "n"}, "spec": {"unschedulable": "true"}}"#,
            #"2:71: items[0].spec.unschedulable: expected true or false, found "true""#
        ),
        (
            #"{"kind": "Pod", "metadata": {"name": "p", "ownerReferences": [{"kind": "ReplicaSet"}]}}"#,
            "2:63: items[0].metadata.ownerReferences[0].name: required field is missing"
        ),
        (
            #"{"kind": "Pod", "metadata": {"name": "p"}, "status": {"conditions": [{"type": "Ready", "status": 1}]}}"#,
            "2:98: items[0].status.conditions[0].status: expected a string, found 1"
        ),
        (
            #"{"kind": "PodDisruptionBudget", "metadata": {"name": "b"}, "status": {"expectedPods": "0"}}"#,
            #"2:87: items[0].status.expectedPods: expected an integer, found "0""#
        ),
    ])
    func wrongShapesNameThePathThePlaceAndWhatWasFound(item: String, expected: String) {
        #expect(message(snapshotError(Self.inList(item))) == "test.json:" + expected)
    }

    @Test func aSnapshotWithoutNodesSaysWhatItShouldBe() {
        let expected = "test.json: the snapshot has no nodes; it should be the output of \(Self.command)"
        #expect(message(snapshotError(#"{"apiVersion": "v1", "kind": "List", "items": []}"#)) == expected)
        #expect(message(snapshotError(#"{"apiVersion": "v1", "kind": "List", "items": null}"#)) == expected)
        #expect(message(snapshotError(#"{"apiVersion": "v1", "kind": "List"}"#)) == expected)
        #expect(message(snapshotError(#"{"kind": "Pod", "metadata": {"name": "p"}}"#)) == expected)
        #expect(
            message(SnapshotFixtures.error("kubeadm-pdb.json")).hasSuffix("kubeadm-pdb.json: " + expected.dropFirst(11))
        )
    }

    @Test func aKubeletVersionThatDoesNotParseNamesTheNodeAndThePlace() {
        #expect(
            message(SnapshotFixtures.error("bad-kubelet-version.json"))
                == SnapshotFixtures.path("bad-kubelet-version.json")
                + #":8:52: items[1].status.nodeInfo.kubeletVersion: node 'worker-3' reports a kubelet version k8sup "#
                + #"cannot read: "v1.28" is not a Kubernetes version: expected v<major>.<minor>.<patch>, e.g. v1.30.4 "#
                + "(the patch number is missing)")
        let single =
            #"{"kind": "Node", "metadata": {"name": "cp-1"}, "status": {"nodeInfo": {"kubeletVersion": "latest"}}}"#
        #expect(
            message(snapshotError(single))
                == #"test.json:1:90: status.nodeInfo.kubeletVersion: node 'cp-1' reports a kubelet version k8sup "#
                + #"cannot read: "latest" is not a Kubernetes version: expected v<major>.<minor>.<patch>, e.g. v1.30.4"#
        )
    }
}

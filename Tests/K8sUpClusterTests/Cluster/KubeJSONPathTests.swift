import K8sUpTestSupport
import Testing

@testable import K8sUpCluster
@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `KubeJSONPath`: how paths print and where they point.
@Suite struct KubeJSONPathTests {
    @Test func printsMembersWithDotsAndOddNamesInBrackets() {
        let path = KubeJSONPath().appending("items").appending(index: 12).appending("spec", "minAvailable")
        #expect(path.description == "items[12].spec.minAvailable")
        let label = KubeJSONPath().appending("metadata", "labels", "node-role.kubernetes.io/control-plane")
        #expect(label.description == #"metadata.labels["node-role.kubernetes.io/control-plane"]"#)
        #expect(KubeJSONPath().appending("1", "_ok", "a b", "x\"y").description == #"["1"]._ok["a b"]["x\"y"]"#)
        #expect(KubeJSONPath().description == "")
    }

    @Test func pointsAtTheValueOrTheDeepestObjectOnTheWay() throws {
        let root = try JSONReader.parse("{\"items\": [\n  {\"a\": 1},\n  {\"spec\": {\"x\": true}}\n]}", file: "f")
        let value = KubeJSONPath().appending("items").appending(index: 1).appending("spec", "x")
        #expect(value.deepestNode(in: root).location == SourceLocation(file: "f", line: 3, column: 18))
        let missing = KubeJSONPath().appending("items").appending(index: 1).appending("spec", "y", "z")
        #expect(missing.deepestNode(in: root).location == SourceLocation(file: "f", line: 3, column: 12))
        let pastTheEnd = KubeJSONPath().appending("items").appending(index: 5)
        #expect(pastTheEnd.deepestNode(in: root).location == SourceLocation(file: "f", line: 1, column: 11))
    }
}

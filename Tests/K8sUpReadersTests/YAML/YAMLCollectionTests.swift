import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Block and flow collections, keys, and the positions recorded on nodes.
@Suite struct YAMLCollectionTests {
    private func load(_ text: String) throws -> DataValue { try YAMLTestSupport.load(text) }

    @Test func blockMappingsAndSequencesNest() throws {
        let text = """
            list:
              - a
              - b
            indentless:
            - x
            - y
            nested:
              inner: {k: v}
            """
        #expect(try load(text) == ["list": ["a", "b"], "indentless": ["x", "y"], "nested": ["inner": ["k": "v"]]])
    }

    @Test func compactNestedSequences() throws {
        #expect(try load("- - a\n  - b\n- - - c\n- d\n") == [["a", "b"], [["c"]], "d"])
    }

    @Test func mappingsInsideSequences() throws {
        let text = "- name: a\n  value: 1\n- name: b\n  value: 2\n"
        #expect(try load(text) == [["name": "a", "value": 1], ["name": "b", "value": 2]])
    }

    @Test func emptyEntriesAreNull() throws {
        #expect(try load("-\n- \n- ~\n- ''\n") == [nil, nil, nil, ""])
        #expect(try load("a:\nb: \nc: ~\n") == ["a": nil, "b": nil, "c": nil])
        #expect(try load("{a: , b: }") == ["a": nil, "b": nil])
    }

    @Test func flowCollectionsNestAndAllowTrailingCommas() throws {
        #expect(try load("seq: [a, [b, c], {d: e}, ]") == ["seq": ["a", ["b", "c"], ["d": "e"]]])
        #expect(try load("map: {a: 1, b: [2, 3], c: {d: 4}, }") == ["map": ["a": 1, "b": [2, 3], "c": ["d": 4]]])
        #expect(try load("[[], {}]") == [[], [:]])
    }

    @Test func flowCollectionsMaySpanLines() throws {
        #expect(try load("a: [1,\n  2]\nb: {c: 1,\n  d: 2}\n") == ["a": [1, 2], "b": ["c": 1, "d": 2]])
    }

    @Test func flowSequenceEntriesCanBeSinglePairMappings() throws {
        #expect(try load("[a: 1, b: 2, c]") == [["a": 1], ["b": 2], "c"])
        #expect(try load("[? x : y]") == [["x": "y"]])
    }

    @Test func flowMappingKeysWithoutValuesAreNull() throws {
        #expect(try load("{a, b: 1}") == ["a": nil, "b": 1])
    }

    @Test func adjacentValueAfterQuotedKeyInFlow() throws {
        #expect(try load("{\"a\":b}") == ["a": "b"])
        #expect(try load("{a:b}") == ["a:b": nil])
    }

    @Test func libyamlExplicitKeyQuirkInFlowSequences() throws {
        #expect(try load("[? a]") == [["a": nil]])
        #expect(YAMLTestSupport.error("[? : x]") != nil)
    }

    @Test func complexKeysForScalars() throws {
        #expect(
            try load("? simple\n: value\n? |\n  block key\n: block value\n")
                == ["simple": "value", "block key\n": "block value"])
        #expect(try load("? lonely\n") == ["lonely": nil])
    }

    @Test func collectionKeysAreUnhashable() throws {
        let flow = try #require(YAMLTestSupport.error("[a, b]: 1\n"))
        #expect(flow.message.contains("unhashable"))
        #expect(flow.location == SourceLocation(file: "t.yml", line: 1, column: 1))
        let block = try #require(YAMLTestSupport.error("x: 1\n? - a\n: 2\n"))
        #expect(block.location == SourceLocation(file: "t.yml", line: 2, column: 3))
    }

    @Test func duplicateKeysKeepTheFirstPositionAndTheLastValue() throws {
        let node = try #require(try YAMLTestSupport.node("a: 1\nb: 2\na: 3\n"))
        let entries = try #require(node.mappingEntries)
        #expect(entries.map(\.key.value) == ["a", "b"])
        #expect(entries.map(\.value.value) == [3, 2])
        #expect(entries[0].key.location.line == 1)
        #expect(entries[0].value.location.line == 3)
    }

    @Test func keysEqualAsPythonDictKeysAreDuplicates() throws {
        let node = try #require(try YAMLTestSupport.node("1: int\n1.0: float\ntrue: bool\n"))
        let entries = try #require(node.mappingEntries)
        #expect(entries.count == 1)
        #expect(entries[0].key.value == 1)
        #expect(entries[0].value.value == "bool")
    }

    @Test func nonStringKeysKeepTheirKinds() throws {
        let entries = try #require(try YAMLTestSupport.node("3: a\n2.5: b\n~: c\nyes: d\n0x10: e\n")?.mappingEntries)
        #expect(entries.map(\.key.value) == [3, 2.5, nil, true, 16])
        // `yes` is True, which a Python dict treats as the key 1.
        var expected = DataMapping()
        expected[.int(1)] = "b"
        #expect(try YAMLTestSupport.load("1: a\nyes: b\n") == .mapping(expected))
    }

    @Test func mappingOrderIsDocumentOrder() throws {
        let entries = try #require(try YAMLTestSupport.node("z: 1\na: 2\nm: 3\n")?.mappingEntries)
        #expect(entries.compactMap(\.key.stringValue) == ["z", "a", "m"])
    }

    @Test func nodesRecordWhereTheyStart() throws {
        let text = """
            all:
              hosts:
                node1: {ip: 10.0.0.1, port: [22, 2222]}
            """
        let root = try #require(try YAMLTestSupport.node(text, file: "hosts.yaml"))
        #expect(root.location == SourceLocation(file: "hosts.yaml", line: 1, column: 1))
        let hosts = try #require(root["all"]?["hosts"])
        #expect(hosts.location == SourceLocation(file: "hosts.yaml", line: 3, column: 5))
        let node1 = try #require(hosts["node1"])
        #expect(node1.location == SourceLocation(file: "hosts.yaml", line: 3, column: 12))
        let key = try #require(hosts.mappingEntries?.first?.key)
        #expect(key.location == SourceLocation(file: "hosts.yaml", line: 3, column: 5))
        #expect(node1["ip"]?.location == SourceLocation(file: "hosts.yaml", line: 3, column: 17))
        let ports = try #require(node1["port"]?.sequenceItems)
        #expect(ports.map(\.location.column) == [34, 38])
    }

    @Test func positionsOfTaggedAndAnchoredNodesStartAtTheProperties() throws {
        let root = try #require(try YAMLTestSupport.node("a: !!str &x 12\nb: *x\n"))
        #expect(root["a"]?.location.column == 4)
        #expect(root["b"]?.location == root["a"]?.location)
    }

    @Test func emptyValuePositionIsAfterTheColon() throws {
        let root = try #require(try YAMLTestSupport.node("key:\nother: 1\n"))
        #expect(root["key"]?.location == SourceLocation(file: "t.yml", line: 1, column: 5))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try #require(try YAMLTestSupport.node("é: [ü, x]\n"))
        #expect(root["é"]?.sequenceItems?.map(\.location.column) == [5, 8])
    }

    @Test func accessorsDescribeNodes() throws {
        let root = try #require(try YAMLTestSupport.node("s: x\nl: [1]\nm: {}\nn: ~\ni: 3\nu: !unsafe y\n"))
        #expect(root.kindName == "mapping")
        #expect(root["l"]?.kindName == "list")
        #expect(root["s"]?.kindName == "string")
        #expect(root["i"]?.kindName == "integer")
        #expect(root["u"]?.kindName == "string")
        #expect(root["n"]?.isNull == true)
        #expect(root["u"]?.stringValue == "y")
        #expect(root["missing"] == nil)
        #expect(root["s"]?["x"] == nil)
    }
}

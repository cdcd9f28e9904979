import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Anchors, aliases and `<<` merge keys, applied the way PyYAML's `flatten_mapping` does.
@Suite struct YAMLAnchorMergeTests {
    private func keys(_ node: YAMLNode?) -> [String] {
        node?.mappingEntries?.compactMap(\.key.stringValue) ?? []
    }

    @Test func aliasesRepeatTheAnchoredValue() throws {
        let text = "base: &base {a: 1, b: [x, y]}\ncopy: *base\nlist: [&s scalar, *s]\nkey: {*s : v}\n"
        #expect(
            try YAMLTestSupport.load(text) == [
                "base": ["a": 1, "b": ["x", "y"]], "copy": ["a": 1, "b": ["x", "y"]],
                "list": ["scalar", "scalar"], "key": ["scalar": "v"],
            ])
    }

    @Test func anAliasCarriesTheLocationOfItsAnchor() throws {
        let root = try #require(try YAMLTestSupport.node("a: &x [1]\nb: *x\n"))
        #expect(root["b"]?.location == SourceLocation(file: "t.yml", line: 1, column: 4))
    }

    @Test func anchorOnAnEmptyValueIsNull() throws {
        #expect(try YAMLTestSupport.load("a: &e\nb: *e\n") == ["a": nil, "b": nil])
    }

    @Test func undefinedAliasIsAnErrorNamingIt() throws {
        let error = try #require(YAMLTestSupport.error("a: 1\nb: *nope\n"))
        #expect(error.message.contains("undefined alias '*nope'"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 2, column: 4))
    }

    @Test func duplicateAnchorIsAnError() throws {
        let error = try #require(YAMLTestSupport.error("a: &x 1\nb: &x 2\n"))
        #expect(error.message.contains("duplicate anchor '&x'"))
        #expect(error.message.contains("line 1, column 4"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 2, column: 4))
    }

    @Test func mergedKeysComeFirstAndExplicitKeysOverrideThem() throws {
        let text = "base: &base\n  a: 1\n  b: 2\nderived:\n  c: 4\n  <<: *base\n  b: 3\n"
        let derived = try #require(try YAMLTestSupport.node(text)?["derived"])
        #expect(keys(derived) == ["a", "b", "c"])
        #expect(derived.value == ["a": 1, "b": 3, "c": 4])
    }

    @Test func inAMergeListEarlierMappingsWinButLaterOnesComeFirst() throws {
        let text = "one: &one {x: 1, y: 1}\ntwo: &two {x: 2, z: 2}\nthree: {<<: [*one, *two], w: 3}\n"
        let three = try #require(try YAMLTestSupport.node(text)?["three"])
        #expect(keys(three) == ["x", "z", "y", "w"])
        #expect(three.value == ["x": 1, "y": 1, "z": 2, "w": 3])
    }

    @Test func withRepeatedMergeKeysTheLaterOneWins() throws {
        let text = "one: &one {x: 1, y: 1}\ntwo: &two {x: 2, z: 2}\nr: {<<: *one, <<: *two}\n"
        let repeated = try #require(try YAMLTestSupport.node(text)?["r"])
        #expect(keys(repeated) == ["x", "y", "z"])
        #expect(repeated.value == ["x": 2, "y": 1, "z": 2])
    }

    @Test func mergesNest() throws {
        let text = "a: &a {p: 1}\nb: &b {<<: *a, q: 2}\nc: {<<: *b, r: 3}\n"
        #expect(try YAMLTestSupport.value("c", in: text) == ["p": 1, "q": 2, "r": 3])
    }

    @Test func mergeAcceptsAnyMappingNodeIncludingInlineOnes() throws {
        #expect(try YAMLTestSupport.load("<<: {a: 1}\nb: 2\n") == ["a": 1, "b": 2])
        #expect(try YAMLTestSupport.load("<<: [{a: 1}, {a: 2, b: 2}]\n") == ["a": 1, "b": 2])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        #expect(try YAMLTestSupport.load("\"<<\": {a: 1}\n") == ["<<": ["a": 1]])
    }

    @Test func mergeValueMustBeAMappingOrListOfMappings() throws {
        let scalar = try #require(YAMLTestSupport.error("a: {<<: 1}\n"))
        #expect(scalar.message.contains("must be a mapping or a list of mappings"))
        #expect(scalar.location == SourceLocation(file: "t.yml", line: 1, column: 9))
        let item = try #require(YAMLTestSupport.error("a: &a {x: 1}\nb: {<<: [*a, 2]}\n"))
        #expect(item.message.contains("must be a mapping, but found a scalar"))
        #expect(item.location == SourceLocation(file: "t.yml", line: 2, column: 14))
        #expect(YAMLTestSupport.error("a: {<<: }\n") != nil)
    }

    @Test func aliasInsideItsOwnAnchorIsRefused() throws {
        let list = try #require(YAMLTestSupport.error("&a [*a]\n"))
        #expect(list.message.contains("contains itself"))
        #expect(YAMLTestSupport.error("&a {k: *a}\n") != nil)
        #expect(YAMLTestSupport.error("&a {<<: *a}\n") != nil)
        #expect(YAMLTestSupport.error("&a !unsafe [*a]\n") != nil)
    }

    @Test func unsafeScalarsSharedByAliasesFollowPythonsConstructionOrder() throws {
        // PyYAML builds the list under `a` after `b`'s deep !unsafe construction, so `foo` is first built
        // (and cached) as unsafe, for both places.
        let late = try YAMLTestSupport.load("a: [&x foo]\nb: !unsafe [*x]\n")
        #expect(late == ["a": [["__ansible_unsafe": "foo"]], "b": [["__ansible_unsafe": "foo"]]])
        let early = try YAMLTestSupport.load("a: &x foo\nb: !unsafe [*x]\n")
        #expect(early == ["a": "foo", "b": ["foo"]])
    }

    @Test func constructionErrorsAreReportedInPythonsOrder() throws {
        // The scalar under `b` is built before the list under `a` is filled.
        let error = try #require(YAMLTestSupport.error("a: [!!int x]\nb: !!int y\n"))
        #expect(error.location.line == 2)
    }

    @Test func billionLaughsIsRefusedInsteadOfExhaustingMemory() throws {
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(aliases)]\n"
        }
        let error = try #require(YAMLTestSupport.error(text))
        #expect(error.message.contains("expands to more than"))
    }

    @Test func sharedSubtreesStayCheapWhenSmall() throws {
        var text = "l0: &l0 [x, x]\n"
        for level in 1...12 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let root = try #require(try YAMLTestSupport.node(text))
        #expect(root.mappingEntries?.count == 13)
    }
}

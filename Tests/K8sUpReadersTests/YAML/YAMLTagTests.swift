import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Explicit tags: YAML's core tags, PyYAML's extra ones, Ansible's `!unsafe` and `!vault`, `%TAG`.
@Suite struct YAMLTagTests {
    private func value(_ text: String) throws -> DataValue? { try YAMLTestSupport.value("v", in: text) }

    private func node(_ text: String) throws -> YAMLNode {
        try #require(try YAMLTestSupport.node(text)?["v"])
    }

    @Test func coreScalarTagsConvertTheText() throws {
        #expect(try value("v: !!str 123\n") == "123")
        #expect(try value("v: !!int \"0x1F\"\n") == 31)
        #expect(try value("v: !!int ' 12 '\n") == 12)
        #expect(try value("v: !!int '0o17'\n") == 15)
        #expect(try value("v: !!float 1\n") == 1.0)
        #expect(try value("v: !!float '1e3'\n") == 1000.0)
        #expect(try value("v: !!bool YES\n") == true)
        #expect(try value("v: !!null whatever\n") == .null)
        #expect(try value("v: !!str\n") == "")
        #expect(try value("v: !!null\n") == .null)
        #expect(try value("v: !!python/unicode 12\n") == "12")
        #expect(try value("v: !!int {=: 5}\n") == 5)
    }

    /// Python 3.11's `int()` and `float()` read other scripts' digits and skip Unicode whitespace, but know
    /// no digits newer than Unicode 14 and do not skip U+001C to U+001F (checked with PyYAML 6).
    @Test func numericTagsReadTextAsPythonsIntAndFloatDo() throws {
        #expect(try value("v: !!float \"\\u0661.5\"\n") == 1.5)
        #expect(try value("v: !!float \"\\u3000-1.5\\x85\"\n") == -1.5)
        #expect(try value("v: !!int \"\\u0661\\u0662\"\n") == 12)
        let refused = [
            "!!float \"\\x1c1.5\"", "!!float \"\\U0001E4F1.5\"", "!!int \"\\x1c12\"", "!!int \"\\U0001E4F1\"",
        ]
        for text in refused {
            #expect(YAMLTestSupport.error("v: \(text)\n") != nil, "\(text)")
        }
    }

    @Test func collectionTagsMustMatchTheNode() throws {
        #expect(try value("v: !!seq [a]\n") == ["a"])
        #expect(try value("v: !!map {a: 1}\n") == ["a": 1])
        #expect(try value("v: !!python/dict {a: 1}\n") == ["a": 1])
        let seq = try #require(YAMLTestSupport.error("v: !!seq {a: 1}\n"))
        #expect(seq.message.contains("expected a sequence"))
        #expect(seq.location == SourceLocation(file: "t.yml", line: 1, column: 4))
        let map = try #require(YAMLTestSupport.error("v: !!map [a]\n"))
        #expect(map.message.contains("expected a mapping"))
        let str = try #require(YAMLTestSupport.error("v: !!str [x]\n"))
        #expect(str.message.contains("expected a scalar"))
    }

    @Test func nonSpecificTagResolvesEvenQuotedScalars() throws {
        #expect(try value("v: ! 12\n") == 12)
        #expect(try value("v: ! '12'\n") == 12)
        #expect(try value("v: ! [a]\n") == ["a"])
        #expect(try value("v: !\n") == "")
    }

    @Test func invalidExplicitScalarsAreErrors() throws {
        for text in ["v: !!int 1.5", "v: !!int", "v: !!bool maybe", "v: !!float abc", "v: !!timestamp 'x'"] {
            let error = try #require(YAMLTestSupport.error(text + "\n"), "\(text)")
            #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 4), "\(text)")
        }
    }

    @Test func explicitTimestampAllowsShortDates() throws {
        #expect(try value("v: !!timestamp 2001-1-1\n") == "2001-01-01")
        #expect(try value("v: !!timestamp 2001-01-01T10:00:00Z\n") == "2001-01-01T10:00:00+00:00")
    }

    @Test func setsBecomeListsOfTheirMembersInOrder() throws {
        #expect(try value("v: !!set {b, a, b}\n") == ["b", "a"])
        #expect(try value("v: !!set\n  ? x\n  ? y\n") == ["x", "y"])
        #expect(YAMLTestSupport.error("v: !!set [a]\n") != nil)
    }

    @Test func orderedMapsAndPairsBecomeListsOfPairs() throws {
        #expect(try value("v: !!omap [a: 1, b: 2]\n") == [["a", 1], ["b", 2]])
        #expect(try value("v: !!pairs [a: 1, a: 2]\n") == [["a", 1], ["a", 2]])
        #expect(try value("v: !!omap [a: 1, [b]: 2]\n") == [["a", 1], [["b"], 2]])
        let notSequence = try #require(YAMLTestSupport.error("v: !!omap {a: 1}\n"))
        #expect(notSequence.message.contains("must be a sequence"))
        let twoItems = try #require(YAMLTestSupport.error("v: !!pairs [{a: 1, b: 2}]\n"))
        #expect(twoItems.message.contains("found 2 items"))
        #expect(twoItems.location.column == 13)
    }

    @Test func binaryIsDecodedLikePythonBase64() throws {
        #expect(try value("v: !!binary aGVsbG8gd29ybGQ=\n") == "hello world")
        #expect(try value("v: !!binary |\n  aGVs\n  bG8=\n") == "hello")
        #expect(try value("v: !!binary \"aGk=!!garbage\"\n") == "hi")
        #expect(try #require(YAMLTestSupport.error("v: !!binary \"aGk\"\n")).message.contains("incorrect padding"))
        #expect(try #require(YAMLTestSupport.error("v: !!binary \"a\"\n")).message.contains("1 more than a multiple"))
        #expect(try #require(YAMLTestSupport.error("v: !!binary é\n")).message.contains("ASCII"))
    }

    @Test func unsafeStringsPrintAsAnsibleUnsafeMappings() throws {
        let unsafe = try node("v: !unsafe '{{ lookup(\"pipe\", \"id\") }}'\n")
        #expect(unsafe.content == .unsafeString("{{ lookup(\"pipe\", \"id\") }}"))
        #expect(unsafe.value == ["__ansible_unsafe": "{{ lookup(\"pipe\", \"id\") }}"])
        #expect(unsafe.plainValue == "{{ lookup(\"pipe\", \"id\") }}")
    }

    @Test func unsafeReResolvesTheNodeAndMarksEveryStringInside() throws {
        #expect(try value("v: !unsafe 12\n") == 12)
        #expect(try value("v: !unsafe '12'\n") == 12)
        #expect(try value("v: !unsafe \"yes\"\n") == true)
        #expect(try value("v: !unsafe\n") == .null)
        #expect(try value("v: !unsafe 2001-01-01\n") == "2001-01-01")
        #expect(try value("v: !unsafe {a: [b, 1.5, ~]}\n") == ["a": [["__ansible_unsafe": "b"], 1.5, nil]])
        #expect(try value("v: !unsafe |\n  x\n") == ["__ansible_unsafe": "x\n"])
    }

    @Test func unsafeKeysPrintAsPlainKeys() throws {
        #expect(try YAMLTestSupport.load("!unsafe key: value\n") == ["key": "value"])
        let root = try #require(try YAMLTestSupport.node("!unsafe key: value\n"))
        #expect(root.mappingEntries?.first?.key.content == .unsafeString("key"))
        #expect(root["key"]?.value == "value")
    }

    @Test func vaultedStringsPrintAsAnsibleVaultMappings() throws {
        let text = "v: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\n"
        let vaulted = try node(text)
        #expect(vaulted.content == .vaultString("$ANSIBLE_VAULT;1.1;AES256\n6162\n"))
        #expect(vaulted.value == ["__ansible_vault": "$ANSIBLE_VAULT;1.1;AES256\n6162\n"])
        #expect(try value("v: !vault-encrypted x\n") == ["__ansible_vault": "x"])
    }

    @Test(arguments: ["v: !vault 12", "v: !vault ''", "v: !vault", "v: !vault [a]", "v: !vault yes"])
    func vaultNeedsAString(text: String) throws {
        let error = try #require(YAMLTestSupport.error(text + "\n"))
        #expect(error.message.contains("'!vault' tag requires a string"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 4))
    }

    @Test func unknownTagsAreErrorsNamingTheTag() throws {
        let local = try #require(YAMLTestSupport.error("a: 1\nv: !foo bar\n"))
        #expect(local.message.contains("could not determine a constructor for the tag '!foo'"))
        #expect(local.location == SourceLocation(file: "t.yml", line: 2, column: 4))
        let core = try #require(YAMLTestSupport.error("v: !!foo bar\n"))
        #expect(core.message.contains("'tag:yaml.org,2002:foo'"))
        let escaped = try #require(YAMLTestSupport.error("v: !%41b x\n"))
        #expect(escaped.message.contains("'!Ab'"))
    }

    @Test func verbatimTagsAndTagDirectives() throws {
        #expect(try value("v: !<tag:yaml.org,2002:int> \"42\"\n") == 42)
        #expect(try value("%TAG !e! tag:yaml.org,2002:\n---\nv: !e!int \"7\"\n") == 7)
        #expect(try value("%TAG ! tag:yaml.org,2002:\n---\nv: !int \"7\"\n") == 7)
        let undefined = try #require(YAMLTestSupport.error("v: !e!int 7\n"))
        #expect(undefined.message.contains("undefined tag handle '!e!'"))
        #expect(undefined.location == SourceLocation(file: "t.yml", line: 1, column: 4))
    }

    @Test func tagsMustBeFollowedBySpace() throws {
        let error = try #require(YAMLTestSupport.error("v: !!str,x\n"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 9))
        #expect(try YAMLTestSupport.load("[!!str, x]") == ["", "x"])
    }
}

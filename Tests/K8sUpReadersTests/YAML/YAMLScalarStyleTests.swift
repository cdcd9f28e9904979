import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Plain, quoted and block scalars: folding, escapes, chomping, indentation, comments.
@Suite struct YAMLScalarStyleTests {
    private func value(_ text: String) throws -> DataValue? { try YAMLTestSupport.value("a", in: text) }

    @Test func plainScalarsFoldLineBreaks() throws {
        #expect(try value("a: first\n  second\n\n  third\n\n\n  fourth\n") == "first second\nthird\n\nfourth")
    }

    @Test func plainScalarsDropTrailingSpaces() throws {
        #expect(try value("a: value   \nb: 1\n") == "value")
        #expect(try value("a: two  spaces\n") == "two  spaces")
    }

    @Test func hashWithoutPrecedingSpaceIsPartOfAPlainScalar() throws {
        #expect(
            try YAMLTestSupport.load("a: text#not\nb: text #comment\nc: [x#y, z] # c\n")
                == ["a": "text#not", "b": "text", "c": ["x#y", "z"]])
    }

    @Test func commentsAreAllowedWhereverWhitespaceIs() throws {
        let text = """
            # leading
            a: 1 # trailing
            # between
            b: [1, # inside flow
              2]
            c: |
              # content, not a comment
            # final
            """
        #expect(try YAMLTestSupport.load(text) == ["a": 1, "b": [1, 2], "c": "# content, not a comment\n"])
    }

    @Test func singleQuotedScalarsEscapeQuotesByDoublingAndFold() throws {
        #expect(try value("a: 'it''s'\n") == "it's")
        #expect(try value("a: 'first\n  second\n\n  third'\n") == "first second\nthird")
        #expect(try value("a: '  spaces  '\n") == "  spaces  ")
        #expect(try value("a: 'a\\nb'\n") == "a\\nb")
        #expect(try value("a: '# not a comment'\n") == "# not a comment")
    }

    @Test(arguments: [
        ("\\0", "\u{0}"), ("\\a", "\u{7}"), ("\\b", "\u{8}"), ("\\t", "\t"), ("\\\t", "\t"), ("\\n", "\n"),
        ("\\v", "\u{B}"), ("\\f", "\u{C}"), ("\\r", "\r"), ("\\e", "\u{1B}"), ("\\ ", " "), ("\\\"", "\""),
        ("\\/", "/"), ("\\\\", "\\"), ("\\N", "\u{85}"), ("\\_", "\u{A0}"), ("\\L", "\u{2028}"), ("\\P", "\u{2029}"),
        ("\\x41", "A"), ("\\xe9", "é"), ("\\u263A", "☺"), ("\\U0001F600", "😀"),
    ])
    func doubleQuotedEscapes(escape: String, expected: String) throws {
        #expect(try value("a: \"<\(escape)>\"\n") == .string("<\(expected)>"))
    }

    @Test func doubleQuotedScalarsFoldAndJoinEscapedLineBreaks() throws {
        #expect(try value("a: \"fold\n  me\n\n  please\"\n") == "fold me\nplease")
        #expect(try value("a: \"line\\\n   continued\"\n") == "linecontinued")
        #expect(try value("a: \"x \\\n\n  y\"\n") == "x \ny")
        #expect(try value("a: \"trailing   \n  next\"\n") == "trailing next")
    }

    @Test func unknownEscapeIsAnErrorAtTheBackslash() throws {
        let error = try #require(YAMLTestSupport.error("a: \"x\\qy\"\n"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 6))
        #expect(error.message.contains("unknown escape sequence '\\q'"))
    }

    @Test(arguments: ["\\x4", "\\u12G4", "\\U0000004"])
    func shortHexEscapesAreErrors(escape: String) throws {
        let error = try #require(YAMLTestSupport.error("a: \"\(escape)\"\n"))
        #expect(error.message.contains("hexadecimal digits"))
    }

    @Test(arguments: ["\\ud800", "\\uDFFF", "\\U00110000"])
    func invalidCodePointEscapesAreErrors(escape: String) throws {
        let error = try #require(YAMLTestSupport.error("a: \"\(escape)\"\n"))
        #expect(error.message.contains("not a valid Unicode character"))
    }

    @Test func literalBlockScalarsKeepLineBreaks() throws {
        #expect(try value("a: |\n  line 1\n  line 2\n\n  line 4\n") == "line 1\nline 2\n\nline 4\n")
    }

    @Test func chompingIndicators() throws {
        #expect(try value("a: |-\n  s\n\n\nb: 1\n") == "s")
        #expect(try value("a: |+\n  k\n\n\nb: 1\n") == "k\n\n\n")
        #expect(try value("a: |\n  c\n\n\nb: 1\n") == "c\n")
        #expect(try value("a: >-\n  s\n  t\n") == "s t")
        #expect(try value("a: >+\n  k\n\n") == "k\n\n")
    }

    @Test func foldedBlockScalarsKeepMoreIndentedLines() throws {
        let text = "a: >\n  folded\n  text\n\n  new para\n    more indented\n    lines\n  back\n"
        #expect(try value(text) == "folded text\nnew para\n  more indented\n  lines\nback\n")
        #expect(try value("a: >\n\n  leading blank\n") == "\nleading blank\n")
    }

    @Test func explicitIndentationIndicators() throws {
        #expect(try value("a: |2\n   one extra space\n  normal\n") == " one extra space\nnormal\n")
        #expect(try value("a: >1-\n  two leading\n") == " two leading")
        #expect(try YAMLTestSupport.load("- |1\n  x\n") == [" x\n"])
        #expect(try value("a: |2-\n    x\n") == "  x")
    }

    @Test func emptyBlockScalars() throws {
        #expect(try value("a: |\n\n\n") == "")
        #expect(try value("a: >+\n") == "")
        #expect(try value("a: |\nb: 1\n") == "")
    }

    @Test func lessIndentedCommentEndsABlockScalar() throws {
        #expect(try YAMLTestSupport.load("a: |\n  x\n # comment\nb: 1\n") == ["a": "x\n", "b": 1])
    }

    @Test func blockScalarErrors() throws {
        let zero = try #require(YAMLTestSupport.error("a: |0\n  x\n"))
        #expect(zero.message.contains("1 to 9"))
        let junk = try #require(YAMLTestSupport.error("a: | x\n"))
        #expect(junk.location == SourceLocation(file: "t.yml", line: 1, column: 6))
        let tab = try #require(YAMLTestSupport.error("a: >\n  one\n\ttab\n"))
        #expect(tab.location == SourceLocation(file: "t.yml", line: 3, column: 1))
        #expect(tab.message.contains("tab"))
    }
}

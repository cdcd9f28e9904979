import K8sUpTestSupport
import Testing

@testable import K8sUpSupport
@testable import PythonParity

@Suite struct ShellWordsTests {
    /// What `shlex.split` returns or raises.
    enum Outcome: Sendable {
        case words([String])
        case unclosedQuote
        case danglingBackslash
    }

    /// Generated with Python 3.11's `shlex.split(line, comments=True)`.
    static let cases: [(String, Outcome)] = [
        ("host1", .words(["host1"])),
        ("host1 a=1 b=2", .words(["host1", "a=1", "b=2"])),
        ("  host1   a=1  ", .words(["host1", "a=1"])),
        ("h a=\"1 2\"", .words(["h", "a=1 2"])),
        ("h a='1 2'", .words(["h", "a=1 2"])),
        ("h a=\"x\"y'z'", .words(["h", "a=xyz"])),
        ("h a=\"\"", .words(["h", "a="])),
        ("h ''", .words(["h", ""])),
        ("h \"\"", .words(["h", ""])),
        ("h a=b#comment", .words(["h", "a=b"])),
        ("h #comment", .words(["h"])),
        ("#all comment", .words([])),
        ("h a=\"#notcomment\"", .words(["h", "a=#notcomment"])),
        ("h a='#x'", .words(["h", "a=#x"])),
        ("h a=\\#x", .words(["h", "a=#x"])),
        ("h a=\\ b", .words(["h", "a= b"])),
        ("h a\\=b", .words(["h", "a=b"])),
        ("h a=\"\\\"q\\\"\"", .words(["h", "a=\"q\""])),
        ("h a=\"\\\\\"", .words(["h", "a=\\"])),
        ("h a=\"\\x\"", .words(["h", "a=\\x"])),
        ("h a='\\x'", .words(["h", "a=\\x"])),
        ("h a=\\x", .words(["h", "a=x"])),
        ("h a='it''s'", .words(["h", "a=its"])),
        ("h a=\"unterminated", .unclosedQuote),
        ("h a='unterminated", .unclosedQuote),
        ("h a=\\", .danglingBackslash),
        ("h a=\"\\", .danglingBackslash),
        ("h a=\"tab\there\"", .words(["h", "a=tab\there"])),
        ("h\ta=1", .words(["h", "a=1"])),
        ("h a=1\u{B}b=2", .words(["h", "a=1\u{B}b=2"])),
        ("h a=\u{E9}\"\u{FC} \u{F6}\"", .words(["h", "a=\u{E9}\u{FC} \u{F6}"])),
        ("h a=\\\"", .words(["h", "a=\""])),
        ("h a=\"'\"", .words(["h", "a='"])),
        ("h a='\"'", .words(["h", "a=\""])),
        ("h a=\"$HOME\" b=`x`", .words(["h", "a=$HOME", "b=`x`"])),
        ("\"quoted host\" x=1", .words(["quoted host", "x=1"])),
        ("h a=b=c", .words(["h", "a=b=c"])),
        ("h a=\"b\\\nc\"", .words(["h", "a=b\\\nc"])),
        ("h a=x#y#z", .words(["h", "a=x"])),
        ("h a=\"x\"#y", .words(["h", "a=x"])),
        ("h a= b", .words(["h", "a=", "b"])),
    ]

    @Test(arguments: cases)
    func splitsLikePythonShlexWithComments(line: String, expected: Outcome) {
        let result = Result { () throws(ShellWords.Failure) in try ShellWords.split(line.unicodeScalars) }
        switch (expected, result) {
        case (.words(let words), .success(let actual)):
            #expect(actual.map(\.text) == words)
        case (.unclosedQuote, .failure(.unclosedQuote)), (.danglingBackslash, .failure(.danglingBackslash)):
            break
        default:
            Issue.record("\(line.debugDescription): expected \(expected), got \(result)")
        }
    }

    @Test func wordsRememberWhereTheyStart() throws {
        let words = try ShellWords.split("  h1 a='x y'  \"b\"=1".unicodeScalars)
        #expect(
            words == [.init(text: "h1", offset: 2), .init(text: "a=x y", offset: 5), .init(text: "b=1", offset: 14)])
    }

    @Test func failuresPointAtTheOpenQuoteOrTheBackslash() {
        #expect(throws: ShellWords.Failure.unclosedQuote(offset: 8)) {
            try ShellWords.split("h a=\"ok\"'open".unicodeScalars)
        }
        #expect(throws: ShellWords.Failure.danglingBackslash(offset: 5)) {
            try ShellWords.split(#"h a="\"#.unicodeScalars)
        }
    }

    @Test func onlySpaceTabCarriageReturnAndLineFeedSeparateWords() throws {
        let words = try ShellWords.split("a\u{A0}b\u{2003}c d\u{0C}e".unicodeScalars)
        #expect(words.map(\.text) == ["a\u{A0}b\u{2003}c", "d\u{0C}e"])
    }
}

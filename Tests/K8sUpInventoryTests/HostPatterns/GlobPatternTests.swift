import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Wildcards must mean what Python's `fnmatch.translate` makes them mean; every expectation in the table
/// was computed with `re.match(fnmatch.translate(pattern), name)` under Python 3.11.7.
@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("node*", "node01", true),
        ("node*", "xnode01", false),
        ("*01", "node01", true),
        ("node0?", "node01", true),
        ("node0?", "node012", false),
        ("node0[12]", "node02", true),
        ("node0[!12]", "node03", true),
        ("node0[!12]", "node01", false),
        ("[a-c]x", "bx", true),
        ("[a-c]x", "dx", false),
        ("[z-a]x", "zx", false),
        ("[z-a]x", "ax", false),
        ("[!z-a]x", "qx", true),
        ("[]]", "]", true),
        ("[!]]", "a", true),
        ("[!]]", "]", false),
        ("[", "[", true),
        ("a[b", "a[b", true),
        ("[a-]", "-", true),
        ("[a-]", "a", true),
        ("[-a]", "-", true),
        ("[!-a]", "b", true),
        ("[!-a]", "-", false),
        ("[a--z]", "z", true),
        ("[a--z]", "a", false),
        ("[a--z]", "-", false),
        ("[c-b-a]", "-", true),
        ("[c-b-a]", "a", true),
        ("[c-b-a]", "b", false),
        ("[a-c-e]", "-", true),
        ("[a-c-e]", "d", false),
        ("[!b-a]", "q", true),
        ("*", "", true),
        ("", "", true),
        ("?", "", false),
        ("NODE*", "node1", false),
        ("a*b*c", "aXbYc", true),
        ("a*b*c", "aXbYcZ", false),
        ("*.example.com", "bastion.example.com", true),
        ("*.example.com", "bastionXexample.com", false),
        ("\\", "\\", true),
        ("[\\]", "\\", true),
        ("a^b", "a^b", true),
        ("[^a]", "^", true),
        ("[^a]", "b", false),
        ("\u{E9}*", "\u{E9}1", true),
        ("?", "\u{E9}", true),
        ("?", "e\u{301}", false),
        ("[&&]", "&", true),
        ("x|y", "x|y", true),
        ("(a)", "(a)", true),
        ("a+", "aa", false),
        ("a.c", "abc", false),
        ("*[0-9]", "node7", true),
        ("**a", "ba", true),
        ("*a*", "bab", true),
        ("?*?", "a", false),
        ("?\n", "a\n", true),
        ("*", "line\nbreak", true),
        ("[[]", "[", true),
        ("[a-z]", "A", false),
    ])
    func matchesLikePythonFnmatchTranslate(pattern: String, name: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(name) == expected)
    }

    @Test func matchesTheWholeNameNotAPrefix() {
        #expect(GlobPattern("node0").matches("node0"))
        #expect(!GlobPattern("node0").matches("node01"))
        #expect(!GlobPattern("ode01").matches("node01"))
    }

    @Test func backtracksAcrossSeveralStars() {
        #expect(GlobPattern("*a*a*a").matches("xaxaaya"))
        #expect(!GlobPattern("*a*a*a*b").matches("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
    }
}

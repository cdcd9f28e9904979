import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// `_match_list`: `~regex` is Python's `re.match` (anchored at the start only); anything else is fnmatch.
@Suite struct HostNameMatcherTests {
    @Test func anchorsARegexAtTheStartOnly() throws {
        let matcher = try #require(HostNameMatcher("~cp"))
        #expect(matcher.matches("cp1"))
        #expect(!matcher.matches("xcp1"))
    }

    @Test func honoursAnExplicitEndAnchorInARegex() throws {
        let matcher = try #require(HostNameMatcher("~cp[12]$"))
        #expect(matcher.matches("cp2"))
        #expect(!matcher.matches("cp21"))
    }

    @Test func matchesRegexesCaseSensitively() throws {
        #expect(!(try #require(HostNameMatcher("~CP"))).matches("cp1"))
    }

    @Test func matchesRegexesOverNonAsciiNames() throws {
        #expect(try #require(HostNameMatcher("~nœud-0[12]$")).matches("nœud-02"))
    }

    /// Python's empty regex matches everything; ICU refuses an empty pattern, so this is handled apart.
    @Test func treatsALoneTildeAsMatchingEveryName() throws {
        let matcher = try #require(HostNameMatcher("~"))
        #expect(matcher.matches("anything"))
        #expect(matcher.matches(""))
    }

    @Test(arguments: ["~node[", "~(cp", "~*cp", "~(?P<n>cp)1"])
    func rejectsARegexThatDoesNotCompile(word: String) {
        #expect(HostNameMatcher(word) == nil)
    }

    @Test func matchesAnythingElseAsAWholeNameWildcard() throws {
        let matcher = try #require(HostNameMatcher("cp?"))
        #expect(matcher.matches("cp1"))
        #expect(!matcher.matches("cp12"))
    }
}

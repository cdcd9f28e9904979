import K8sUpTestSupport
import Testing

@testable import K8sUpInventory
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

@Suite struct INISourceLinesTests {
    /// Python's `str.splitlines()` results.
    @Test(
        arguments: [
            ("", []), ("a", ["a"]), ("a\n", ["a"]), ("a\n\n", ["a", ""]), ("\n", [""]), ("a\r\nb", ["a", "b"]),
            ("a\r\rb", ["a", "", "b"]), ("a\n\rb", ["a", "", "b"]),
            ("a\u{0B}b\u{0C}c\u{1C}d\u{1D}e\u{1E}f", ["a", "b", "c", "d", "e", "f"]),
            ("a\u{85}b\u{2028}c\u{2029}d", ["a", "b", "c", "d"]), ("a\u{1F}b", ["a\u{1F}b"]),
            ("a\u{A0}b", ["a\u{A0}b"]),
        ] as [(String, [String])])
    func splitsLikePythonSplitlines(text: String, expected: [String]) {
        let lines = INISourceLines(text).lines
        #expect(lines.map { String(String.UnicodeScalarView($0.scalars)) } == expected)
        #expect(lines.map(\.number) == Array(1...max(expected.count, 1)).prefix(expected.count).map { $0 })
    }

    @Test func bytesAndTextGiveTheSameLines() {
        let text = "[g]\r\nh\u{E9}1\u{2028}h2\n"
        #expect(INISourceLines(Array(text.utf8)).lines.map(\.scalars) == INISourceLines(text).lines.map(\.scalars))
    }

    @Test func invalidBytesAreMarkedWhereTheyStartWithoutMovingLineBreaks() {
        let lines = INISourceLines([0x61, 0xE2, 0x80, 0x0A, 0x62, 0xFF, 0xC3, 0xA9, 0xFF, 0x0A, 0x63]).lines
        #expect(lines.count == 3)
        #expect(lines.map(\.firstInvalidOffset) == [1, 1, nil])
        #expect(lines[1].scalars == ["b", "\u{FFFD}", "\u{E9}", "\u{FFFD}"])
    }

    @Test func aByteOrderMarkIsKept() {
        #expect(INISourceLines([0xEF, 0xBB, 0xBF, 0x61]).lines.first?.scalars == ["\u{FEFF}", "a"])
    }
}

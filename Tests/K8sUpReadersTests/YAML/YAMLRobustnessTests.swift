import K8sUpTestSupport
import Testing

@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import PythonParity

/// Hostile input: the readers must never crash or hang, whatever they are given.
@Suite struct YAMLRobustnessTests {
    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = YAMLParser.maximumDepth
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try YAMLReader.parse(flow, file: "t") != nil)
        var block = ""
        for level in 0..<depth { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(try YAMLReader.parse(block, file: "t") != nil)
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() throws {
        let depth = YAMLParser.maximumDepth + 1
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(YAMLTestSupport.error(flow))
        #expect(error.message.contains("nested more than 512 levels"))
        #expect(error.location == SourceLocation(file: "t.yml", line: 1, column: 513))
        #expect(YAMLTestSupport.error(String(repeating: "[", count: 100_000)) != nil)
        #expect(YAMLTestSupport.error(String(repeating: "{a: ", count: 100_000)) != nil)
        #expect(YAMLTestSupport.error(String(repeating: "- ", count: 100_000) + "x") != nil)
    }

    @Test func chainsOfAliasesCannotNestWithoutBound() throws {
        // Each anchor sits in a list that PyYAML (and so the reader) builds late; the deep construction of
        // !unsafe then has to descend through all of them at once.
        var text = ""
        for index in 0..<8 {
            let inner = index == 0 ? "x" : "*a\(index - 1)"
            let opening = String(repeating: "[", count: 400)
            let closing = String(repeating: "]", count: 400)
            text += "k\(index): [&a\(index) \(opening)\(inner)\(closing)]\n"
        }
        let error = try #require(YAMLTestSupport.error(text + "z: !unsafe [*a7]\n"))
        #expect(error.message.contains("nested too deeply"))
        // Without !unsafe the anchors are built one by one, but the tree they expand to is still too deep.
        let stacked = try #require(YAMLTestSupport.error(text))
        #expect(stacked.message.contains("more than 1000 levels through aliases"))
        #expect(try YAMLTestSupport.node("k0: &a0 [[[x]]]\nk1: [[*a0]]\n")?["k1"]?.value == [[[[["x"]]]]])
    }

    @Test func unterminatedConstructsAtEndOfInput() {
        for text in [
            "a: \"", "a: '", "a: [", "a: {", "a: |", "a: >-", "? ", "- ", "&", "*", "!", "!<", "%", "%YAML",
            "%TAG !", "a: \"\\", "a: \"\\x", "a: \"\\u12", "--- &a", "a: !!binary", "a:\n  b:\n    c",
        ] {
            _ = YAMLTestSupport.error(text)
        }
    }

    @Test func randomInputNeverCrashes() {
        var generator = SeededGenerator(seed: 42)
        let pieces = [
            " ", "  ", "\t", "\n", "\r\n", "-", "- ", "?", "? ", ":", ": ", ",", "[", "]", "{", "}", "#", "&a", "*a",
            "!", "!!str", "|", ">", "'", "\"", "%", "@", "`", "~", "=", "<<", "---", "...", "\\", "x", "yes", "1.5",
            "0x1F", "é", "\u{85}", "\u{2028}", "\u{FEFF}", "1:30", "2001-01-01", "!unsafe ", "!vault ", "\\u", "\\x4",
        ]
        for _ in 0..<3_000 {
            let count = Int.random(in: 1...30, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            _ = YAMLTestSupport.error(text)
        }
    }

    @Test func largeDocumentsParse() throws {
        var text = "all:\n  hosts:\n"
        for index in 0..<3_000 {
            text += "    node\(index):\n      ansible_host: 10.0.\(index / 256).\(index % 256)\n      port: \(index)\n"
        }
        let root = try #require(try YAMLReader.parse(text, file: "big.yml"))
        #expect(root["all"]?["hosts"]?.mappingEntries?.count == 3_000)
        let longLine = "k: [" + Array(repeating: "value", count: 20_000).joined(separator: ", ") + "]\n"
        #expect(try YAMLReader.parse(longLine, file: "t")?["k"]?.sequenceItems?.count == 20_000)
        let longScalar = "k: " + String(repeating: "word ", count: 50_000) + "\n"
        #expect(try YAMLReader.parse(longScalar, file: "t")?["k"]?.stringValue?.count == 249_999)
    }

    /// A small deterministic random number generator (SplitMix64), so failures reproduce.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }
}

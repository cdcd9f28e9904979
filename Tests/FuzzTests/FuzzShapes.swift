import K8sUpTestSupport

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// Inputs built to find a reader's limits rather than derived from a file: deep nesting (recursion),
/// huge scalars and lines (time and memory), alias bombs (expansion). Each is a label and the text.
enum FuzzShapes {
    /// Nesting far deeper than any limit (the readers stop at 512 or 1,000 levels), so that a recursive
    /// reader without one overflows its stack: 100,000 levels in a long run, 10,000 in the fast subset.
    static var depth: Int { FuzzSettings.isLongRun ? 100_000 : 10_000 }

    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    /// Deep flow and block nesting, as YAML (and, where it is also JSON, as JSON).
    static var deepYAML: [(label: String, text: String)] {
        let blockLevels = 600  // indentation grows with depth: 600 levels is ~200 KB, deeper than any limit
        return [
            ("open brackets", repeated("[", depth)),
            ("open braces", repeated("{", depth)),
            ("balanced brackets", repeated("[", depth) + repeated("]", depth)),
            ("flow mappings", repeated("{a: ", depth) + "1" + repeated("}", depth)),
            ("one-line block sequences", repeated("- ", depth) + "x\n"),
            ("complex keys", repeated("? ", depth) + "x\n"),
            ("anchored brackets", (0..<depth).map { "&a\($0) [" }.joined()),
            ("tagged brackets", repeated("!!seq [", depth)),
            ("block sequences", (0..<blockLevels).map { repeated(" ", $0) + "-\n" }.joined() + "x\n"),
            ("block mappings", (0..<blockLevels).map { repeated(" ", $0) + "k:\n" }.joined()),
            ("flow in block", repeated("a: [", 2) + repeated("{b: ", depth)),
        ]
    }

    /// Deep nesting in JSON syntax.
    static var deepJSON: [(label: String, text: String)] {
        [
            ("json arrays", repeated("[", depth) + repeated("]", depth)),
            ("json objects", repeated("{\"a\":", depth) + "1" + repeated("}", depth)),
            ("json open arrays", repeated("[", depth)),
            ("json mixed", repeated("[{\"a\":", depth / 2)),
        ]
    }

    /// Huge scalars, lines and numbers of about `size` bytes, as YAML values under `key`.
    static func hugeYAML(size: Int, key: String = "a") -> [(label: String, text: String)] {
        let lines = size / 16
        return [
            ("huge plain scalar", "\(key): " + repeated("x", size) + "\n"),
            ("huge double-quoted scalar", "\(key): \"" + repeated("\\x41\\n", size / 6) + "\"\n"),
            ("huge single-quoted scalar", "\(key): '" + repeated("it''s ", size / 6) + "'\n"),
            ("huge folded scalar", "\(key): >-\n" + repeated("  folded words here\n", lines)),
            ("huge literal scalar", "\(key): |\n" + repeated("  line of text\n", lines)),
            ("huge key", repeated("k", size) + ": 1\n"),
            ("huge integer", "\(key): " + repeated("9", size) + "\n"),
            ("huge negative hex", "\(key): -0x" + repeated("F", size) + "\n"),
            ("huge float", "\(key): 0." + repeated("0", size) + "1e-5\n"),
            ("huge exponent", "\(key): 1e" + repeated("9", 10_000) + "\n"),
            ("huge sexagesimal", "\(key): " + repeated("59:", size / 3) + "1\n"),
            ("long flow line", "\(key): [" + repeated("1,", size / 2) + "1]\n"),
            ("many lines", repeated("\(key)\(0): 1\n", lines)),
            ("huge comment", "# " + repeated("c", size) + "\n\(key): 1\n"),
            ("huge anchor name", "\(key): &" + repeated("n", size) + " 1\n"),
            ("huge tag", "\(key): !" + repeated("t", size) + " 1\n"),
            ("huge base64", "\(key): !!binary " + repeated("QUJD", size / 4) + "\n"),
        ]
    }

    /// Huge strings and numbers in JSON syntax.
    static func hugeJSON(size: Int) -> [(label: String, text: String)] {
        [
            ("json huge string", "{\"a\": \"" + repeated("x", size) + "\"}"),
            ("json huge escapes", "{\"a\": \"" + repeated("\\u00e9", size / 6) + "\"}"),
            ("json huge integer", "{\"a\": " + repeated("7", size) + "}"),
            ("json huge fraction", "{\"a\": 0." + repeated("3", size) + "}"),
            ("json huge exponent", "{\"a\": 1e" + repeated("9", size) + "}"),
            ("json long array", "[" + repeated("0,", size / 2) + "0]"),
            ("json many keys", "{" + (0..<(size / 16)).map { "\"k\($0)\": 0" }.joined(separator: ",") + "}"),
        ]
    }

    /// Alias bombs: exponential expansion, long alias chains, merge chains.
    static var aliasBombs: [(label: String, text: String)] {
        let laughs = (1...9).map { level in
            let item = level == 1 ? "\"lol\"" : "*l\(level - 1)"
            return "l\(level): &l\(level) [" + Array(repeating: item, count: 10).joined(separator: ", ") + "]\n"
        }.joined()
        let length = FuzzSettings.isLongRun ? 5_000 : 1_200
        let fanWidth = FuzzSettings.isLongRun ? 30 : 10
        let chain = "c0: &c0 [x]\n" + (1..<length).map { "c\($0): &c\($0) [*c\($0 - 1)]\n" }.joined()
        let mappingChain = "m0: &m0 {k: 0}\n" + (1..<length).map { "m\($0): &m\($0) {k: *m\($0 - 1)}\n" }.joined()
        let merges =
            "m0: &m0 {k0: 0}\n"
            + (1..<(FuzzSettings.isLongRun ? 700 : 200)).map { "m\($0): &m\($0) {<<: *m\($0 - 1), k\($0): 0}\n" }
            .joined()
        let mergeFan =
            "m0: &m0 {k: 0}\n"
            + (1..<20).map { "m\($0): &m\($0) {<<: [" + repeated("*m\($0 - 1), ", fanWidth) + "*m0]}\n" }.joined()
        let wide = "a: &a [" + repeated("1, ", 2_000) + "1]\nb: [" + repeated("*a, ", 20_000) + "*a]\n"
        let unsafeChain =
            "u0: &u0 !unsafe [x]\n" + (1..<length).map { "u\($0): &u\($0) !unsafe [*u\($0 - 1)]\n" }.joined()
        return [
            ("billion laughs", laughs), ("alias chain", chain), ("mapping alias chain", mappingChain),
            ("merge chain", merges), ("merge fan", mergeFan), ("wide aliases", wide), ("unsafe chain", unsafeChain),
            ("self alias", "a: &a [*a]\n"), ("self merge", "a: &a {<<: *a}\n"),
            ("alias before anchor", "a: *b\nb: &b 1\n"),
        ]
    }

    /// Bytes that are not text: NUL, invalid UTF-8, byte-order marks in odd places, UTF-16.
    static var oddBytes: [(label: String, bytes: [UInt8])] {
        [
            ("NUL bytes", [0x61, 0x3A, 0x20, 0x00, 0x0A]),
            ("only NUL", [UInt8](repeating: 0, count: 4096)),
            ("invalid UTF-8 byte", Array("a: ".utf8) + [0xFF, 0x0A]),
            ("cut-off UTF-8", Array("a: caf".utf8) + [0xC3]),
            ("encoded surrogate", Array("a: \"".utf8) + [0xED, 0xA0, 0x80, 0x22]),
            ("overlong slash", Array("a: ".utf8) + [0xC0, 0xAF]),
            ("UTF-16LE BOM", [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]),
            ("UTF-16BE BOM", [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x3A]),
            ("two BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)),
            ("BOM mid-file", Array("a: 1\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("b: 2\n".utf8)),
            ("lone CR", Array("a: 1\rb: 2\r".utf8)),
            ("tab indentation", Array("a:\n\tb: 1\n".utf8)),
            ("random binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
        ]
    }
}

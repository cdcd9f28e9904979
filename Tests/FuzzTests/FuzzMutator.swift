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

/// Mutates valid files into nearly valid ones: truncations at each kind of position, byte flips,
/// insertions and deletions, tokens that mean something to the readers, and whole-file changes (CRLF,
/// a byte-order mark, tabs in indentation). Deterministic: the same generator state gives the same input.
struct FuzzMutator {
    var random: SimRandom
    /// Extra tokens worth inserting for this kind of input (on top of `commonTokens`).
    var tokens: [String] = []

    /// Bytes after which a truncation is interesting: structure, quotes, escapes, blanks and line ends.
    private static let cutAfter: [UInt8] = Array(":[]{},\"'-|>&*!#\\ \t\n\r=%?@`".utf8)

    static let commonTokens: [String] = [
        "[", "]", "{", "}", ",", ":", ": ", "- ", "-", "\"", "'", "\\", "\\u", "\\x", "\\U0010FFFF", "#", "\n",
        "\r\n", "\r", "\t", " ", "\u{0}", "\u{FEFF}", "\u{85}", "\u{2028}", "é", "😀", "e\u{301}", "&a ", "*a",
        "<<: *a", "!!str ", "!!int ", "!!binary ", "!!set ", "!!omap ", "!unsafe ", "!vault ", "!<tag:x> ",
        "%YAML 1.1\n", "%TAG ! tag:x\n", "---\n", "...\n", "? ", "|", ">-", "|+2", "~", "null", "yes", "0x1F",
        "0o17", "1e999", "-.inf", ".nan", "99999999999999999999999999999999", "2001-12-14t21:59:43.10-05:00",
        "{{ x }}", "{{", "}}", "$(", "`", "$'", "[1:3]", "[a:c]", "[0:99999999]", ":children", ":vars", "=",
        "true", "-Infinity", "NaN", "1.5e308", "0.1e-999", "\"\\ud800\"", "{\"a\":1}",
    ]

    init(random: SimRandom, tokens: [String] = []) {
        self.random = random
        self.tokens = tokens
    }

    mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    mutating func pick<Element>(_ items: [Element]) -> Element { items[int(items.count)] }

    /// One to three mutations of `bytes`, and a label saying which.
    mutating func mutate(_ bytes: [UInt8]) -> (bytes: [UInt8], label: String) {
        var result = bytes
        var labels: [String] = []
        for _ in 0...int(3) {
            labels.append(mutateOnce(&result))
        }
        return (result, labels.joined(separator: "+"))
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8]) -> String {
        switch int(12) {
        case 0: return truncate(&bytes)
        case 1: return truncateAfterStructure(&bytes)
        case 2: return flip(&bytes)
        case 3: return insertRandomBytes(&bytes)
        case 4: return delete(&bytes)
        case 5: return duplicate(&bytes)
        case 6, 7: return insertToken(&bytes)
        case 8: return replaceLineBreaks(&bytes)
        case 9: return tabsForIndentation(&bytes)
        case 10: return insertInvalidUTF8(&bytes)
        default: return swapLines(&bytes)
        }
    }

    private mutating func truncate(_ bytes: inout [UInt8]) -> String {
        let offset = int(bytes.count + 1)
        bytes.removeSubrange(offset...)
        return "truncate@\(offset)"
    }

    /// Cuts right after a structural byte, or inside a multi-byte character.
    private mutating func truncateAfterStructure(_ bytes: inout [UInt8]) -> String {
        let multiByte = int(4) == 0
        let candidates = bytes.indices.filter {
            multiByte ? bytes[$0] >= 0xC0 : Self.cutAfter.contains(bytes[$0])
        }
        guard !candidates.isEmpty else { return truncate(&bytes) }
        let offset = pick(candidates) + 1
        bytes.removeSubrange(offset...)
        return "cut@\(offset)"
    }

    private mutating func flip(_ bytes: inout [UInt8]) -> String {
        guard !bytes.isEmpty else { return insertRandomBytes(&bytes) }
        var offsets: [Int] = []
        for _ in 0...int(8) {
            let offset = int(bytes.count)
            bytes[offset] ^= UInt8(1) << UInt8(int(8))
            offsets.append(offset)
        }
        return "flip@\(offsets.map(String.init).joined(separator: ","))"
    }

    private mutating func insertRandomBytes(_ bytes: inout [UInt8]) -> String {
        let offset = int(bytes.count + 1)
        let count = 1 + int(16)
        bytes.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: offset)
        return "bytes\(count)@\(offset)"
    }

    private mutating func delete(_ bytes: inout [UInt8]) -> String {
        guard !bytes.isEmpty else { return insertToken(&bytes) }
        let start = int(bytes.count)
        let end = min(bytes.count, start + 1 + int(int(2) == 0 ? 8 : 400))
        bytes.removeSubrange(start..<end)
        return "delete@\(start)..<\(end)"
    }

    private mutating func duplicate(_ bytes: inout [UInt8]) -> String {
        guard !bytes.isEmpty else { return insertToken(&bytes) }
        let start = int(bytes.count)
        let end = min(bytes.count, start + 1 + int(200))
        let target = int(bytes.count + 1)
        bytes.insert(contentsOf: Array(bytes[start..<end]), at: target)
        return "copy\(start)..<\(end)@\(target)"
    }

    private mutating func insertToken(_ bytes: inout [UInt8]) -> String {
        let token = pick(tokens.isEmpty || int(2) == 0 ? Self.commonTokens : tokens)
        let offset = int(bytes.count + 1)
        bytes.insert(contentsOf: Array(token.utf8), at: offset)
        return "token\(token.debugDescription)@\(offset)"
    }

    /// LF to CRLF or to CR, or CRLF back to LF, in the whole file.
    private mutating func replaceLineBreaks(_ bytes: inout [UInt8]) -> String {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let (separator, label): ([UInt8], String) = pick([([0x0D, 0x0A], "crlf"), ([0x0D], "cr"), ([0x0A], "lf")])
        bytes = Array(lines.map { $0.last == 0x0D ? Array($0.dropLast()) : Array($0) }.joined(separator: separator))
        if int(2) == 0 {
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            return label + "+bom"
        }
        return label
    }

    /// Replaces the leading spaces of some lines by tabs (YAML forbids tabs in indentation).
    private mutating func tabsForIndentation(_ bytes: inout [UInt8]) -> String {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        var changed = 0
        for index in lines.indices where lines[index].first == 0x20 && int(3) == 0 {
            let indent = lines[index].prefix { $0 == 0x20 }.count
            lines[index].replaceSubrange(0..<indent, with: [UInt8](repeating: 0x09, count: max(1, indent / 2)))
            changed += 1
        }
        bytes = Array(lines.joined(separator: [0x0A]))
        return "tabs\(changed)"
    }

    /// A byte that cannot start UTF-8, a cut-off sequence, an overlong form or an encoded surrogate.
    private mutating func insertInvalidUTF8(_ bytes: inout [UInt8]) -> String {
        let sequences: [[UInt8]] = [
            [0xFF], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90],
        ]
        let sequence = pick(sequences)
        let offset = int(bytes.count + 1)
        bytes.insert(contentsOf: sequence, at: offset)
        return "utf8\(sequence)@\(offset)"
    }

    private mutating func swapLines(_ bytes: inout [UInt8]) -> String {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard lines.count > 1 else { return flip(&bytes) }
        let first = int(lines.count), second = int(lines.count)
        lines.swapAt(first, second)
        bytes = Array(lines.joined(separator: [0x0A]))
        return "swap\(first),\(second)"
    }
}

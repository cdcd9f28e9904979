import PythonParity

/// Ansible's `split_host_pattern` and `order_patterns`: how one `--limit` or host-pattern string becomes
/// the list of single patterns that are then evaluated in order.
///
/// With a comma the string is split at commas. Without one it is a single pattern if it reads as one
/// host address (IPv6 `fe80::1`, `cp1:22`, `node[1:3]`), and otherwise it is split at colons and
/// whitespace, keeping `[...]` together. Pieces are trimmed and empty pieces dropped.
enum HostPatternSplitter {
    /// Splits a pattern string exactly as Ansible does, except that colon splitting refuses to drop an
    /// unbalanced bracket: Ansible silently reads `kube_node[0` as `kube_node` and `0`, which would widen
    /// a `--limit` to the whole group.
    static func split(_ pattern: String) throws(InventoryError) -> [String] {
        let pieces: [String]
        if pattern.unicodeScalars.contains(",") {
            // Split by scalar, as Python does: a comma followed by a combining mark is still a comma.
            pieces = pattern.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
                .map { String(String.UnicodeScalarView($0)) }
        } else if readsAsOneAddress(pattern) {
            pieces = [pattern]
        } else {
            pieces = try colonSeparated(pattern)
        }
        return pieces.map(PythonCharacters.strip).filter { !$0.isEmpty }
    }

    /// True when Ansible's `parse_address(pattern, allow_ranges=True)` returns instead of raising.
    private static func readsAsOneAddress(_ pattern: String) -> Bool {
        do {
            _ = try HostAddress.parse(pattern, allowRanges: true)
            return true
        } catch .portOutOfRange(_, let port) {
            // Python's int() takes any port up to its digit limit; only k8sup insists that it fits in Int.
            return port.utf8.count <= PythonInteger.maximumDigits
        } catch {
            return false
        }
    }

    /// Ansible's `order_patterns`: plain patterns first, then `&` intersections, then `!` exclusions, each
    /// group in the order given; `all` stands in when there is no plain pattern. Empty patterns are skipped.
    static func ordered<Part>(_ parts: [Part], text: (Part) -> String, all: Part) -> [Part] {
        var regular: [Part] = []
        var intersections: [Part] = []
        var exclusions: [Part] = []
        for part in parts {
            switch text(part).unicodeScalars.first {
            case nil: continue
            case "!": exclusions.append(part)
            case "&": intersections.append(part)
            default: regular.append(part)
            }
        }
        return (regular.isEmpty ? [all] : regular) + intersections + exclusions
    }

    /// `re.findall(r"(?:[^\s:\[\]]|\[[^\]]*\])+", pattern)`: runs of characters other than whitespace,
    /// colons and brackets, where a complete `[...]` (which may hold anything but `]`) also counts.
    private static func colonSeparated(_ pattern: String) throws(InventoryError) -> [String] {
        let scalars = Array(pattern.unicodeScalars)
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func finishPiece() {
            if !current.isEmpty { pieces.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "[", let close = scalars[(index + 1)...].firstIndex(of: "]") {
                current.append(contentsOf: scalars[index...close])
                index = close + 1
                continue
            }
            switch scalar {
            case "[":
                throw .pattern(pattern, problem: "has a '[' without a matching ']'")
            case "]":
                throw .pattern(pattern, problem: "has a ']' without a matching '['")
            case ":":
                finishPiece()
            case _ where PythonCharacters.isSpace(scalar):
                finishPiece()
            default:
                current.append(scalar)
            }
            index += 1
        }
        finishPiece()
        return pieces
    }
}

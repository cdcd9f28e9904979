/// A shell wildcard with exactly the meaning Python's `fnmatch.translate` gives it, which is how Ansible
/// matches every host-pattern word that does not start with `~`: `*` any run, `?` any one character,
/// `[seq]` / `[!seq]` a set with `a-z` ranges, everything else literal (there is no escaping), matched
/// against the whole name, case-sensitively, one Unicode scalar (Python code point) at a time.
///
/// Python's reading of sets is followed to the letter: `]` right after `[` or `[!` is a member, an
/// unclosed `[` is a literal, a reversed range such as `[z-a]` is removed (and a set left empty matches
/// nothing, a negated one anything), and a `-` right after a range is a literal.
struct GlobPattern: Sendable, Equatable {
    private enum Element: Sendable, Equatable {
        case star
        case anyScalar
        case literal(Unicode.Scalar)
        case set(ScalarSet)
    }

    /// A bracket expression: its members as inclusive scalar-value ranges, possibly negated.
    private struct ScalarSet: Sendable, Equatable {
        var negated = false
        var members: [ClosedRange<UInt32>] = []

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            members.contains { $0.contains(scalar.value) } != negated
        }
    }

    private let elements: [Element]

    init(_ pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        var elements: [Element] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "*":
                if elements.last != .star { elements.append(.star) }
            case "?":
                elements.append(.anyScalar)
            case "[":
                if let (set, next) = Self.bracketExpression(scalars, from: index) {
                    elements.append(.set(set))
                    index = next
                } else {
                    elements.append(.literal("["))
                }
            default:
                elements.append(.literal(scalar))
            }
        }
        self.elements = elements
    }

    /// True when the whole of `name` matches (Python's `re.match` of `(?s:…)\Z`).
    func matches(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        var element = 0
        var position = 0
        // Every element but `*` consumes exactly one scalar, so backtracking to the latest `*` is enough.
        var lastStar: (element: Int, position: Int)?
        while position < scalars.count {
            if element < elements.count, elements[element] == .star {
                lastStar = (element, position)
                element += 1
            } else if element < elements.count, Self.element(elements[element], matches: scalars[position]) {
                element += 1
                position += 1
            } else if let star = lastStar {
                lastStar = (star.element, star.position + 1)
                element = star.element + 1
                position = star.position + 1
            } else {
                return false
            }
        }
        while element < elements.count, elements[element] == .star { element += 1 }
        return element == elements.count
    }

    private static func element(_ element: Element, matches scalar: Unicode.Scalar) -> Bool {
        switch element {
        case .star, .anyScalar: return true
        case .literal(let literal): return literal == scalar
        case .set(let set): return set.contains(scalar)
        }
    }

    /// `fnmatch.translate`'s handling of `[`: the set starting at `start` (just after the `[`) and the
    /// index after its `]`, or nil when no `]` closes it.
    private static func bracketExpression(_ pattern: [Unicode.Scalar], from start: Int) -> (ScalarSet, Int)? {
        var end = start
        if end < pattern.count, pattern[end] == "!" { end += 1 }
        if end < pattern.count, pattern[end] == "]" { end += 1 }
        while end < pattern.count, pattern[end] != "]" { end += 1 }
        guard end < pattern.count else { return nil }
        let body = Array(pattern[start..<end])
        var chunks = body.contains("-") ? rangeChunks(body) : [body]
        var set = ScalarSet()
        if chunks.first?.first == "!" {
            set.negated = true
            chunks[0].removeFirst()
        }
        // Chunk k-1's last scalar and chunk k's first scalar bound a range; all others are single members.
        for (offset, chunk) in chunks.enumerated() {
            set.members += chunk.map { $0.value...$0.value }
            if offset > 0, let low = chunks[offset - 1].last, let high = chunk.first, low.value <= high.value {
                set.members.append(low.value...high.value)
            }
        }
        return (set, end + 1)
    }

    /// The `chunks` of `fnmatch.translate` for a set body containing `-`: the body cut at each hyphen that
    /// forms a range, with reversed ranges merged away.
    private static func rangeChunks(_ body: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var chunks: [[Unicode.Scalar]] = []
        var chunkStart = 0
        // The first scalar (or the `!` and the one after it) can never start a range.
        var searchFrom = body.first == "!" ? 2 : 1
        while searchFrom < body.count, let hyphen = body[searchFrom...].firstIndex(of: "-") {
            chunks.append(Array(body[chunkStart..<hyphen]))
            chunkStart = hyphen + 1
            searchFrom = hyphen + 3
        }
        let tail = Array(body[chunkStart...])
        if !tail.isEmpty {
            chunks.append(tail)
        } else if !chunks.isEmpty {
            chunks[chunks.count - 1].append("-")
        }
        var index = chunks.count - 1
        while index > 0 {
            if let low = chunks[index - 1].last, let high = chunks[index].first, low.value > high.value {
                chunks[index - 1] = Array(chunks[index - 1].dropLast()) + chunks[index].dropFirst()
                chunks.remove(at: index)
            }
            index -= 1
        }
        return chunks
    }
}

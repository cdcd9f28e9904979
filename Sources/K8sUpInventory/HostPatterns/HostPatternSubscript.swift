/// The `[...]` subscript that may end a host pattern (Ansible's `PATTERN_WITH_SUBSCRIPT`): `[2]` and
/// `[-1]` pick one host, `[1:3]` an inclusive run, `[1:]` a run to the end; the old `[1-3]` and `[1-]`
/// forms mean the same as the colon forms. Indexes count hosts in the order the base pattern gives them.
///
/// Ansible reads any pattern ending in `[digits]` or `[digits:digits]` this way, so `node0[1-3]` is
/// `node0` with a subscript, never a wildcard set; a `~regex` never has a subscript.
struct HostPatternSubscript: Sendable, Equatable {
    enum Selection: Sendable, Equatable {
        case index(Int)
        /// `end` is inclusive; nil means to the last host.
        case range(start: Int, end: Int?)
    }

    /// Why a subscript cannot be applied; the resolver words the message.
    enum Problem: Error, Equatable {
        /// The index, or the start of the range, is not one of the hosts.
        case outOfRange
        /// The range ends before it starts, so it selects nothing.
        case backwards
    }

    /// The subscript as written, brackets included, for messages: `[1:3]`.
    let text: String
    let selection: Selection

    /// Splits `pattern` into the pattern proper and its subscript, if it has one.
    static func split(_ pattern: String) -> (base: String, subscript: HostPatternSubscript?) {
        let scalars = Array(pattern.unicodeScalars)
        // The subscript's body holds no bracket, so only the last `[` can open it; `(.+)` needs one scalar.
        guard scalars.first != "~", scalars.last == "]", let open = scalars.lastIndex(of: "["), open > 0,
            let selection = parseBody(Array(scalars[(open + 1)..<(scalars.count - 1)]))
        else { return (pattern, nil) }
        let base = String(String.UnicodeScalarView(scalars[..<open]))
        let text = String(String.UnicodeScalarView(scalars[open...]))
        return (base, HostPatternSubscript(text: text, selection: selection))
    }

    /// The hosts the subscript selects from `hosts`.
    ///
    /// Unlike Ansible, which ignores a subscript on an empty list, returns nothing for a range that
    /// starts past the end or runs backwards, and reads `[2:0]` as `[2]`, each of those is a problem here.
    /// A range that merely runs past the end is cut short, as Ansible (Python slicing) does.
    func apply(to hosts: [String]) throws(Problem) -> [String] {
        switch selection {
        case .index(let index):
            let position = index < 0 ? hosts.count + index : index
            guard hosts.indices.contains(position) else { throw .outOfRange }
            return [hosts[position]]
        case .range(let start, let end):
            guard hosts.indices.contains(start) else { throw .outOfRange }
            let last = end ?? hosts.count - 1
            guard last >= start else { throw .backwards }
            return Array(hosts[start...min(last, hosts.count - 1)])
        }
    }

    /// `-?[0-9]+` or `[0-9]+[:-][0-9]*`, with Python's `int()` reading of the digits.
    private static func parseBody(_ body: [Unicode.Scalar]) -> Selection? {
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        let negative = body.first == "-"
        let indexDigits = negative ? Array(body.dropFirst()) : body
        if !indexDigits.isEmpty, indexDigits.allSatisfy(isDigit) {
            let magnitude = number(indexDigits)
            return .index(negative ? -magnitude : magnitude)
        }
        guard let separator = body.firstIndex(where: { $0 == ":" || $0 == "-" }), separator > 0 else { return nil }
        let startDigits = Array(body[..<separator])
        let endDigits = Array(body[(separator + 1)...])
        guard startDigits.allSatisfy(isDigit), endDigits.allSatisfy(isDigit) else { return nil }
        return .range(start: number(startDigits), end: endDigits.isEmpty ? nil : number(endDigits))
    }

    /// The value of ASCII digits; numbers too large for `Int` become `Int.max`, which is out of range of
    /// any host list, as Python's arbitrary-precision value would be.
    private static func number(_ digits: [Unicode.Scalar]) -> Int {
        Int(String(String.UnicodeScalarView(digits))) ?? Int.max
    }
}

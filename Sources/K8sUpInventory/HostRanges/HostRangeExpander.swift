import PythonParity

/// Expands host patterns such as `node[01:20]`, `db-[a:f]` or `10.0.[0:1].[1:254:2]` into host names,
/// exactly as Ansible's `_expand_hostpattern` and `expand_hostname_range`
/// (`ansible/plugins/inventory/__init__.py`) do, for the INI and YAML inventory readers.
///
/// Deliberate differences from Ansible, which would silently define no hosts or hang:
/// - a range that selects nothing (`[5:1]`, `[a:e:-1]`) is an error naming the pattern;
/// - a step of 0 is an error (Ansible fails with Python's "range() arg 3 must not be zero");
/// - a pattern may expand to at most `maximumHosts` names, contain at most `maximumRanges` ranges (Python's
///   recursion gives up at about a thousand) and build at most `maximumWork` characters on the way.
enum HostRangeExpander {
    /// Twice the nodes Kubernetes supports in one cluster (5,000); more is surely a typo like `[0:100000]`.
    static let maximumHosts = 10_000
    /// Characters of intermediate and final names an expansion may build before it is refused.
    static let maximumWork = 20_000_000
    /// `[` characters a pattern may contain.
    static let maximumRanges = 500

    /// `_expand_hostpattern(pattern)`: the host names a pattern stands for and the port given with it.
    ///
    /// As in Ansible, a pattern that is not a valid address is still used as written (ranges expanded),
    /// just without a port: `host_:22` is one host named `host_:22`.
    static func expandHostPattern(_ pattern: String) throws(HostRangeError) -> (names: [String], port: Int?) {
        // Without ':' there is no port to split off and without '[' no range: whatever the address check
        // says, the pattern is the one host name (the common case, thousands of times per inventory).
        if !pattern.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "[") }) {
            return ([pattern], nil)
        }
        var host = pattern
        var port: Int?
        do throws(HostRangeError) {
            let address = try HostAddress.parse(pattern, allowRanges: true)
            host = address.host
            port = address.port
        } catch {
            if case .portOutOfRange = error { throw error }
        }
        guard host.unicodeScalars.contains("[") else { return ([host], port) }
        return (try expand(host), port)
    }

    /// `expand_hostname_range(name)`: every range, left to right, each with `[begin:end]` or
    /// `[begin:end:step]`; numbers (zero-padded when `begin` has a leading zero) or letters.
    static func expand(_ name: String) throws(HostRangeError) -> [String] {
        if name.unicodeScalars.lazy.filter({ $0 == "[" }).count > maximumRanges { throw .tooLarge(pattern: name) }
        var results: [String] = []
        var pending = [Array(name.unicodeScalars)]
        var work = 0
        // Depth-first, like Ansible's recursion, but with an explicit stack so that a name with thousands
        // of ranges cannot exhaust the call stack.
        while let next = pending.popLast() {
            guard next.contains("[") else {
                results.append(String(String.UnicodeScalarView(next)))
                if results.count > maximumHosts { throw .tooManyHosts(pattern: name, limit: maximumHosts) }
                continue
            }
            let expanded = try expandFirstRange(next, pattern: name, budget: maximumWork - work)
            work += expanded.count * next.count
            if work > maximumWork { throw .tooLarge(pattern: name) }
            pending.append(contentsOf: expanded.reversed())
        }
        return results
    }

    private typealias Scalars = [Unicode.Scalar]

    /// One step of `expand_hostname_range`: `head[range]tail` → `head<value>tail` for each value.
    private static func expandFirstRange(
        _ name: Scalars, pattern: String, budget: Int
    ) throws(HostRangeError) -> [Scalars] {
        // Ansible replaces the first '[' and then the first ']' (wherever it is) by '|' and splits at '|'.
        var marked = name
        if let open = marked.firstIndex(of: "[") { marked[open] = "|" }
        if let close = marked.firstIndex(of: "]") { marked[close] = "|" }
        let parts = marked.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            let problem =
                name.contains("|")
                ? "a host name with a range cannot contain '|'"
                : "the '[' of a range has no matching ']'"
            throw .badRange(pattern: pattern, problem: problem)
        }
        let (head, range, tail) = (parts[0], parts[1], parts[2])
        let values = try rangeValues(range, pattern: pattern)
        if values.count * name.count > budget { throw .tooLarge(pattern: pattern) }
        return values.map { value in
            var expanded: Scalars = []
            expanded.reserveCapacity(head.count + value.count + tail.count)
            expanded.append(contentsOf: head)
            expanded.append(contentsOf: value)
            expanded.append(contentsOf: tail)
            return expanded
        }
    }

    private static let asciiLetters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)

    /// The texts one `begin:end[:step]` range stands for.
    private static func rangeValues(_ range: ArraySlice<Unicode.Scalar>, pattern: String) throws(HostRangeError)
        -> [Scalars]
    {
        let rangeText = String(String.UnicodeScalarView(range))
        func fail(_ problem: String) -> HostRangeError {
            .badRange(pattern: pattern, problem: "[\(rangeText)]: \(problem)")
        }
        let bounds = range.split(separator: ":", omittingEmptySubsequences: false)
        guard bounds.count == 2 || bounds.count == 3 else {
            throw fail("a range must be [begin:end] or [begin:end:step]")
        }
        let begin = bounds[0].isEmpty ? ArraySlice(["0"]) : bounds[0]
        let end = bounds[1]
        let step = bounds.count == 3 ? bounds[2] : ArraySlice(["1"])
        guard !end.isEmpty else { throw fail("the range has no end value") }
        var width: Int?
        if begin.first == "0" && begin.count > 1 {
            guard begin.count == end.count else {
                throw fail("a zero-padded range needs begin and end of the same length")
            }
            width = begin.count
        }
        if let first = asciiLetters.firstRange(of: begin)?.lowerBound,
            let last = asciiLetters.firstRange(of: end)?.lowerBound
        {
            guard first <= last else { throw fail("the range must have begin <= end") }
            let stride = try stepValue(step, fail: fail)
            let letters = Swift.stride(from: first, through: last, by: stride).map { [asciiLetters[$0]] }
            guard !letters.isEmpty else { throw .emptyRange(pattern: pattern, range: rangeText) }
            return letters
        }
        let low = try integer(begin, what: "begin", fail: fail)
        let high = try integer(end, what: "end", fail: fail)
        let stride = try stepValue(step, fail: fail)
        let count = try valueCount(from: low, through: high, by: stride, pattern: pattern)
        guard count > 0 else { throw .emptyRange(pattern: pattern, range: rangeText) }
        return (0..<count).map { offset in
            let text = String(low + offset * stride)
            return Array((width.map { zeroFilled(text, width: $0) } ?? text).unicodeScalars)
        }
    }

    private static func stepValue(
        _ text: ArraySlice<Unicode.Scalar>, fail: (String) -> HostRangeError
    ) throws(HostRangeError) -> Int {
        let step = try integer(text, what: "step", fail: fail)
        guard step != 0 else { throw fail("the step must not be 0") }
        return step
    }

    private static func integer(
        _ text: ArraySlice<Unicode.Scalar>, what: String, fail: (String) -> HostRangeError
    ) throws(HostRangeError) -> Int {
        do throws(PythonInteger.ParseFailure) {
            return try PythonInteger.parseInt(text)
        } catch .tooLarge {
            throw fail("the \(what) value is too large")
        } catch {
            throw fail("the \(what) '\(String(String.UnicodeScalarView(text)))' is not a number (or a single letter)")
        }
    }

    /// How many values Python's `range(low, high + 1, step)` has, refusing absurd amounts. With a negative
    /// step that is `low, low + step, …` while above `high + 1`, so `[5:1:-1]` is 5, 4, 3.
    private static func valueCount(
        from low: Int, through high: Int, by step: Int, pattern: String
    ) throws(HostRangeError) -> Int {
        let distance: Int
        let overflow: Bool
        if step > 0 {
            (distance, overflow) = high.subtractingReportingOverflow(low)
        } else {
            let (gap, overflow1) = low.subtractingReportingOverflow(high)
            let (shorter, overflow2) = gap.subtractingReportingOverflow(2)
            (distance, overflow) = (shorter, overflow1 || overflow2)
        }
        guard !overflow else { throw .tooManyHosts(pattern: pattern, limit: maximumHosts) }
        guard distance >= 0 else { return 0 }
        // |Int.min| does not fit in Int; such a step can only select `low` itself.
        let count = step == Int.min ? 1 : distance / abs(step) + 1
        guard count <= maximumHosts else { throw .tooManyHosts(pattern: pattern, limit: maximumHosts) }
        return count
    }

    /// Python's `str.zfill(width)`: zeros after any sign.
    private static func zeroFilled(_ text: String, width: Int) -> String {
        let length = text.unicodeScalars.count
        guard length < width else { return text }
        let padding = String(repeating: "0", count: width - length)
        if text.hasPrefix("-") { return "-" + padding + text.dropFirst() }
        return padding + text
    }
}

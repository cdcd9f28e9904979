/// Resolves Ansible host patterns against an inventory, for `--limit` (Ansible's `subset`) and for
/// `ansible PATTERN`-style selections, with the semantics of ansible-core 2.19's `InventoryManager`:
/// `all`, `*`, names, groups, `a,b` and `a:b` unions, `&` intersections, `!` exclusions, `fnmatch`
/// wildcards, `~regex`, `[i]`/`[i:j]` subscripts and `@file` limits; results are deduplicated, in order.
///
/// k8sup deliberately differs where Ansible would quietly select other hosts than the operator meant:
/// - every sub-pattern, `!x` and `&x` parts included, must match some group or host name (Ansible only
///   warns, so a mistyped exclusion would upgrade the node it was meant to protect);
/// - a selection with no hosts, an empty pattern or limit file (Ansible: all hosts), a subscript out of
///   range or running backwards, an unbalanced bracket, `!` or `&` with nothing after it, and an invalid
///   regular expression are all errors;
/// - `masters`, `control-plane`, `nodes`, `workers` are aliases (see `PatternAliases`);
/// - there is no implicit `localhost`.
package struct HostPatternResolver: Sendable {
    package let inventory: Inventory
    package let aliases: PatternAliases

    package init(inventory: Inventory, aliases: PatternAliases = .none) {
        self.inventory = inventory
        self.aliases = aliases
    }

    /// The hosts `--limit limit` leaves of the whole inventory, in the inventory's order (that of `all`),
    /// as `ansible all --limit LIMIT --list-hosts` lists them.
    package func select(_ limit: String) throws(InventoryError) -> [String] {
        let chosen = Set(try subset(limit))
        let everything = try evaluate([Part(text: Inventory.allGroup)], whole: Inventory.allGroup).hosts
        let selected = Self.deduplicated(everything).filter(chosen.contains)
        guard !selected.isEmpty else { throw .pattern(limit, problem: "selects no hosts") }
        return selected
    }

    /// The hosts `pattern` selects, in the pattern's order, as `ansible PATTERN --list-hosts` lists them;
    /// with `limit`, only those the limit also selects (`ansible PATTERN --limit LIMIT`).
    package func hosts(matching pattern: String, limit: String? = nil) throws(InventoryError) -> [String] {
        let parts = try HostPatternSplitter.split(pattern).map { Part(text: $0) }
        guard !parts.isEmpty else { throw Self.emptyPattern(pattern) }
        var selected = Self.deduplicated(try nonEmpty(evaluate(parts, whole: pattern), whole: pattern))
        if let limit {
            let chosen = Set(try subset(limit))
            selected = selected.filter(chosen.contains)
            guard !selected.isEmpty else {
                throw .pattern(pattern, problem: "selects no hosts within the limit '\(limit)'")
            }
        }
        return selected
    }

    /// The hosts a `--limit` string selects by itself (Ansible evaluates the subset as its own pattern list).
    package func subset(_ limit: String) throws(InventoryError) -> [String] {
        try nonEmpty(evaluate(limitParts(limit), whole: limit), whole: limit)
    }

    // MARK: - Evaluation

    /// One single pattern after splitting, with where it came from when that was not the pattern string.
    package struct Part: Sendable, Equatable {
        let text: String
        /// For patterns read from a limit file: `line 3 of limit.txt`.
        var origin: String?

        /// The pattern quoted for a message, with its origin.
        var quoted: String { origin.map { "'\(text)' (\($0))" } ?? "'\(text)'" }
    }

    /// Hosts with repeats (removed only at the end, as Ansible does), and why the list may be empty.
    package struct Evaluation {
        var hosts: [String] = []
        /// The `&` or `!` part that removed the last remaining host.
        var emptiedBy: Part?
        var regular: [Part] = []
    }

    /// Ansible's `_evaluate_patterns`: plain parts add hosts, then `&` parts keep and `!` parts remove.
    /// A part that is exactly a host's name is that host, before any group of the same name.
    package func evaluate(_ parts: [Part], whole: String) throws(InventoryError) -> Evaluation {
        var result = Evaluation()
        let ordered = HostPatternSplitter.ordered(parts, text: \.text, all: Part(text: Inventory.allGroup))
        for part in ordered {
            let leading = part.text.unicodeScalars.first
            if leading != "!" && leading != "&" { result.regular.append(part) }
            // As in Ansible, the whole text is looked up, so a host named `!x` would count as a plain part.
            if inventory.hosts[part.text] != nil {
                result.hosts.append(part.text)
                continue
            }
            let matched = try matchOne(part, whole: whole)
            let hadHosts = !result.hosts.isEmpty
            switch leading {
            case "!":
                let excluded = Set(matched)
                result.hosts.removeAll { excluded.contains($0) }
            case "&":
                let kept = Set(matched)
                result.hosts.removeAll { !kept.contains($0) }
            default:
                let existing = Set(result.hosts)
                result.hosts += matched.filter { !existing.contains($0) }
            }
            if hadHosts, result.hosts.isEmpty, result.emptiedBy == nil { result.emptiedBy = part }
        }
        return result
    }

    /// The evaluation's hosts, or the reason it has none.
    private func nonEmpty(_ evaluation: Evaluation, whole: String) throws(InventoryError) -> [String] {
        guard evaluation.hosts.isEmpty else { return evaluation.hosts }
        if let emptiedBy = evaluation.emptiedBy {
            throw .pattern(whole, problem: "selects no hosts: nothing is left after \(emptiedBy.quoted)")
        }
        let names = evaluation.regular.map(\.quoted).joined(separator: ", ")
        let verb = evaluation.regular.count == 1 ? "has" : "have"
        throw .pattern(whole, problem: "selects no hosts: \(names) \(verb) no hosts")
    }

    package static func emptyPattern(_ pattern: String) -> InventoryError {
        .pattern(pattern, problem: "is empty: name at least one host or group (or 'all' for every host)")
    }

    /// Ansible's `deduplicate_list`: first occurrences, in order.
    package static func deduplicated(_ hosts: [String]) -> [String] {
        var seen: Set<String> = []
        return hosts.filter { seen.insert($0).inserted }
    }
}

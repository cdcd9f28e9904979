/// How one single pattern is matched: Ansible's `_match_one_pattern`, `_enumerate_matches` and
/// `_apply_subscript`, with k8sup's errors where Ansible warns or quietly selects nothing.
extension HostPatternResolver {
    /// What a pattern (without its subscript) matched, with repeats, in Ansible's order.
    package struct Enumeration {
        var hosts: [String] = []
        var groups: [String] = []
        var namedHosts: [String] = []
        var isAlias = false

        /// Ansible warns "Could not match supplied host pattern" exactly when this is false.
        var matchedAnything: Bool { isAlias || !groups.isEmpty || !hosts.isEmpty }
    }

    /// The hosts one part selects, ignoring its `&` or `!`, with repeats where several groups matched.
    package func matchOne(_ part: Part, whole: String) throws(InventoryError) -> [String] {
        var text = part.text
        if let leading = text.unicodeScalars.first, leading == "!" || leading == "&" {
            text = String(text.unicodeScalars.dropFirst())
            guard !text.isEmpty else { throw problem(part, whole, "has nothing after the '\(leading)'") }
        }
        let (base, subscriptPart) = HostPatternSubscript.split(text)
        let found = try enumerate(base, part: part, whole: whole)
        guard found.matchedAnything else {
            var message = "matches no host or group in the inventory"
            if let subscriptPart {
                message += " ('\(text)' reads as '\(base)' followed by the subscript \(subscriptPart.text)"
                let plainName = base.unicodeScalars.allSatisfy {
                    $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
                }
                // A plain name cannot hold regex syntax, so the suggested regex means what the operator meant.
                message += plainName ? "; to match characters, use a regular expression such as '~\(text)$')" : ")"
            }
            throw problem(part, whole, message)
        }
        guard let subscriptPart else { return found.hosts }
        do {
            return try subscriptPart.apply(to: found.hosts)
        } catch {
            switch error {
            case .outOfRange:
                throw .pattern(
                    whole,
                    problem: "subscript \(subscriptPart.text) is out of range: "
                        + Self.describeCount(of: found, base: base) + Self.originSuffix(part))
            case .backwards:
                throw .pattern(
                    whole,
                    problem: "subscript \(subscriptPart.text) selects nothing: its end comes "
                        + "before its start" + Self.originSuffix(part))
            }
        }
    }

    /// Ansible's `_enumerate_matches`: every group whose name matches gives all its hosts (`get_hosts`);
    /// host names are matched too when no group matched or the pattern is a regex or has `.?*[` in it.
    /// An alias stands in when the inventory has no group or host by that name.
    package func enumerate(_ pattern: String, part: Part, whole: String) throws(InventoryError) -> Enumeration {
        if let aliasHosts = aliases.hosts(named: pattern), inventory.groups[pattern] == nil,
            inventory.hosts[pattern] == nil
        {
            return Enumeration(hosts: aliasHosts.filter { inventory.hosts[$0] != nil }, isAlias: true)
        }
        guard let matcher = HostNameMatcher(pattern) else {
            throw problem(part, whole, "is not a valid regular expression")
        }
        var found = Enumeration()
        found.groups = inventory.groupOrder.filter(matcher.matches)
        for group in found.groups { found.hosts += inventory.hosts(inGroup: group) }
        let scalars = pattern.unicodeScalars
        let isWildcardOrRegex = scalars.first == "~" || scalars.contains { ".?*[".unicodeScalars.contains($0) }
        if found.groups.isEmpty || isWildcardOrRegex {
            found.namedHosts = inventory.hostOrder.filter(matcher.matches)
            found.hosts += found.namedHosts
        }
        return found
    }

    /// An error about one part: the part is named unless it is the whole pattern.
    private func problem(_ part: Part, _ whole: String, _ text: String) -> InventoryError {
        let isWhole = part.text == whole && part.origin == nil
        return .pattern(whole, problem: isWhole ? text : "\(part.quoted) \(text)")
    }

    private static func originSuffix(_ part: Part) -> String {
        part.origin.map { " (\($0))" } ?? ""
    }

    /// "group 'kube_node' has 3 hosts", or for wildcards "'kube*' matches 10 hosts" with a note when a
    /// host is counted once per matching group (Ansible indexes that list, repeats included).
    package static func describeCount(of found: Enumeration, base: String) -> String {
        let count = found.hosts.count
        let hosts = count == 1 ? "1 host" : "\(count) hosts"
        if found.isAlias { return "'\(base)' has \(hosts)" }
        if found.groups == [base], found.namedHosts.isEmpty { return "group '\(base)' has \(hosts)" }
        let repeats = Set(found.hosts).count < count ? " (a host counts once for each group it is matched through)" : ""
        return "'\(base)' matches \(hosts)\(repeats)"
    }
}
